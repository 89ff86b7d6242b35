/** Appending and scope errors through the SDK in real Chromium, answered by the mock's service worker. */
import { seedIds } from '@graphtoken/mock';
import { InsufficientScopeError, isInsufficientScopeError, isPermissionDeniedError } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { consoleLinesWithSecrets, useBrowserMock } from './harness.js';

const { mock, clientFor } = useBrowserMock();

function appendOnlyClient() {
  const { secret } = mock.store.createToken({
    name: 'append only',
    scopes: ['append'],
    graphIds: [seedIds.graphs.research],
  });
  return { client: clientFor(secret), secret };
}

describe('blocks in the browser', () => {
  it('appends blocks with an append-only token', async () => {
    const { client } = appendOnlyClient();
    const before = mock.store.listBlocks(seedIds.graphs.research).length;

    const result = await client.blocks.append(seedIds.graphs.research, {
      blocks: [{ content: 'from the browser' }, { content: 'and another' }],
    });

    expect(result.data.map((b) => b.content)).toEqual(['from the browser', 'and another']);
    const stored = mock.store.listBlocks(seedIds.graphs.research);
    expect(stored).toHaveLength(before + 2);
    expect(stored.at(-1)?.content).toBe('and another');
  });

  it('refuses reading with an append-only token with InsufficientScopeError', async () => {
    const { client, secret } = appendOnlyClient();

    const error = await client.blocks
      .list(seedIds.graphs.research)
      .firstPage()
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(error).toBeInstanceOf(InsufficientScopeError);
    expect(isInsufficientScopeError(error)).toBe(true);
    expect(isPermissionDeniedError(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'insufficient_scope' });
    const problem = (error as InsufficientScopeError).problem;
    expect(problem?.requiredScopes).toEqual(['read']);
    expect(problem?.grantedScopes).toEqual(['append']);
    expect((error as Error).message).toMatch(/read/);
    expect((error as Error).message).not.toContain(secret);
  });

  it('lets no secret reach the console', () => {
    expect(consoleLinesWithSecrets()).toEqual([]);
  });
});
