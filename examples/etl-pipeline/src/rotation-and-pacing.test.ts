/**
 * The pipeline as issue 11 asks: against a mock with a per-token rate limit, it paces itself by the
 * `RateLimit` headers (the mock's own journal records 0 answers 429 over the whole load), rotates
 * its token on schedule with `tokens.rotateSelf` (the old secret revoked with reason
 * `rotation_grace_ended` once the mock clock passes the grace period), keeps the secret out of the
 * checkpoint and the progress output, and loads every record exactly once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { createRateLimitPacer, GraphToken } from '@graphtoken/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileCheckpointStore } from './checkpoint.ts';
import { type ProgressEvent, runPipeline } from './pipeline.ts';
import { generateRecords, toBlockContent } from './records.ts';
import { SelfRotation } from './self-rotation.ts';
import { FileTokenStore, MemoryTokenStore } from './token-store.ts';
import { verifyGraph } from './verify.ts';

const RECORDS = generateRecords(3000);
const CONTENTS = RECORDS.map(toBlockContent);
const DAY = 86_400_000;
/** 10 requests per second per token: the 30 appends alone need at least three windows. */
const LIMIT = { limit: 10, windowSeconds: 1 };
const GRACE_SECONDS = 600;

let server: GraphTokenMockServer;
let dir: string;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, rateLimit: LIMIT });
  dir = await mkdtemp(join(tmpdir(), 'etl-rotation-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.mock.reset();
  server.mock.rateLimit = LIMIT;
});

