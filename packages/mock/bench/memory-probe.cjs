/**
 * A diagnostic preload for `bench/memory.ts --probe` (never part of the goal's run): loaded into
 * the `graphtoken-mock` child with `--expose-gc --require`, it answers each SIGUSR2 by collecting
 * garbage and appending one JSON line to the file in GRAPHTOKEN_MEMORY_PROBE: the RSS, V8's used and
 * committed heap, external memory, and the resident size of the process's mappings by kind (V8 heap
 * pages and other small anonymous mappings, the malloc heap, the node binary), from /proc/self/smaps.
 */
const { appendFileSync, readFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');

const MB = 2 ** 20;
const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;

/** Resident MB per kind of mapping. */
function mappings() {
  const out = {};
  let kind;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const size = parseInt(head[2], 16) - parseInt(head[1], 16);
      const name = head[3];
      kind =
        name === '[heap]'
          ? 'mallocHeap'
          : name.endsWith('/node')
            ? 'nodeBinary'
            : name === ''
              ? size < MB
                ? 'anonSmall'
                : 'anonLarge'
              : 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && kind) out[kind] = (out[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] * 10) / 10;
  return out;
}

process.on('SIGUSR2', () => {
  const rssBefore = process.memoryUsage.rss();
  globalThis.gc?.();
  // Again after a turn of the event loop: what a FinalizationRegistry cleanup or a WeakRef kept
  // alive for the current job (undici registers every cloned Request) is collectable only then.
  setImmediate(() => {
    globalThis.gc?.();
    report(rssBefore);
  });
});

function report(rssBefore) {
  const m = process.memoryUsage();
  const spaces = {};
  for (const s of getHeapSpaceStatistics())
    if (s.space_size > 0) spaces[s.space_name] = [mb(s.space_used_size), mb(s.space_size)];
  appendFileSync(
    process.env.GRAPHTOKEN_MEMORY_PROBE,
    `${JSON.stringify({ rssBeforeGc: mb(rssBefore), rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces, mappings: mappings() })}\n`,
  );
}
