/**
 * The checkpoint: a small record of how far a run got, saved after every committed batch, so a
 * run that crashed resumes at the next batch instead of starting over.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** What a run has committed so far. JSON-serialisable; holds no secret. */
export interface Checkpoint {
  readonly version: 1;
  /** The run these batches belong to; its idempotency keys are derived from it. */
  readonly runId: string;
  readonly graphId: string;
  /** {@link fingerprint} of the input: a resume must see the same input. */
  readonly fingerprint: string;
  readonly batchSize: number;
  readonly totalBatches: number;
  /** Index of the last batch the API confirmed, `-1` before the first. */
  readonly lastCommittedBatch: number;
  readonly committedRecords: number;
  readonly updatedAt: string;
}

/** Where checkpoints live: a file for the CLI, memory for tests, a database row for you. */
export interface CheckpointStore {
  /** The saved checkpoint, or `null` when there is none (a fresh start). */
  load(): Promise<Checkpoint | null>;
  /** Saves `checkpoint`, replacing the previous one atomically. */
  save(checkpoint: Checkpoint): Promise<void>;
  /** Forgets the checkpoint (after a finished run, or to start afresh). */
  clear(): Promise<void>;
}

/**
 * A checkpoint in a JSON file, written to a temporary file and renamed over the old one, so a
 * crash mid-write leaves the previous checkpoint intact, never half a file.
 */
export class FileCheckpointStore implements CheckpointStore {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async load(): Promise<Checkpoint | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Checkpoint;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async save(checkpoint: Checkpoint): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`);
    await rename(temporary, this.path);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

/** A checkpoint kept in memory: for tests, or a pipeline embedded in a longer-lived process. */
export class MemoryCheckpointStore implements CheckpointStore {
  #checkpoint: Checkpoint | null = null;

  async load(): Promise<Checkpoint | null> {
    return this.#checkpoint;
  }

  async save(checkpoint: Checkpoint): Promise<void> {
    this.#checkpoint = structuredClone(checkpoint);
  }

  async clear(): Promise<void> {
    this.#checkpoint = null;
  }
}
