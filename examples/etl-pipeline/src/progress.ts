/** Formats {@link ProgressEvent}s as the lines the CLI prints. */
import type { ProgressEvent } from './pipeline.ts';

/** One human-readable line for a progress event. */
export function formatProgress(event: ProgressEvent): string {
  switch (event.type) {
    case 'start':
      return event.resumed
        ? `resuming run ${event.runId} at batch ${event.fromBatch + 1}/${event.totalBatches}`
        : `run ${event.runId}: ${event.totalRecords} records in ${event.totalBatches} batches`;
    case 'retry':
      return `  batch ${event.batch + 1} attempt ${event.attempt} failed (${event.reason}); retrying in ${event.delayMs} ms`;
    case 'batch': {
      const width = String(event.totalBatches).length;
      const percent = Math.floor((event.committedRecords / event.totalRecords) * 100);
      return `[${String(event.batch + 1).padStart(width)}/${event.totalBatches}] ${event.committedRecords}/${event.totalRecords} records (${percent}%)${event.replayed ? ' (already committed: replayed, not appended again)' : ''}`;
    }
    case 'rotated':
      return `  token ${event.tokenId} rotated itself: now ${event.successorId} (…${event.successorHint}); the old secret works until ${event.graceEndsAt.toISOString()}`;
    case 'rotation-failed':
      return `  the scheduled token rotation failed (${event.reason}); the current secret still works, asking again after the next batch`;
    case 'done':
      return event.alreadyDone
        ? `run ${event.runId} had already finished: nothing to do (use --fresh to load again)`
        : `done: run ${event.runId} committed ${event.committedRecords} records`;
  }
}
