/**
 * Tests of "your code" (sync-blocks.ts) against the GraphToken mock. Each test starts from the
 * mock's seed: Ada's graphs "Research notes" (gr_research, 3 blocks), "Team wiki" (gr_team,
 * 2 blocks) and the encrypted "Private journal" (gr_journal).
 */
import { seedIds } from '@graphtoken/mock';
import { isInsufficientScopeError, isRateLimitError, isTokenExpiredError } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { client, mint, mock } from '../vitest.setup.ts';
import { syncBlocks } from './sync-blocks.ts';

const { research, team, journal } = seedIds.graphs;

/** A read token on the source and an append-only token on the target: the least each side needs. */
async function setup(to: string = team) {
  const reader = await mint(['read'], [research]);
  const appender = await mint(['append'], [to]);
  mock.requests.clear(); // assert on what syncBlocks sends, not on the setup
  return { reader, appender, source: client(reader.secret), target: client(appender.secret) };
}

const contents = (graphId: string) => mock.store.listBlocks(graphId).map((b) => b.content);

describe('syncBlocks', () => {
  it('appends every block of the source to the target, in order', async () => {
    const { source, target } = await setup();
    const before = contents(team);

    const result = await syncBlocks({ source, target, from: research, to: team });

    expect(result).toEqual({ copied: 3, batches: 1 });
    // The mock's store is the server's state: check what really landed.
    expect(contents(team)).toEqual([...before, ...contents(research)]);
  });

  it('pages through a big source and appends in batches of batchSize', async () => {
    mock.store.addBlocks(
      research,
      Array.from({ length: 120 }, (_, i) => `note ${i + 1}`),
    );
    const { source, target } = await setup();

    const result = await syncBlocks({ source, target, from: research, to: team, batchSize: 50 });

    expect(result).toEqual({ copied: 123, batches: 3 });
    // Recorded requests: which operations, in which order.
    expect(mock.requests.all().map((r) => r.operationId)).toEqual([
      'listBlocks', // blocks 1-100
      'appendBlocks', // 1-50
      'appendBlocks', // 51-100
      'listBlocks', // 101-123
      'appendBlocks', // 101-123
    ]);
    expect(
      mock.requests
        .filter({ operationId: 'appendBlocks' })
        .map((r) => (r.body as { blocks: [] }).blocks.length),
    ).toEqual([50, 50, 23]);
  });

  it('writes to an encrypted graph with an append-only token', async () => {
    const { source, target } = await setup(journal);
    await syncBlocks({ source, target, from: research, to: journal });
    expect(contents(journal)).toEqual(['A private thought', ...contents(research)]);
  });

  it('refuses to start with a batch size the API would reject', async () => {
    const { source, target } = await setup();
    await expect(syncBlocks({ source, target, from: research, to: team, batchSize: 101 })).rejects.toThrow(
      RangeError,
    );
    expect(mock.requests.count()).toBe(0);
  });
});

describe('when the API misbehaves (faults)', () => {
  it('survives a 500: the SDK retries with the same Idempotency-Key, and the blocks land once', async () => {
    const { source, target } = await setup();
    mock.faults.add({ operationId: 'appendBlocks', status: 500, code: 'internal_error', times: 1 });

    await syncBlocks({ source, target, from: research, to: team });

    const appends = mock.requests.filter({ operationId: 'appendBlocks' });
    expect(appends.map((r) => r.status)).toEqual([500, 201]);
    const [first, retry] = appends.map((r) => r.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(contents(team)).toHaveLength(2 + 3);
  });

  it('survives a dropped connection during an append, without appending twice', async () => {
    const { source, target } = await setup();
    mock.faults.add({ operationId: 'appendBlocks', drop: true, times: 1 });

    await syncBlocks({ source, target, from: research, to: team });

    const appends = mock.requests.filter({ operationId: 'appendBlocks' });
    expect(appends.map((r) => r.status)).toEqual([0, 201]); // 0: the connection dropped
    expect(new Set(appends.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(contents(team)).toHaveLength(2 + 3);
  });

  it('waits out a 429 with Retry-After, then carries on', async () => {
    const { source, target } = await setup();
    mock.faults.add({ operationId: 'listBlocks', retryAfter: 1, times: 1 });

    await syncBlocks({ source, target, from: research, to: team });

    expect(mock.requests.filter({ operationId: 'listBlocks' }).map((r) => r.status)).toEqual([429, 200]);
    expect(contents(team)).toHaveLength(2 + 3);
  });

  it('hands a long Retry-After to the caller as a RateLimitError, with nothing appended', async () => {
    const { source, target } = await setup();
    mock.faults.add({ operationId: 'listBlocks', retryAfter: 3600 });

    const failure = syncBlocks({ source, target, from: research, to: team });

    await expect(failure).rejects.toSatisfy(isRateLimitError);
    await expect(failure).rejects.toMatchObject({ retryAfter: 3600, code: 'rate_limited' });
    expect(mock.requests.count({ operationId: 'appendBlocks' })).toBe(0);
  });
});

describe('tokens over time (the clock)', () => {
  it('stops with TokenExpiredError once the source token has expired', async () => {
    const inAnHour = new Date(mock.clock.now().getTime() + 3_600_000).toISOString();
    const reader = await mint(['read'], [research], inAnHour);
    const appender = await mint(['append'], [team]);

    mock.clock.advance({ hours: 2 }); // no real waiting: the mock's clock jumps

    await expect(
      syncBlocks({
        source: client(reader.secret),
        target: client(appender.secret),
        from: research,
        to: team,
      }),
    ).rejects.toSatisfy(isTokenExpiredError);
    expect(contents(team)).toHaveLength(2);
  });
});

describe('permissions', () => {
  it('fails with InsufficientScopeError when the target token can only read', async () => {
    const reader = await mint(['read'], [research, team]);
    const readOnly = client(reader.secret);

    const failure = syncBlocks({ source: readOnly, target: readOnly, from: research, to: team });

    await expect(failure).rejects.toSatisfy(isInsufficientScopeError);
    await expect(failure).rejects.toMatchObject({ requiredScopes: ['append'], grantedScopes: ['read'] });
    expect(contents(team)).toHaveLength(2);
  });
});

describe('what the recorded requests show', () => {
  it('sends each request with the right token, and records no secret', async () => {
    const { reader, appender, source, target } = await setup();

    await syncBlocks({ source, target, from: research, to: team });

    const [list, append] = mock.requests.all();
    expect(list).toMatchObject({
      operationId: 'listBlocks',
      tokenId: reader.id,
      path: `/v1/graphs/${research}/blocks`,
    });
    expect(append).toMatchObject({ operationId: 'appendBlocks', tokenId: appender.id, status: 201 });
    // Credentials are recorded as their public hint only.
    expect(list?.headers.authorization).toBe(`Bearer gt_…${reader.hint}`);
    const recorded = JSON.stringify(mock.requests.all());
    for (const secret of [reader.secret, appender.secret]) expect(recorded).not.toContain(secret.slice(3));
  });
});
