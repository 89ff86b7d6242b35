/**
 * The "extract" and "transform" steps of the pipeline: a deterministic source of records (so a
 * resumed run sees exactly the same input as the run it continues) and the mapping from a record
 * to the content of one graph block.
 */

/** One record from the source system: a weather station reading. */
export interface SourceRecord {
  /** Stable, unique id of the record in the source system (`rec-000001`). */
  readonly id: string;
  readonly station: string;
  readonly observedAt: string;
  readonly temperatureC: number;
}

const STATIONS = ['AMS-01', 'RTM-02', 'UTR-03', 'EIN-04', 'GRQ-05', 'MST-06', 'DHR-07'] as const;

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same records. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates `count` records deterministically: the same `count` and `seed` give the same records,
 * in the same order, on every run. Stands in for your real source (a database query, a CSV, an API).
 *
 * @example
 * const records = generateRecords(3000); // rec-000001 … rec-003000
 */
export function generateRecords(count: number, seed = 2024): SourceRecord[] {
  const random = prng(seed);
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `rec-${String(i + 1).padStart(6, '0')}`,
    station: STATIONS[Math.floor(random() * STATIONS.length)]!,
    observedAt: new Date(start + i * 60_000).toISOString(),
    temperatureC: Math.round((random() * 40 - 10) * 10) / 10,
  }));
}

/**
 * The content of the block a record becomes. It starts with the record id, which is how
 * {@link recordIdOf} (and so the verification step) recognises the record in the graph.
 */
export function toBlockContent(record: SourceRecord): string {
  return `${record.id} · station ${record.station} · ${record.observedAt} · ${record.temperatureC} °C`;
}

const RECORD_ID = /^(rec-\d{6}) · /;

/** The record id a block's content was made from, or `null` for a block this pipeline did not write. */
export function recordIdOf(content: string): string | null {
  return RECORD_ID.exec(content)?.[1] ?? null;
}
