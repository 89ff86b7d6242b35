/**
 * The check after a load: walk the whole graph with the paginated block list and count how often
 * each expected record appears. Needs a token with `read` (a `write` token has it).
 */
import type { GraphToken } from '@graphtoken/sdk';
import { recordIdOf } from './records.ts';

/** What {@link verifyGraph} found. */
export interface VerifyReport {
  /** Blocks in the graph, the pipeline's and others. */
  readonly blocksSeen: number;
  /** Expected records present exactly once. */
  readonly exactlyOnce: number;
  /** Expected records not in the graph. */
  readonly missing: readonly string[];
  /** Records present more than once, with their count. */
  readonly duplicated: ReadonlyMap<string, number>;
  /** Whether every expected record is present exactly once. */
  readonly ok: boolean;
}

/**
 * Walks every block of `graphId` (page by page; one page in memory at a time) and compares the
 * records found with `expectedIds`.
 */
export async function verifyGraph(
  client: GraphToken,
  graphId: string,
  expectedIds: Iterable<string>,
): Promise<VerifyReport> {
  const counts = new Map<string, number>();
  let blocksSeen = 0;
  for await (const block of client.blocks.list(graphId, { limit: 100 })) {
    blocksSeen++;
    const id = recordIdOf(block.content);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const missing: string[] = [];
  const duplicated = new Map<string, number>();
  let exactlyOnce = 0;
  for (const id of expectedIds) {
    const count = counts.get(id) ?? 0;
    if (count === 0) missing.push(id);
    else if (count === 1) exactlyOnce++;
    else duplicated.set(id, count);
  }
  return { blocksSeen, exactlyOnce, missing, duplicated, ok: missing.length === 0 && duplicated.size === 0 };
}
