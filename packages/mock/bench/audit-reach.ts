/**
 * Audit-events reach benchmark (issue 11, finding 2): the median cost of one account's audit
 * pages (newest, with `since`, with `since` and a cursor, filtered by type) and of a token list
 * filtered on a graph it does not administer, while another account holds 0, 10k and 100k events
 * and tokens on a graph the first one only views. Goal: each median at the largest size within
 * 1.5x of its median with none (same run): the cost depends on what the caller may see only.
 *
 * Run (after `pnpm --filter @graphtoken/mock build`):
 *   node --expose-gc packages/mock/bench/audit-reach.ts [--sizes 0,10000,100000] [--runs 300]
 */
import { parseArgs } from 'node:util';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock } from '@graphtoken/mock';
import { getResponse } from 'msw';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,10000,100000' },
    runs: { type: 'string', default: '300' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const RUNS = Number(values.runs);
const START = '2026-01-01T00:00:00.000Z';

async function get(
  mock: GraphTokenMock,
  path: string,
): Promise<{ status: number; body: { nextCursor?: string } }> {
  const request = new Request(mock.baseUrl + path, {
    headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
  });
  const response = (await getResponse(mock.handlers, request))!;
  return { status: response.status, body: await response.json() };
}

/** Ada's 20 tokens a minute apart; between each, `others / 20` of Grace's tokens on gr_shared, revoked. */
async function build(others: number): Promise<GraphTokenMock> {
  const mock = createGraphTokenMock({ now: START, freezeClock: true });
  for (let i = 0; i < 20; i++) {
    await get(mock, '/v1/tokens/self'); // Ada's first use, once
    mock.store.createToken({ name: `ada ${i}`, scopes: ['read'], graphIds: ['gr_research'] });
    mock.store.revokeToken(mock.store.listTokens().at(-1)!.id);
    for (let k = 0; k < others / 20; k++) {
      const t = mock.store.createToken({ createdBy: 'acc_grace', scopes: ['read'], graphIds: ['gr_shared'] });
      mock.store.revokeToken(t.token.id);
    }
    mock.clock.advance({ minutes: 1 });
  }
  return mock;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(mock: GraphTokenMock, path: string): Promise<number> {
  for (let i = 0; i < 20; i++) await get(mock, path);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await get(mock, path);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`benchmark check failed: ${path} answered ${r.status}`);
  }
  return median(times);
}

async function main() {
  const rows: { size: number; results: Record<string, number> }[] = [];
  for (const size of sizes) {
    const mock = await build(size);
    globalThis.gc?.();
    const since = new Date(Date.parse(START) + 5 * 60_000).toISOString();
    const first = await get(mock, `/v1/audit-events?limit=5&since=${since}`);
    const queries: Record<string, string> = {
      'audit newest': '/v1/audit-events?limit=5',
      'audit since': `/v1/audit-events?limit=5&since=${since}`,
      'audit since+cursor': `/v1/audit-events?limit=5&since=${since}&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
      'audit type': '/v1/audit-events?limit=5&type=token.first_used',
      'tokens ?graphId=other': '/v1/tokens?limit=5&graphId=gr_shared',
    };
    const results: Record<string, number> = {};
    for (const [name, path] of Object.entries(queries)) results[name] = await measure(mock, path);
    rows.push({ size, results });
  }
  const first = rows[0]!;
  const last = rows.at(-1)!;
  console.log(
    `\nMedians (ms) of Ada's requests with another account's events/tokens at each size (goal: largest <= 1.5x none):\n`,
  );
  console.log(
    `  ${'request'.padEnd(24)}${rows.map((r) => String(r.size).padStart(12)).join('')}${'ratio'.padStart(10)}`,
  );
  let over = 0;
  for (const name of Object.keys(first.results)) {
    const ratio = last.results[name]! / first.results[name]!;
    if (ratio > 1.5) over++;
    console.log(
      `  ${name.padEnd(24)}${rows.map((r) => r.results[name]!.toFixed(3).padStart(12)).join('')}${`${ratio.toFixed(2)}x`.padStart(10)} ${ratio <= 1.5 ? 'ok' : 'OVER'}`,
    );
  }
  process.exitCode = over > 0 ? 1 : 0;
}

await main();
