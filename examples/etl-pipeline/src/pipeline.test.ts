/**
 * The pipeline against the GraphToken mock (a real HTTP server): faults injected mid-run, crashes
 * and resumes, and after each, a walk of the whole graph that finds every record exactly once.
 */
import { seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken, isTokenRevokedError } from '@graphtoken/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { batchIdempotencyKey } from './batches.ts';
import { type Checkpoint, type CheckpointStore, MemoryCheckpointStore } from './checkpoint.ts';
import {
  BatchFailedError,
  CheckpointMismatchError,
  type PipelineOptions,
  type ProgressEvent,
  runPipeline,
} from './pipeline.ts';
import { generateRecords, toBlockContent } from './records.ts';
import { verifyGraph } from './verify.ts';

const RECORDS = generateRecords(3000);
const CONTENTS = RECORDS.map(toBlockContent);
const RECORD_IDS = RECORDS.map((r) => r.id);

let server: GraphTokenMockServer;
let graphId: string;
let tokenId: string;
let secret: string;

beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.mock.reset();
  graphId = server.mock.store.addGraph({ name: 'Weather observations', owner: seedIds.accounts.ada }).id;
  ({
    token: { id: tokenId },
    secret,
  } = server.mock.store.createToken({ name: 'etl-pipeline', scopes: ['write'], graphIds: [graphId] }));
});

const newClient = (options: Partial<ConstructorParameters<typeof GraphToken>[0]> = {}) =>
  new GraphToken({ baseUrl: server.url, token: secret, ...options });

/** Runs the pipeline over the 3,000 records, recording progress and the waits it asked for. */
async function run(overrides: Partial<PipelineOptions> & { checkpoints: CheckpointStore }) {
  const events: ProgressEvent[] = [];
  const sleeps: number[] = [];
  const onProgress = overrides.onProgress;
  const result = await runPipeline({
    client: newClient(),
    graphId,
    contents: CONTENTS,
    retry: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 2_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
    onProgress: (event) => {
      events.push(event);
      onProgress?.(event);
    },
  });
  return { result, events, sleeps };
}

async function expectEachRecordExactlyOnce() {
  const report = await verifyGraph(newClient(), graphId, RECORD_IDS);
  expect({ missing: report.missing.length, duplicated: [...report.duplicated] }).toEqual({
    missing: 0,
    duplicated: [],
  });
  expect(report.exactlyOnce).toBe(3000);
  expect(report.blocksSeen).toBe(3000);
  expect(server.mock.store.listBlocks(graphId)).toHaveLength(3000);
}

const appendRequests = () => server.mock.requests.filter({ operationId: 'appendBlocks' });

/** A checkpoint store that "kills the process" when asked to save the checkpoint of batch `at`. */
class CrashingStore implements CheckpointStore {
  readonly inner = new MemoryCheckpointStore();
  readonly at: number;
  readonly when: 'before-save' | 'after-save';
  constructor(at: number, when: 'before-save' | 'after-save') {
    this.at = at;
    this.when = when;
  }
  load() {
    return this.inner.load();
  }
  clear() {
    return this.inner.clear();
  }
  async save(checkpoint: Checkpoint) {
    const crash = checkpoint.lastCommittedBatch === this.at;
    if (crash && this.when === 'before-save')
      throw new Error(`simulated crash before checkpointing batch ${this.at}`);
    await this.inner.save(checkpoint);
    if (crash) throw new Error(`simulated crash after checkpointing batch ${this.at}`);
  }
}

