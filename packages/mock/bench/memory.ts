/**
 * Memory benchmark: a real `graphtoken-mock` process takes 1,000,000 mixed requests (page reads,
 * introspection, appends with Idempotency-Keys and their same-key retries, 401s carrying 80 KiB
 * bodies), while the mock clock moves one hour every 10,000 requests (so replay records reach
 * their 24-hour expiry, as on a server that runs for days). Goal: RSS after the last request at most
 * 64 MB above RSS after the first 10,000.
 *
 * Two modes: `standalone` (default) runs `graphtoken-mock` as a child process over loopback HTTP
 * and reads its RSS from /proc; `in-process` answers through msw's getResponse in this process
 * (same state, journal and replay store, about ten times the request rate) and reads its own RSS.
 *
 * Run (after `pnpm --filter @graphtoken/mock build`):
 *   node packages/mock/bench/memory.ts [--mode standalone|in-process] [--requests 1000000]
 *     [--concurrency 16] [--state-file] [--probe]
 *     [--journal-size N] [--journal-body-bytes N] (passed to the server)
 *
 * `--probe` (standalone, diagnostic only) loads bench/memory-probe.cjs into the server: after each
 * RSS sample (taken first, as in the goal's run) the server collects its garbage and reports its
 * used and committed heap and its resident memory by kind of mapping, so the growth can be taken
 * apart. The collections it forces change what follows, so a probed run is not the goal's figure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '@graphtoken/mock';
import { createAdminHandlers } from '@graphtoken/mock/http';
import { getResponse } from 'msw';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000000' },
    concurrency: { type: 'string', default: '16' },
    'state-file': { type: 'boolean', default: false },
    mode: { type: 'string', default: 'standalone' },
    probe: { type: 'boolean', default: false },
    'journal-size': { type: 'string' },
    'journal-body-bytes': { type: 'string' },
  },
});
const IN_PROCESS = values.mode === 'in-process';
const TOTAL = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const bin = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'graphtoken-memory-'));
const PROBE = values.probe && !IN_PROCESS;
const probeFile = join(dir, 'probe.jsonl');
const probeFlags = PROBE
  ? ['--expose-gc', '--require', fileURLToPath(new URL('./memory-probe.cjs', import.meta.url))]
  : [];
const args = [
  '--port',
  '0',
  '--quiet',
  ...(values['state-file'] ? ['--state-file', join(dir, 'state.db')] : []),
  ...(values['journal-size'] ? ['--journal-size', values['journal-size']] : []),
  ...(values['journal-body-bytes'] ? ['--journal-body-bytes', values['journal-body-bytes']] : []),
];

/** How requests reach the mock: a fetch, over HTTP or through msw's getResponse. */
let send: (path: string, init?: RequestInit) => Promise<Response>;
let rssMb: () => number;
let stop: () => Promise<unknown>;
/** With --probe: the server's own figures after a full collection, one JSON object per sample. */
let probe: () => Promise<Record<string, unknown> | undefined> = async () => undefined;
if (IN_PROCESS) {
  const mock = createGraphTokenMock();
  const handlers = [...createAdminHandlers(mock), ...mock.handlers];
  send = async (path, init) => (await getResponse(handlers, new Request(mock.baseUrl + path, init)))!;
  rssMb = () => process.memoryUsage.rss() / 2 ** 20;
  stop = async () => {};
} else {
  const child = spawn(process.execPath, [...probeFlags, bin, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, GRAPHTOKEN_MEMORY_PROBE: probeFile },
  });
  const exited = new Promise((done) => child.on('close', done));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error('graphtoken-mock exited')));
  });
  send = (path, init) => fetch(url + path, init);
  rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  };
  if (PROBE) {
    let seen = 0;
    probe = async () => {
      child.kill('SIGUSR2');
      for (let waited = 0; waited < 10_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const lines = (() => {
          try {
            return readFileSync(probeFile, 'utf8').trim().split('\n');
          } catch {
            return [];
          }
        })();
        if (lines.length > seen) {
          seen = lines.length;
          return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
        }
      }
      return undefined;
    };
  }
  stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
}

const created = await send('/v1/tokens', {
  method: 'POST',
  headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'load', scopes: ['write'], graphIds: ['gr_research'] }),
});
const writer = ((await created.json()) as { secret: string }).secret;
// Well-formed but unknown: each gets 401 invalid_token after a lookup.
const stranger = `${writer.slice(0, -10)}${'A'.repeat(10)}`;
const big = JSON.stringify({ blocks: [{ content: 'x'.repeat(9000) }], padding: 'y'.repeat(80 * 1024) });