describe('a paced, self-rotating load', () => {
  it('sees no 429 under the rate limit, rotates on schedule and loads each record exactly once', async () => {
    const mock = server.mock;
    const graphId = mock.store.addGraph({ name: 'Weather observations', owner: seedIds.accounts.ada }).id;
    // A token minted 31 days ago: with a 30-day schedule it is due at once.
    const original = mock.store.createToken({
      name: 'etl-pipeline',
      scopes: ['write'],
      graphIds: [graphId],
      createdAt: new Date(mock.clock.now().getTime() - 31 * DAY),
    });
    const tokenPath = join(dir, 'token');
    const store = new FileTokenStore(tokenPath);
    await store.write(original.secret);
    const client = new GraphToken({
      baseUrl: server.url,
      token: () => store.read(),
      rateLimit: createRateLimitPacer(),
    });
    const checkpointPath = join(dir, 'checkpoint.json');
    const events: ProgressEvent[] = [];

    const result = await runPipeline({
      client,
      graphId,
      contents: CONTENTS,
      checkpoints: new FileCheckpointStore(checkpointPath),
      rotation: new SelfRotation({
        client,
        store,
        rotateAfterMs: 30 * DAY,
        gracePeriodSeconds: GRACE_SECONDS,
        now: () => mock.clock.now().getTime(),
      }),
      onProgress: (event) => {
        events.push(event);
        // A month passes mid-run: the successor is due too, and the first grace period is over.
        if (event.type === 'batch' && event.batch === 14) mock.clock.advance({ days: 30 });
      },
    });
    expect(result.committedRecords).toBe(3000);

    // Counted by the mock, not by the pipeline: not one request of the load was refused.
    const answered = mock.requests.all();
    expect(answered.filter((r) => r.status === 429)).toEqual([]);
    expect(mock.requests.count({ operationId: 'appendBlocks' })).toBeGreaterThanOrEqual(30);
    expect(answered.filter((r) => r.status >= 400)).toEqual([]);

    // Two rotations on schedule: after the first batch, and after the month passed.
    const rotations = events.filter((e) => e.type === 'rotated');
    expect(rotations.map((e) => e.afterBatch)).toEqual([0, 14]);
    const [first, second] = rotations;
    expect(first!.tokenId).toBe(original.token.id);
    expect(second!.tokenId).toBe(first!.successorId);
    expect(await readFile(tokenPath, 'utf8')).not.toContain(original.secret);
    const current = await store.read();
    expect(mock.store.findTokenBySecret(current)?.id).toBe(second!.successorId);

    // Each token sent the appends of its own stretch: the client moved to the successor at once.
    const appendTokens = mock.requests.filter({ operationId: 'appendBlocks' }).map((r) => r.tokenId);
    expect(appendTokens).toEqual([
      original.token.id,
      ...Array(14).fill(first!.successorId),
      ...Array(15).fill(second!.successorId),
    ]);

    // The grace periods end on the mock clock: the old secrets are revoked by the system.
    mock.clock.advance({ seconds: GRACE_SECONDS + 1 });
    const admin = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
    const revoked = [];
    for await (const event of admin.auditEvents.list({ type: 'token.revoked' })) revoked.push(event);
    expect(
      revoked
        .map(({ tokenId, reason, actor }) => ({ tokenId, reason, actor }))
        .sort((a, b) => a.tokenId.localeCompare(b.tokenId)),
    ).toEqual(
      [original.token.id, first!.successorId]
        .map((tokenId) => ({ tokenId, reason: 'rotation_grace_ended', actor: 'system' }))
        .sort((a, b) => a.tokenId.localeCompare(b.tokenId)),
    );
    expect(mock.store.getToken(original.token.id)?.status).toBe('revoked');
    expect(mock.store.getToken(second!.successorId)?.status).toBe('active');

    const report = await verifyGraph(
      new GraphToken({ baseUrl: server.url, token: current }),
      graphId,
      RECORDS.map((r) => r.id),
    );
    expect(report).toMatchObject({ ok: true, exactlyOnce: 3000, blocksSeen: 3000 });

    // The secrets are in the token file only: never in the checkpoint, the events or the journal.
    const checkpoint = await readFile(checkpointPath, 'utf8');
    const shown = JSON.stringify(events) + checkpoint + JSON.stringify(mock.requests.all());
    for (const secret of [original.secret, current]) expect(shown).not.toContain(secret);
    expect(JSON.stringify({ store })).not.toContain(current);
  }, 60_000);

  it('would see 429s without the pacer (the limit is real)', async () => {
    const graphId = server.mock.store.addGraph({ name: 'Control', owner: seedIds.accounts.ada }).id;
    const { secret } = server.mock.store.createToken({ scopes: ['write'], graphIds: [graphId] });
    const unpaced = new GraphToken({ baseUrl: server.url, token: secret, maxRetries: 0 });
    const calls = Array.from({ length: 2 * LIMIT.limit }, () => unpaced.tokens.introspect());
    await Promise.allSettled(calls);
    expect(server.mock.requests.count({ status: 429 })).toBeGreaterThan(0);
  });

  it('keeps the load going when a due rotation fails, and rotates on a later batch', async () => {
    const mock = server.mock;
    const graphId = mock.store.addGraph({ name: 'Flaky rotation', owner: seedIds.accounts.ada }).id;
    const original = mock.store.createToken({
      scopes: ['write'],
      graphIds: [graphId],
      createdAt: new Date(mock.clock.now().getTime() - 31 * DAY),
    });
    const store = new MemoryTokenStore(original.secret);
    const client = new GraphToken({ baseUrl: server.url, token: () => store.read(), maxRetries: 0 });
    mock.faults.add({ operationId: 'rotateSelfToken', status: 503, times: 1 });
    const events: ProgressEvent[] = [];
    await runPipeline({
      client,
      graphId,
      contents: CONTENTS.slice(0, 300),
      checkpoints: new FileCheckpointStore(join(dir, 'flaky.json')),
      rotation: new SelfRotation({
        client,
        store,
        rotateAfterMs: 30 * DAY,
        now: () => mock.clock.now().getTime(),
      }),
      onProgress: (event) => events.push(event),
    });
    expect(events.filter((e) => e.type === 'rotation-failed').map((e) => e.afterBatch)).toEqual([0]);
    expect(events.filter((e) => e.type === 'rotated').map((e) => e.afterBatch)).toEqual([1]);
    expect(mock.store.listBlocks(graphId)).toHaveLength(300);
    expect(JSON.stringify(events)).not.toContain(original.secret);
  });
});
