/**
 * Memory kept per call: heap used after full GCs, before and after N calls (default 1,000,000
 * introspects on the in-memory fetch, 32 in flight), so only work a call leaves alive shows:
 * a combined AbortSignal in Node's cleanup registry, a timer, a cache entry. Goal: ≤ 5 MB growth.
 *
 * The in-memory fetch answers after one turn of the event loop (`setImmediate`), as any real
 * response does: Node's fetch (undici) registers every `Request` that has a signal (ky gives each
 * request its own AbortController's) in a FinalizationRegistry, whose cleanups run as tasks; a loop
 * of pure microtasks never lets them run, and the registry's table keeps the high-water mark.
 * `--microtasks` answers at once, to show that case.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && node --expose-gc bench/memory.ts [--calls 1000000]`
 * Options: `--signal` passes an AbortSignal to every call (the one case where ky combines signals);
 * `--client ky` measures ky alone; `--microtasks` as above.
 */
import { parseArgs } from 'node:util';
import { generateTokenSecret } from '@graphtoken/contract';
import { GraphToken } from '@graphtoken/sdk';
import ky from 'ky';
import { BASE_URL, cannedFetch } from './fixtures.ts';

/** The goal of issue 12, bytes. */
export const HEAP_GOAL_BYTES = 5 * 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    signal: { type: 'boolean', default: false },
    client: { type: 'string', default: 'sdk' },
    microtasks: { type: 'boolean', default: false },
  },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const turn = () => new Promise((resolve) => setImmediate(resolve));
const fetch: typeof cannedFetch = args.microtasks
  ? cannedFetch
  : async (input, init) => {
      await turn();
      return cannedFetch(input, init);
    };
const client = new GraphToken({ baseUrl: BASE_URL, token: generateTokenSecret(), fetch });
const signal = args.signal ? new AbortController().signal : undefined;
const options = signal ? { signal } : undefined;
/** `--client ky`: ky alone, configured as the SDK configures it, to tell ky's share from the SDK's. */
const kyClient = ky.create({ fetch, retry: { limit: 2 }, timeout: 30_000, totalTimeout: 120_000 });
const call =
  args.client === 'ky'
    ? () => kyClient.get(`${BASE_URL}/v1/tokens/self`, options).json()
    : () => client.tokens.introspect(options);

async function run(calls: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** Heap used after several full GCs, with turns of the event loop between them for finalizers. */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 6; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

const calls = Number(args.calls);
await run(20_000); // warm-up: compiled schemas, JIT, caches
const before = await settledHeap();
const started = performance.now();
await run(calls);
const seconds = (performance.now() - started) / 1000;
const after = await settledHeap();
const growth = after - before;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
console.log(
  `memory (${args.client === 'ky' ? 'ky 2 alone' : '@graphtoken/sdk'}): heap growth after GC over ${calls.toLocaleString('en-US')} calls${signal ? ' (each with an AbortSignal)' : ''}${args.microtasks ? ' (answered in microtasks only)' : ''}: ${MB(growth)} (${MB(before)} → ${MB(after)}; goal ≤ ${MB(HEAP_GOAL_BYTES)}: ${growth <= HEAP_GOAL_BYTES ? 'met' : 'NOT met'}), ${(calls / seconds).toFixed(0)} calls/s`,
);
