/**
 * The "load" step: appends block contents to a graph in batches of up to 100, one idempotency key
 * per batch, a checkpoint after every committed batch, and a resume from that checkpoint.
 *
 * The guarantee: however often the process dies or the network fails, rerunning the pipeline
 * with the same input and checkpoint ends with every record in the graph exactly once.
 * - A batch that failed before the API committed it is retried (same key) or resumed (same key).
 * - A batch the API committed whose response was lost (dropped connection, crash before the
 *   checkpoint was saved) is sent again with the same key; the API replays the stored response
 *   instead of appending a second time.
 */
import type { GraphToken } from '@graphtoken/sdk';
import { batchIdempotencyKey, fingerprint, MAX_BATCH_SIZE, newRunId, toBatches } from './batches.ts';
import type { Checkpoint, CheckpointStore } from './checkpoint.ts';
import { defaultRetryPolicy, type RetryPolicy, retryDelay } from './retry.ts';
import type { Rotation } from './self-rotation.ts';

/** What the pipeline reports as it goes; the CLI prints these, a job runner might send them on. */
export type ProgressEvent =
  | {
      readonly type: 'start';
      readonly runId: string;
      readonly totalBatches: number;
      readonly totalRecords: number;
      /** The batch index a resumed run starts at; `0` for a fresh run. */
      readonly fromBatch: number;
      readonly resumed: boolean;
    }
  | {
      readonly type: 'retry';
      readonly batch: number;
      readonly attempt: number;
      readonly delayMs: number;
      /** Why the attempt failed: an error name and message, never a secret. */
      readonly reason: string;
    }
  | {
      readonly type: 'batch';
      readonly batch: number;
      readonly totalBatches: number;
      readonly committedRecords: number;
      readonly totalRecords: number;
      readonly attempts: number;
      /**
       * The API had already committed this batch (its response was lost, or the run crashed before
       * saving the checkpoint) and replayed the stored answer instead of appending again.
       */
      readonly replayed: boolean;
    }
  | ({
      /** The token rotated itself after a committed batch (ids and hint only, never the secret). */
      readonly type: 'rotated';
      readonly afterBatch: number;
    } & Rotation)
  | {
      /** A due rotation failed; the load goes on with the current secret and asks again next batch. */
      readonly type: 'rotation-failed';
      readonly afterBatch: number;
      /** An error name and message, never a secret. */
      readonly reason: string;
    }
  | {
      readonly type: 'done';
      readonly runId: string;
      readonly committedRecords: number;
      readonly alreadyDone: boolean;
    };

/** Options of {@link runPipeline}. */
export interface PipelineOptions {
  /** A client with a token that can append to `graphId` (`append` or `write`). */
  readonly client: GraphToken;
  readonly graphId: string;
  /** The transformed input: one block content per record, in a stable order. */
  readonly contents: readonly string[];
  /** Where the checkpoint is loaded from and saved to. */
  readonly checkpoints: CheckpointStore;
  /** Blocks per append, 1–100; default 100. */
  readonly batchSize?: number;
  readonly retry?: RetryPolicy;
  /** Called with every progress event. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Stops the run between batches (the checkpoint stays valid; rerun to resume). */
  readonly signal?: AbortSignal;
  /** Waits between retries; replace it in tests to skip the wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The id of a fresh run; default {@link newRunId}. Ignored when resuming. */
  readonly runId?: string;
  /**
   * Rotation on schedule ({@link SelfRotation}): asked after every batch committed in this run,
   * never before the first batch of a resumed run (that batch may have been sent with the current
   * token before a crash; the API matches its idempotency key only for the same token).
   */
  readonly rotation?: { rotateIfDue(): Promise<Rotation | null> };
}

/** The outcome of a finished run. */
export interface PipelineResult {
  readonly runId: string;
  readonly committedRecords: number;
  readonly totalBatches: number;
  /** Whether this call continued an earlier, interrupted run. */
  readonly resumed: boolean;
}

/** The checkpoint belongs to a different input, graph or batch size: resuming it would be wrong. */
export class CheckpointMismatchError extends Error {
  override readonly name = 'CheckpointMismatchError';
}

/** A batch failed in a way a retry cannot fix, or ran out of attempts. The checkpoint is intact. */
export class BatchFailedError extends Error {
  override readonly name = 'BatchFailedError';
  readonly batch: number;
  readonly attempts: number;

