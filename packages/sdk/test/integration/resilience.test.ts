/**
 * The behaviours a pipeline relies on, against @graphtoken/mock: rotating a secret without
 * downtime, retrying POSTs safely with one Idempotency-Key, walking a long list page by page, and
 * never letting the token reach a log.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { GraphToken, isTokenRevokedError, type RequestEvent } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';

const mock = useGraphTokenMock();
const { graphs } = seedIds;
const fast = { baseDelayMs: 1, maxDelayMs: 2 };
const admin = () => new GraphToken({ token: BOOTSTRAP_TOKEN, retry: fast });

describe('rotation without downtime', () => {
  it('a provider-backed client picks up the rotated secret after token_revoked', async () => {
    const { token, secret } = await admin().tokens.create({
      name: 'nightly-sync',
      scopes: ['write'],
      graphIds: [graphs.research],
    });
    // The "vault" the pipeline reads its secret from.
    let vault = secret;
    let reads = 0;
    const pipeline = new GraphToken({
      token: async () => {
        reads++;
        return vault;
      },
    });
    await pipeline.blocks.append(graphs.research, { blocks: [{ content: 'before rotation' }] });

    const rotated = await admin().tokens.rotate(token.id, { gracePeriodSeconds: 0 });
    vault = rotated.secret;

    // The old secret is refused; the SDK asks the provider again and retries once with the new one.
    const appended = await pipeline.blocks.append(graphs.research, {
      blocks: [{ content: 'after rotation' }],
    });
    expect(appended.data[0]!.content).toBe('after rotation');
    expect(reads).toBe(2);
    const revokedAttempts = mock.requests.filter({ operationId: 'appendBlocks', status: 401 });
    expect(revokedAttempts).toHaveLength(1);
  });

  it('ten concurrent calls after a revocation share one refresh: one successor minted, not ten', async () => {
    const { token, secret } = await admin().tokens.create({
      name: 'ingest',
      scopes: ['read'],
      graphIds: [graphs.research],
    });
    // A vault that rotates on every read: each provider call mints a successor with its own secret.
    let current = { id: token.id, secret };
    let reads = 0;
    const minted: string[] = [];
    const pipeline = new GraphToken({
      token: async () => {
        reads++;
        if (reads === 1) return current.secret;
        const next = await admin().tokens.create({
          name: 'ingest',
          scopes: ['read'],
          graphIds: [graphs.research],
        });
        minted.push(next.token.id);
        current = { id: next.token.id, secret: next.secret };
        return next.secret;
      },
    });
    await pipeline.graphs.get(graphs.research);
    await admin().tokens.revoke(token.id);

    const results = await Promise.all(Array.from({ length: 10 }, () => pipeline.graphs.get(graphs.research)));
    expect(results.every((g) => g.id === graphs.research)).toBe(true);
    expect(reads).toBe(2);
    expect(minted).toHaveLength(1);
    expect(mock.requests.filter({ operationId: 'getGraph', status: 401 })).toHaveLength(10);
  });

  it('keeps working through a grace period, then fails with TokenRevokedError', async () => {
    const { token, secret } = await admin().tokens.create({
      name: 'ci',
      scopes: ['read'],
      graphIds: [graphs.research],
    });
    const old = new GraphToken({ token: secret });
    await admin().tokens.rotate(token.id, { gracePeriodSeconds: 3600 });
    await expect(old.graphs.get(graphs.research)).resolves.toMatchObject({ id: graphs.research });
    mock.clock.advance({ hours: 2 });
    const error = await old.graphs.get(graphs.research).catch((e: unknown) => e);
    expect(isTokenRevokedError(error)).toBe(true);
  });
});

describe('safe POST retries', () => {
  it('retries a dropped append with the same Idempotency-Key and appends once', async () => {
    const client = new GraphToken({ token: BOOTSTRAP_TOKEN, retry: fast });
    const { secret } = await client.tokens.create({
      name: 'w',
      scopes: ['append'],
      graphIds: [graphs.research],
    });
    const appender = new GraphToken({ token: secret, retry: fast });
    const before = mock.store.listBlocks(graphs.research).length;

    mock.faults.add({ operationId: 'appendBlocks', status: 503, times: 1 });
    await appender.blocks.append(graphs.research, { blocks: [{ content: 'exactly once' }] });

    const attempts = mock.requests.filter({ operationId: 'appendBlocks' });
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['idempotency-key']).toBeDefined();
    expect(attempts[1]!.headers['idempotency-key']).toBe(attempts[0]!.headers['idempotency-key']);
    const contents = mock.store.listBlocks(graphs.research).map((b) => b.content);
    expect(contents.filter((c) => c === 'exactly once')).toHaveLength(1);
    expect(contents).toHaveLength(before + 1);
  });

  it('recovers from a dropped connection on create', async () => {
    mock.faults.add({ operationId: 'createToken', drop: true, times: 1 });
    const created = await admin().tokens.create({
      name: 'net',
      scopes: ['read'],
      graphIds: [graphs.research],
    });
    expect(created.secret).toMatch(/^gt_/);
    expect(mock.requests.filter({ operationId: 'createToken' }).length).toBeGreaterThanOrEqual(1);
  });
});

describe('pagination against the mock', () => {
  it('walks 250 blocks in pages of 100, one request per page', async () => {
    mock.store.addBlocks(
      graphs.research,
      Array.from({ length: 250 }, (_, i) => `bulk ${i}`),
    );
    const total = mock.store.listBlocks(graphs.research).length;
    const { secret } = await admin().tokens.create({
      name: 'r',
      scopes: ['read'],
      graphIds: [graphs.research],
    });
    const reader = new GraphToken({ token: secret, scopes: ['read'] });
    let count = 0;
    for await (const _block of reader.blocks.list(graphs.research, { limit: 100 })) count++;
    expect(count).toBe(total);
    expect(mock.requests.filter({ operationId: 'listBlocks' })).toHaveLength(Math.ceil(total / 100));
  });
});

describe('no token in logs', () => {
  it('hook events and the recorded requests show only the hint', async () => {
    const events: RequestEvent[] = [];
    const client = new GraphToken({
      token: BOOTSTRAP_TOKEN,
      hooks: { onRequest: (e) => void events.push(e) },
    });
    await client.tokens.introspect();
    const logged = JSON.stringify({ events, recorded: mock.requests.all() });
    expect(logged).not.toContain(BOOTSTRAP_TOKEN);
    expect(events[0]!.headers.authorization).toBe(`Bearer gt_…${BOOTSTRAP_TOKEN.slice(-4)}`);
  });
});
