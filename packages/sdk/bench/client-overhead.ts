/**
 * Client overhead: operations per second of two typical calls (introspect `self`; one page of
 * 100 tokens) for this SDK, plain `fetch` + `JSON.parse`, and openapi-fetch, all on the same
 * in-memory `fetch` (bench/fixtures.ts), so the network is out of the picture and only what each
 * client does around `fetch` is measured.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && pnpm --filter @graphtoken/sdk bench`
 * Options: `--time <ms>` measured per task (default 3000), split into `--rounds <n>` interleaved
 * slices (default 15); `--filter <text>` keeps matching rows only, e.g. to profile one client:
 * `node --cpu-prof bench/client-overhead.ts --filter 'introspect · @graphtoken/sdk'`.
 * Writes bench/results/latest.json (gitignored).
 *
 * The SDK is imported by its package name, so this measures the built dist, as users run it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { generateTokenSecret, IntrospectionSchema, type paths, TokenPageSchema } from '@graphtoken/contract';
import { GraphToken } from '@graphtoken/sdk';
import ky from 'ky';
import createOpenApiClient from 'openapi-fetch';
import { BASE_URL, bodySizes, cannedFetch, introspection, tokenPage } from './fixtures.ts';

const { values: args } = parseArgs({
  options: {
    time: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '15' },
    filter: { type: 'string', default: '' },
  },
});

// The fixtures must be what the spec says a server sends, or the validating clients would be
// benchmarking their error path.
for (const [name, schema, data] of [
  ['introspection', IntrospectionSchema, introspection],
  ['token page', TokenPageSchema, tokenPage],
] as const) {
  const result = schema.safeParse(data);
  if (!result.success)
    throw new Error(`bench fixture ${name} is not spec-valid: ${JSON.stringify(result.error.issues)}`);
}

const token = generateTokenSecret();
const authorization = `Bearer ${token}`;

// --- the clients -------------------------------------------------------------------------------

/** What a careful hand-written client does: fetch, check the status, parse. No validation. */
async function plainGet(path: string): Promise<unknown> {
  const response = await cannedFetch(`${BASE_URL}${path}`, {
    headers: { authorization, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return JSON.parse(await response.text());
}

/** The same plus zod/mini validation with the SDK's own schemas: the floor for a validating client. */
async function plainValidatedGet(
  path: string,
  schema: typeof IntrospectionSchema | typeof TokenPageSchema,
): Promise<unknown> {
  const result = schema.safeParse(await plainGet(path));
  if (!result.success) throw new Error('invalid response');
  return result.data;
}

const openapi = createOpenApiClient<paths>({
  baseUrl: BASE_URL,
  fetch: (request) => cannedFetch(request),
  headers: { authorization },
});

/** ky 2 on its own with retries on (ky's default rules) and both timeouts: the floor for a ky-based client, the goal's baseline. */
const kyClient = ky.create({
  fetch: cannedFetch,
  headers: { authorization, accept: 'application/json' },
  retry: { limit: 2 },
  timeout: 30_000,
  totalTimeout: 120_000,
});

/**
 * ky 2 with the options the SDK gives it (a copy of `ky.create` in src/internal/transport.ts: its
 * retry rules, `redirect: 'manual'`), to show what those options cost inside ky on every call:
 * ky merges an instance's options into each call's and normalises the retry options twice.
 */
const retryStatuses = [408, 425, 429, 500, 502, 503, 504];
const kySdkOptions = ky.create({
  fetch: cannedFetch,
  headers: { authorization, accept: 'application/json' },
  timeout: 30_000,
  totalTimeout: 120_000,
  redirect: 'manual',
  retry: {
    limit: 2,
    methods: ['get', 'put', 'head', 'delete', 'options', 'patch', 'post'],
    statusCodes: retryStatuses,
    afterStatusCodes: retryStatuses,
    maxRetryAfter: 60_000,
    backoffLimit: 8_000,
    delay: (n) => 500 * 2 ** (n - 1),
    jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
    retryOnTimeout: true,
    shouldRetry: () => undefined,
  },
});

const sdk = new GraphToken({ baseUrl: BASE_URL, token, fetch: cannedFetch });
const sdkUnvalidated = new GraphToken({
  baseUrl: BASE_URL,
  token,
  fetch: cannedFetch,
  validateResponses: false,
});

function expectOk<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} returned no data`);
  return value;
}

type CallName = 'introspect' | 'listTokens (100)';
type ClientName =
  | 'fetch + JSON.parse'
  | 'fetch + JSON.parse + zod/mini'
  | 'openapi-fetch'
  | 'ky 2'
  | "ky 2 (the SDK's options)"
  | '@graphtoken/sdk'
  | '@graphtoken/sdk (validateResponses: false)';

/** Which clients validate responses against the spec. */
const validates: Record<ClientName, boolean> = {
  'fetch + JSON.parse': false,
  'fetch + JSON.parse + zod/mini': true,
  'openapi-fetch': false,
  'ky 2': false,
  "ky 2 (the SDK's options)": false,
  '@graphtoken/sdk': true,
  '@graphtoken/sdk (validateResponses: false)': false,
};

const cases: Record<CallName, Record<ClientName, () => Promise<unknown>>> = {
  introspect: {
    'fetch + JSON.parse': () => plainGet('/v1/tokens/self'),
    'fetch + JSON.parse + zod/mini': () => plainValidatedGet('/v1/tokens/self', IntrospectionSchema),
    'openapi-fetch': async () => expectOk((await openapi.GET('/v1/tokens/self')).data, 'openapi-fetch'),
    'ky 2': () => kyClient.get(`${BASE_URL}/v1/tokens/self`).json(),
    "ky 2 (the SDK's options)": () => kySdkOptions.get(`${BASE_URL}/v1/tokens/self`).json(),
    '@graphtoken/sdk': () => sdk.tokens.introspect(),
    '@graphtoken/sdk (validateResponses: false)': () => sdkUnvalidated.tokens.introspect(),
  },
  'listTokens (100)': {
    'fetch + JSON.parse': () => plainGet('/v1/tokens?limit=100'),
    'fetch + JSON.parse + zod/mini': () => plainValidatedGet('/v1/tokens?limit=100', TokenPageSchema),
    'openapi-fetch': async () =>
      expectOk(
        (await openapi.GET('/v1/tokens', { params: { query: { limit: 100 } } })).data,
        'openapi-fetch',
      ),
    // The URL built beforehand, as the SDK builds its own: ky's `searchParams` would add its own work.
    'ky 2': () => kyClient.get(`${BASE_URL}/v1/tokens?limit=100`).json(),
    "ky 2 (the SDK's options)": () => kySdkOptions.get(`${BASE_URL}/v1/tokens?limit=100`).json(),
    '@graphtoken/sdk': () => sdk.tokens.list({ limit: 100 }).firstPage(),
    '@graphtoken/sdk (validateResponses: false)': () =>
      sdkUnvalidated.tokens.list({ limit: 100 }).firstPage(),
  },
};

// Every client must really get the data before its speed means anything.
for (const [call, clients] of Object.entries(cases)) {
  for (const [client, run] of Object.entries(clients)) {
    const data = (await run()) as { data?: unknown[]; token?: unknown };
    const ok = call === 'introspect' ? data.token !== undefined : data.data?.length === 100;
    if (!ok) throw new Error(`${client} did not return the canned ${call} response`);
  }
}

// --- the run -----------------------------------------------------------------------------------
// A hand loop, not one task after another: the clients take turns in short slices (in a fresh
// random order each round), so background load on a shared machine hits them all alike, and each
// round yields its own ratio to plain fetch. Reported: the median over rounds.

interface Task {
  call: CallName;
  client: ClientName;
  run: () => Promise<unknown>;
  rounds: number[];
  ratios: number[];
}

const timePerTask = Number(args.time);
const rounds = Number(args.rounds);
const sliceMs = timePerTask / rounds;
const tasks: Task[] = [];
for (const [call, clients] of Object.entries(cases) as [
  CallName,
  Record<ClientName, () => Promise<unknown>>,
][]) {
  for (const [client, run] of Object.entries(clients) as [ClientName, () => Promise<unknown>][]) {
    if (args.filter && !`${call} · ${client}`.includes(args.filter)) continue;
    tasks.push({ call, client, run, rounds: [], ratios: [] });
  }
}

/** Runs `task` back to back for `ms`; returns completed calls per second. */
async function slice(task: Task, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  while (now < end) {
    await task.run();
    n++;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

console.log(
  `client overhead on an in-memory fetch: ${tasks.length} tasks, ${rounds} interleaved rounds × ${sliceMs.toFixed(0)} ms each, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}`,
);
console.log(`bodies: introspect ${bodySizes.introspect} B, listTokens ${bodySizes.listTokens} B\n`);

// Warm-up: let every code path get optimised before anything is timed.
for (const task of tasks) await slice(task, Math.max(200, sliceMs));

for (let round = 0; round < rounds; round++) {
  for (const task of shuffle(tasks)) task.rounds.push(await slice(task, sliceMs));
  for (const task of tasks) {
    const plain = tasks.find((t) => t.call === task.call && t.client === 'fetch + JSON.parse');
    if (plain) task.ratios.push((task.rounds[round] as number) / (plain.rounds[round] as number));
  }
}

interface Row {
  call: CallName;
  client: ClientName;
  validates: boolean;
  /** Median over rounds of completed calls per second. */
  opsPerSec: number;
  /** Slowest and fastest round, calls per second. */
  range: [number, number];
  /** Median over rounds of ops/s relative to plain fetch + JSON.parse in the same round (1 = as fast). */
  relativeToPlainFetch: number | null;
  /** Median time per call in microseconds (1e6 / opsPerSec). */
  microsPerCall: number;
}

const results: Row[] = tasks.map((t) => {
  const opsPerSec = median(t.rounds);
  return {
    call: t.call,
    client: t.client,
    validates: validates[t.client],
    opsPerSec,
    range: [Math.min(...t.rounds), Math.max(...t.rounds)],
    relativeToPlainFetch: t.ratios.length > 0 ? median(t.ratios) : null,
    microsPerCall: 1e6 / opsPerSec,
  };
});

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
console.table(
  results.map((r) => ({
    call: r.call,
    client: r.client,
    validates: r.validates ? 'yes' : 'no',
    'ops/s': fmt.format(r.opsPerSec),
    'µs/call': r.microsPerCall.toFixed(1),
    'rounds min–max ops/s': `${fmt.format(r.range[0])}–${fmt.format(r.range[1])}`,
    'vs fetch': r.relativeToPlainFetch === null ? '' : `${r.relativeToPlainFetch.toFixed(2)}x`,
  })),
);

// --- the goals (issue 12) -----------------------------------------------------------------------
// Time ratios from the same rounds: the SDK's µs per call over the baseline's, median over rounds.

const goals: { call: CallName; goal: string; value: number; limit: number; met: boolean }[] = [];
/** Median over rounds of `a`'s time per call relative to `b`'s in the same round (1.2: 20% slower). */
const timeRatio = (call: CallName, a: ClientName, b: ClientName): number | undefined => {
  const ta = tasks.find((t) => t.call === call && t.client === a);
  const tb = tasks.find((t) => t.call === call && t.client === b);
  if (!ta || !tb) return undefined;
  return median(ta.rounds.map((ops, i) => (tb.rounds[i] as number) / ops));
};
const introspectVsKy = timeRatio('introspect', '@graphtoken/sdk', 'ky 2');
if (introspectVsKy !== undefined) {
  goals.push({
    call: 'introspect',
    goal: 'SDK ÷ ky 2 alone',
    value: introspectVsKy,
    limit: 1.15,
    met: introspectVsKy <= 1.15,
  });
}
const pageVsFetch = timeRatio('listTokens (100)', '@graphtoken/sdk', 'fetch + JSON.parse');
if (pageVsFetch !== undefined) {
  goals.push({
    call: 'listTokens (100)',
    goal: 'SDK (validating) ÷ fetch + JSON.parse',
    value: pageVsFetch,
    limit: 1.5,
    met: pageVsFetch <= 1.5,
  });
}
// Where a page's time goes: ky's share (ky alone ÷ plain fetch) and validation's (SDK ÷ SDK without).
const breakdown = [
  ['ky 2 alone ÷ fetch + JSON.parse', timeRatio('listTokens (100)', 'ky 2', 'fetch + JSON.parse')],
  [
    "ky 2 with the SDK's options ÷ fetch + JSON.parse",
    timeRatio('listTokens (100)', "ky 2 (the SDK's options)", 'fetch + JSON.parse'),
  ],
  [
    'SDK without validation ÷ fetch + JSON.parse',
    timeRatio('listTokens (100)', '@graphtoken/sdk (validateResponses: false)', 'fetch + JSON.parse'),
  ],
  [
    'SDK ÷ SDK without validation',
    timeRatio('listTokens (100)', '@graphtoken/sdk', '@graphtoken/sdk (validateResponses: false)'),
  ],
  [
    'zod/mini validation alone: fetch + parse + zod/mini ÷ fetch + parse',
    timeRatio('listTokens (100)', 'fetch + JSON.parse + zod/mini', 'fetch + JSON.parse'),
  ],
] as const;
if (goals.length > 0) {
  console.log('\ngoals (same-run time ratios, median over rounds):');
  for (const g of goals) {
    console.log(
      `  ${g.met ? 'met    ' : 'NOT met'}  ${g.call}: ${g.goal} = ${g.value.toFixed(2)} (goal ≤ ${g.limit})`,
    );
  }
  const kyOptionsCost = timeRatio('introspect', "ky 2 (the SDK's options)", 'ky 2');
  if (kyOptionsCost !== undefined)
    console.log(`  introspect: ky 2 with the SDK's options ÷ ky 2 alone = ${kyOptionsCost.toFixed(2)}`);
  console.log('  where a page of 100 tokens goes:');
  for (const [what, value] of breakdown) {
    if (value !== undefined) console.log(`           ${what} = ${value.toFixed(2)}`);
  }
}

const out = new URL('./results/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(
  new URL('latest.json', out),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      runtime: `node ${process.version}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      timePerTaskMs: timePerTask,
      rounds,
      bodyBytes: bodySizes,
      results,
      goals,
      pageBreakdown: Object.fromEntries(breakdown),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${new URL('latest.json', out).pathname}`);