  constructor(batch: number, attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(
      `batch ${batch} failed after ${attempts} attempt(s): ${reason}. ` +
        'Batches before it are committed and checkpointed; fix the cause and rerun to resume.',
      { cause },
    );
    this.batch = batch;
    this.attempts = attempts;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Loads `contents` into a graph, resuming from the saved checkpoint when there is one.
 *
 * @example
 * const client = new GraphToken({ token: process.env.GRAPHTOKEN_TOKEN });
 * await runPipeline({
 *   client,
 *   graphId: 'gr_research',
 *   contents: generateRecords(3000).map(toBlockContent),
 *   checkpoints: new FileCheckpointStore('.etl-checkpoint.json'),
 *   onProgress: (event) => console.log(event),
 * });
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { client, graphId, contents, checkpoints, onProgress, signal } = options;
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  const sleep = options.sleep ?? defaultSleep;
  const policy = options.retry ?? defaultRetryPolicy;
  const batches = toBatches(contents, batchSize);
  const inputFingerprint = await fingerprint(contents, batchSize);

  const saved = await checkpoints.load();
  if (saved && (saved.fingerprint !== inputFingerprint || saved.graphId !== graphId)) {
    throw new CheckpointMismatchError(
      `the checkpoint of run ${saved.runId} was written for ${saved.graphId === graphId ? 'a different input or batch size' : `graph ${saved.graphId}`}; ` +
        'restore that input to resume it, or clear the checkpoint (--fresh on the command line) to start a new run, which loads everything again',
    );
  }
  let checkpoint: Checkpoint = saved ?? {
    version: 1,
    runId: options.runId ?? newRunId(),
    graphId,
    fingerprint: inputFingerprint,
    batchSize,
    totalBatches: batches.length,
    lastCommittedBatch: -1,
    committedRecords: 0,
    updatedAt: new Date().toISOString(),
  };
  if (!saved) await checkpoints.save(checkpoint);

  const resumed = saved !== null && saved.lastCommittedBatch >= 0;
  const fromBatch = checkpoint.lastCommittedBatch + 1;
  const alreadyDone = fromBatch >= batches.length;
  onProgress?.({
    type: 'start',
    runId: checkpoint.runId,
    totalBatches: batches.length,
    totalRecords: contents.length,
    fromBatch,
    resumed,
  });

  for (let index = fromBatch; index < batches.length; index++) {
    signal?.throwIfAborted();
    const batch = batches[index]!;
    const key = batchIdempotencyKey(checkpoint.runId, index);
    const { attempts, replayed } = await appendWithRetry(batch, key, index);
    checkpoint = {
      ...checkpoint,
      lastCommittedBatch: index,
      committedRecords: checkpoint.committedRecords + batch.length,
      updatedAt: new Date().toISOString(),
    };
    await checkpoints.save(checkpoint);
    onProgress?.({
      type: 'batch',
      batch: index,
      totalBatches: batches.length,
      committedRecords: checkpoint.committedRecords,
      totalRecords: contents.length,
      attempts,
      replayed,
    });
    if (options.rotation) await rotateIfDue(options.rotation, index);
  }

  onProgress?.({
    type: 'done',
    runId: checkpoint.runId,
    committedRecords: checkpoint.committedRecords,
    alreadyDone,
  });
  return {
    runId: checkpoint.runId,
    committedRecords: checkpoint.committedRecords,
    totalBatches: batches.length,
    resumed,
  };

  /**
   * Rotates the token when due. A failed rotation does not stop the load: the old secret still
   * works, and the next batch asks again (the same Idempotency-Key, so the same successor).
   */
  async function rotateIfDue(rotation: NonNullable<PipelineOptions['rotation']>, index: number) {
    try {
      const rotated = await rotation.rotateIfDue();
      if (rotated) onProgress?.({ type: 'rotated', afterBatch: index, ...rotated });
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      onProgress?.({ type: 'rotation-failed', afterBatch: index, reason });
    }
  }

  /** Appends one batch, retrying transient failures with the same key. */
  async function appendWithRetry(
    batch: readonly string[],
    key: string,
    index: number,
  ): Promise<{ attempts: number; replayed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      try {
        // maxRetries: 0 leaves every retry to this loop, which reports it and can wait longer.
        const { response } = await client.blocks
          .append(
            graphId,
            { blocks: batch.map((content) => ({ content })) },
            { idempotencyKey: key, maxRetries: 0, ...(signal ? { signal } : {}) },
          )
          .withResponse();
        return { attempts: attempt, replayed: response.headers.get('idempotent-replayed') === 'true' };
      } catch (error) {
        if (signal?.aborted) throw error;
        const delayMs = retryDelay(error, attempt, policy);
        if (delayMs === null) throw new BatchFailedError(index, attempt, error);
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        onProgress?.({ type: 'retry', batch: index, attempt, delayMs, reason });
        await sleep(delayMs);
      }
    }
  }
}