describe('runPipeline', () => {
  it('loads 3,000 records in 30 batches of 100, one idempotency key per batch, reporting progress', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const { result, events } = await run({ checkpoints });

    expect(result).toMatchObject({ committedRecords: 3000, totalBatches: 30, resumed: false });
    const batches = events.filter((e) => e.type === 'batch');
    expect(batches.map((e) => e.committedRecords)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i + 1) * 100),
    );
    expect(events.at(-1)).toMatchObject({ type: 'done', committedRecords: 3000, alreadyDone: false });

    const requests = appendRequests();
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual(
      Array.from({ length: 30 }, (_, i) => batchIdempotencyKey(result.runId, i)),
    );
    expect(await checkpoints.load()).toMatchObject({
      runId: result.runId,
      lastCommittedBatch: 29,
      committedRecords: 3000,
    });
    await expectEachRecordExactlyOnce();
  });

  it('rides out 500s, dropped connections and a 429 injected mid-run, honouring Retry-After', async () => {
    const { events, sleeps } = await run({
      checkpoints: new MemoryCheckpointStore(),
      onProgress: (event) => {
        if (event.type === 'batch' && event.batch === 9) {
          server.mock.faults.add({
            operationId: 'appendBlocks',
            status: 500,
            code: 'internal_error',
            times: 2,
          });
          server.mock.faults.add({ operationId: 'appendBlocks', drop: true, times: 2 });
          server.mock.faults.add({ operationId: 'appendBlocks', retryAfter: 7, times: 1 });
        }
      },
    });

    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => [e.batch, e.attempt])).toEqual([
      [10, 1],
      [10, 2],
      [10, 3],
      [10, 4],
      [10, 5],
    ]);
    expect(retries.map((e) => e.reason.split(':')[0])).toEqual([
      'InternalServerError',
      'InternalServerError',
      'ConnectionError',
      'ConnectionError',
      'RateLimitError',
    ]);
    expect(sleeps.at(-1)).toBeGreaterThanOrEqual(7_000);
    expect(events.find((e) => e.type === 'batch' && e.batch === 10)).toMatchObject({ attempts: 6 });
    await expectEachRecordExactlyOnce();
  });

  it('does not append twice when the API committed a batch but the response was lost', async () => {
    let lose = 0;
    const lossyFetch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      const response = await fetch(input, init);
      // Batch 5 is committed by the API, then the connection dies before the answer arrives.
      if (headers.get('idempotency-key')?.endsWith('batch-00005') && lose++ === 0) {
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    };
    const { events } = await run({
      checkpoints: new MemoryCheckpointStore(),
      client: newClient({ fetch: lossyFetch }),
    });

    expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
    expect(events.find((e) => e.type === 'batch' && e.batch === 5)).toMatchObject({
      attempts: 2,
      replayed: true,
    });
    expect(appendRequests()).toHaveLength(31);
    await expectEachRecordExactlyOnce();
  });

  it.each([
    { when: 'after-save' as const, resumesAt: 12, requests: 30, replayed: false },
    { when: 'before-save' as const, resumesAt: 11, requests: 31, replayed: true },
  ])(
    'resumes after a crash $when of the checkpoint of batch 11, with no duplicate',
    async ({ when, resumesAt, requests, replayed }) => {
      const store = new CrashingStore(11, when);
      await expect(run({ checkpoints: store })).rejects.toThrow(/simulated crash/);
      expect(server.mock.store.listBlocks(graphId)).toHaveLength(1200);

      // A new process: new client, same checkpoint.
      const { result, events } = await run({ checkpoints: store.inner });

      expect(result.resumed).toBe(true);
      expect(events[0]).toMatchObject({ type: 'start', resumed: true, fromBatch: resumesAt });
      expect(events.find((e) => e.type === 'batch')).toMatchObject({ batch: resumesAt, replayed });
      expect(appendRequests()).toHaveLength(requests);
      await expectEachRecordExactlyOnce();
    },
  );

  it('stops at once when the token is revoked mid-run, keeps the checkpoint, and resumes with a new token', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const failure = run({
      checkpoints,
      onProgress: (event) => {
        if (event.type === 'batch' && event.batch === 4) server.mock.store.revokeToken(tokenId);
      },
    });
    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchFailedError);
    expect((error as BatchFailedError).batch).toBe(5);
    expect((error as BatchFailedError).attempts).toBe(1);
    expect(isTokenRevokedError((error as Error).cause)).toBe(true);
    expect((error as Error).message).toMatch(/revoked.*rerun to resume/s);
    expect((error as Error).message).not.toContain(secret);
    expect(await checkpoints.load()).toMatchObject({ lastCommittedBatch: 4, committedRecords: 500 });

    ({ secret } = server.mock.store.createToken({
      name: 'etl-pipeline (new)',
      scopes: ['write'],
      graphIds: [graphId],
    }));
    const { result } = await run({ checkpoints });
    expect(result.resumed).toBe(true);
    await expectEachRecordExactlyOnce();
  });

  it('does nothing when rerun after finishing', async () => {
    const checkpoints = new MemoryCheckpointStore();
    await run({ checkpoints });
    server.mock.requests.clear();

    const { events } = await run({ checkpoints });
    expect(events.at(-1)).toMatchObject({ type: 'done', alreadyDone: true });
    expect(appendRequests()).toHaveLength(0);
    await expectEachRecordExactlyOnce();
  });

  it('refuses to resume a checkpoint written for a different input', async () => {
    const checkpoints = new CrashingStore(3, 'after-save');
    await expect(run({ checkpoints })).rejects.toThrow(/simulated crash/);
    await expect(run({ checkpoints: checkpoints.inner, contents: CONTENTS.slice(1) })).rejects.toThrow(
      CheckpointMismatchError,
    );
  });

  it('keeps the token out of progress events, checkpoints and recorded requests', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const { events } = await run({
      checkpoints,
      onProgress: (event) => {
        if (event.type === 'batch' && event.batch === 2)
          server.mock.faults.add({ operationId: 'appendBlocks', status: 503, times: 1 });
      },
    });
    const everything = JSON.stringify({
      events,
      checkpoint: await checkpoints.load(),
      requests: server.mock.requests.all(),
    });
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/gt_[0-9A-Za-z]{36}/);
  });
});
