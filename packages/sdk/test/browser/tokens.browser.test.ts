/** Token lifecycle through the SDK in real Chromium, answered by the mock's service worker. */
import { seedIds } from '@graphtoken/mock';
import {
  isAuthenticationError,
  isTokenRevokedError,
  isWellFormedToken,
  TokenRevokedError,
} from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { consoleLinesWithSecrets, seenSecrets, useBrowserMock } from './harness.js';

const { mock, admin, clientFor } = useBrowserMock();

describe('tokens in the browser', () => {
  it('runs in a real Chromium, through the service worker', () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(navigator.serviceWorker.controller?.scriptURL).toMatch(/\/mockServiceWorker\.js$/);
  });

  it('introspects the bootstrap token', async () => {
    const me = await admin().tokens.introspect();
    expect(me.token.name).toBe('bootstrap');
    expect(me.token.scopes).toEqual(['manage']);
    expect(me.account.id).toBe(seedIds.accounts.ada);
    expect(mock.requests.last()?.operationId).toBe('introspectToken');
  });

  it('creates a token whose secret works once handed to a new client', async () => {
    const created = await admin().tokens.create({
      name: 'Zapier actions',
      description: 'Appends Zapier action results',
      scopes: ['append'],
      graphIds: [seedIds.graphs.journal],
    });
    seenSecrets.add(created.secret);
    expect(isWellFormedToken(created.secret)).toBe(true); // not toMatch: a failure would print the secret
    expect(created.token).toMatchObject({ name: 'Zapier actions', scopes: ['append'], status: 'active' });
    expect(created.token.hint).toBe(created.secret.slice(-4));

    const me = await clientFor(created.secret).tokens.introspect();
    expect(me.token.id).toBe(created.token.id);
    expect(me.grants).toEqual([
      expect.objectContaining({ graphId: seedIds.graphs.journal, scopes: ['append'] }),
    ]);
  });

  it('lists tokens page by page with the cursor, one request per page', async () => {
    for (let i = 0; i < 24; i++) {
      mock.store.createToken({
        name: `pipeline ${i}`,
        scopes: ['read'],
        graphIds: [seedIds.graphs.research],
      });
    }
    mock.requests.clear();

    const pageSizes: number[] = [];
    const ids = new Set<string>();
    for await (const page of admin().tokens.list({ limit: 10 }).pages()) {
      pageSizes.push(page.data.length);
      for (const token of page.data) ids.add(token.id);
    }
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(ids.size).toBe(25);
    expect(mock.requests.filter({ operationId: 'listTokens' })).toHaveLength(3);

    const names: string[] = [];
    for await (const token of admin().tokens.list({ limit: 7 })) names.push(token.name);
    expect(names).toHaveLength(25);
    expect(names).toContain('bootstrap');
  });

  it('rejects a revoked token with TokenRevokedError', async () => {
    const { token, secret } = await admin().tokens.create({
      name: 'leaked',
      scopes: ['read'],
      graphIds: [seedIds.graphs.research],
    });
    seenSecrets.add(secret);
    const leaked = clientFor(secret);
    await leaked.tokens.introspect();

    await admin().tokens.revoke(token.id);

    const error = await leaked.tokens.introspect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenRevokedError);
    expect(isTokenRevokedError(error)).toBe(true);
    expect(isAuthenticationError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'token_revoked' });
    expect((error as Error).message).not.toContain(secret);
    const listed = await admin().tokens.get(token.id);
    expect(listed.status).toBe('revoked');
  });

  it('lets no secret reach the console', () => {
    expect(consoleLinesWithSecrets()).toEqual([]);
  });
});
