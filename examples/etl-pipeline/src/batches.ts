/**
 * Splitting the input into batches, naming each batch's idempotency key, and fingerprinting the
 * input so a resume can prove it continues the same load.
 */

/** The most blocks one append accepts (`AppendBlocksRequest.blocks` has `maxItems: 100`). */
export const MAX_BATCH_SIZE = 100;

/** Splits `items` into consecutive batches of at most `size` items. */
export function toBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
    throw new RangeError(`batch size must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${size}`);
  }
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/**
 * The `Idempotency-Key` of batch `index` of run `runId`. It depends only on the run and the batch,
 * never on the attempt, so every retry of a batch (in this process or after a resume) carries the
 * same key and the API appends it at most once.
 *
 * @see ../../../spec/openapi.yaml `info.description` "Idempotency"
 */
export function batchIdempotencyKey(runId: string, index: number): string {
  return `${runId}/batch-${String(index).padStart(5, '0')}`;
}

/** A new run id: sortable by start time, unique enough to never collide with an earlier run's keys. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `etl-${stamp}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * A SHA-256 fingerprint of the block contents and the batch size. A resume refuses to continue a
 * checkpoint whose fingerprint differs: the same idempotency key with a different body would be
 * rejected by the API (`422` on `Idempotency-Key`), and a different batching would misalign the
 * batches already committed.
 */
export async function fingerprint(contents: readonly string[], batchSize: number): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ batchSize, contents }));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
