/**
 * "Your code": a job that copies every block of one graph into another. It reads with one token
 * and writes with another, so each can have the least scope it needs: `read` on the source,
 * `append` on the target (append-only, the one scope an encrypted graph accepts).
 */
import type { GraphToken } from '@graphtoken/sdk';

/** What to copy, and with which clients. */
export interface SyncBlocksOptions {
  /** A client whose token can read `from`. */
  readonly source: GraphToken;
  /** A client whose token can append to `to`. */
  readonly target: GraphToken;
  /** The graph to copy from (`gr_…`). */
  readonly from: string;
  /** The graph to copy into (`gr_…`). */
  readonly to: string;
  /** Blocks per append request, 1 to 100 (the API's limit). Default 100. */
  readonly batchSize?: number;
}

/** What a sync did. */
export interface SyncBlocksResult {
  /** Blocks appended to the target. */
  readonly copied: number;
  /** Append requests made (retries not counted). */
  readonly batches: number;
}

/**
 * Copies every block of `from` to the end of `to`, in batches. Reading is lazily paginated, so
 * a huge graph never sits in memory. Each append is safe to retry: the SDK sends an
 * `Idempotency-Key` and reuses it when it retries after a 5xx or a dropped connection, so a
 * batch is never appended twice. SDK errors (revoked token, missing scope) propagate unchanged.
 *
 * @example
 * await syncBlocks({ source: reader, target: appender, from: 'gr_research', to: 'gr_team' });
 */
export async function syncBlocks(options: SyncBlocksOptions): Promise<SyncBlocksResult> {
  const { source, target, from, to, batchSize = 100 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) {
    throw new RangeError(`batchSize must be an integer from 1 to 100, not ${batchSize}`);
  }

  let copied = 0;
  let batches = 0;
  let batch: { content: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const { data } = await target.blocks.append(to, { blocks: batch });
    copied += data.length;
    batches++;
    batch = [];
  };

  for await (const block of source.blocks.list(from, { limit: 100 })) {
    batch.push({ content: block.content });
    if (batch.length === batchSize) await flush();
  }
  await flush();
  return { copied, batches };
}