const counts: Record<string, number> = {};
async function one(i: number): Promise<void> {
  const kind = i % 10;
  let response: Response;
  if (kind <= 3) {
    response = await send('/v1/graphs/gr_research/blocks?limit=20', {
      headers: { authorization: `Bearer ${writer}` },
    });
  } else if (kind <= 5) {
    response = await send('/v1/tokens/self', { headers: { authorization: `Bearer ${writer}` } });
  } else if (kind <= 7) {
    // An append with its own key (kind 6), and a same-key retry of the previous one (kind 7).
    const key = `append-${kind === 6 ? i : i - 1}`;
    response = await send('/v1/graphs/gr_research/blocks', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${writer}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ blocks: [{ content: `load ${kind === 6 ? i : i - 1}` }] }),
    });
  } else {
    response = await send('/v1/graphs/gr_research/blocks', {
      method: 'POST',
      headers: { authorization: `Bearer ${stranger}`, 'content-type': 'application/json' },
      body: big,
    });
  }
  await response.arrayBuffer();
  const key = `${kind <= 3 ? 'page' : kind <= 5 ? 'introspect' : kind <= 7 ? 'append' : '401 big body'} ${response.status}`;
  counts[key] = (counts[key] ?? 0) + 1;
}

const samples: { requests: number; rss: number }[] = [];
const probes: { requests: number; figures: Record<string, unknown> }[] = [];
let next = 0;
let done = 0;
const started = performance.now();
let baseline = 0;
async function worker(): Promise<void> {
  while (next < TOTAL) {
    const i = next++;
    await one(i);
    // In-process every await is a microtask: yield to the event loop now and then, as any real
    // caller does, so that undici's FinalizationRegistry (behind Request.clone(), which msw calls
    // per request) gets to run.
    if (IN_PROCESS && i % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    const at = ++done;
    if (at % 10_000 === 0) {
      await send('/__mock/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance: { hours: 1 } }),
      }).then((r) => r.arrayBuffer());
      // In-process, collect first (with --expose-gc) so the figure is what is held, not garbage.
      if (IN_PROCESS) globalThis.gc?.();
      const rss = rssMb();
      if (at === 10_000) baseline = rss;
      if (at <= 50_000 || at % (process.env.BENCH_EVERY ? Number(process.env.BENCH_EVERY) : 100_000) === 0) {
        samples.push({ requests: at, rss });
        const rate = at / ((performance.now() - started) / 1000);
        console.log(
          `${String(at).padStart(8)} requests: RSS ${rss.toFixed(1)} MB (${rate.toFixed(0)} req/s)` +
            (IN_PROCESS ? `, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MB` : ''),
        );
        const figures = await probe();
        if (figures) {
          probes.push({ requests: at, figures });
          console.log(`          server after a full GC: ${JSON.stringify(figures)}`);
        }
      }
    }
  }
}
try {
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const final = rssMb();
  console.log(
    `\nmode: ${IN_PROCESS ? 'in-process' : 'standalone'}${values['state-file'] ? ' --state-file' : ''}; answers:`,
    counts,
  );
  console.log(
    `RSS after ${TOTAL} requests: ${final.toFixed(1)} MB; after the first 10,000: ${baseline.toFixed(1)} MB; ` +
      `growth ${(final - baseline).toFixed(1)} MB (goal <= 64 MB: ${final - baseline <= 64 ? 'ok' : 'NOT MET'})`,
  );
  if (probes.length > 1) {
    // What grew between the first probe (10,000 requests) and the last, field by field.
    const first = probes[0]!.figures;
    const last = probes[probes.length - 1]!.figures;
    const flat = (o: Record<string, unknown>, prefix = ''): Record<string, number> =>
      Object.fromEntries(
        Object.entries(o).flatMap(([k, v]) =>
          typeof v === 'number'
            ? [[prefix + k, v]]
            : Array.isArray(v)
              ? [
                  [`${prefix}${k}.used`, v[0] as number],
                  [`${prefix}${k}.committed`, v[1] as number],
                ]
              : Object.entries(flat(v as Record<string, unknown>, `${prefix}${k}.`)),
        ),
      );
    const a = flat(first);
    const b = flat(last);
    console.log(
      `\nserver growth from ${probes[0]!.requests} to ${probes[probes.length - 1]!.requests} requests (MB, after a full GC):`,
    );
    for (const k of Object.keys(b))
      console.log(
        `  ${k.padEnd(36)} ${String(a[k] ?? 0).padStart(7)} -> ${String(b[k]).padStart(7)}  (${((b[k] ?? 0) - (a[k] ?? 0)).toFixed(1)})`,
      );
  }
} finally {
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
