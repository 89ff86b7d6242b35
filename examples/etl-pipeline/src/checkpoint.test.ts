import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Checkpoint, FileCheckpointStore, MemoryCheckpointStore } from './checkpoint.ts';

const checkpoint: Checkpoint = {
  version: 1,
  runId: 'etl-test',
  graphId: 'gr_research',
  fingerprint: 'sha256:00',
  batchSize: 100,
  totalBatches: 30,
  lastCommittedBatch: 4,
  committedRecords: 500,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etl-checkpoint-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  { name: 'FileCheckpointStore', make: () => new FileCheckpointStore(join(dir, 'checkpoint.json')) },
  { name: 'MemoryCheckpointStore', make: () => new MemoryCheckpointStore() },
])('$name', ({ make }) => {
  it('loads null before the first save, then what was saved, then null after clear', async () => {
    const store = make();
    expect(await store.load()).toBeNull();
    await store.save(checkpoint);
    expect(await store.load()).toEqual(checkpoint);
    await store.save({ ...checkpoint, lastCommittedBatch: 5 });
    expect((await store.load())?.lastCommittedBatch).toBe(5);
    await store.clear();
    expect(await store.load()).toBeNull();
  });
});

describe('FileCheckpointStore', () => {
  it('writes readable JSON and leaves no temporary file behind', async () => {
    const store = new FileCheckpointStore(join(dir, 'checkpoint.json'));
    await store.save(checkpoint);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual(checkpoint);
    expect(await readdir(dir)).toEqual(['checkpoint.json']);
  });
});
