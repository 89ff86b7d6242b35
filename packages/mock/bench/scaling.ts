/**
 * Scaling benchmark: the median cost of each operation at three sizes of state (1k blocks and 10
 * tokens, 100k and 10k, 1M and 100k), in-process (msw's getResponse, no network) and on the
 * standalone server with a state file (`startGraphTokenMockServer({ stateFile })`, what
 * `--state-file` runs, over loopback HTTP). Goal: each operation's median at the largest size
 * within 1.5x of its median at the smallest; an append with persistence at most 2 ms.
 *
 * Run (after `pnpm --filter @graphtoken/mock build`):
 *   node packages/mock/bench/scaling.ts [--sizes 1000:10,100000:10000,1000000:100000] [--runs 300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock } from '@graphtoken/mock';
import { startGraphTokenMockServer } from '@graphtoken/mock/http';
import { getResponse } from 'msw';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000:10,100000:10000,1000000:100000' },
    runs: { type: 'string', default: '300' },
    modes: { type: 'string', default: 'in-process,standalone' },
  },
});
const sizes = values.sizes.split(',').map((pair) => pair.split(':').map(Number) as [number, number]);
const RUNS = Number(values.runs);
const SEED_SEQS = 9; // the default seed takes seqs 1..9 (one token, eight blocks)

// biome-ignore lint/suspicious/noExplicitAny: a benchmark reads the JSON answers loosely
type Json = any;
type Send = (
  method: string,
  path: string,
  token: string,
  body?: unknown,
) => Promise<{ status: number; json: Json }>;

function inProcess(mock: GraphTokenMock): Send {
  return async (method, path, token, body) => {
    const request = new Request(mock.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const response = (await getResponse(mock.handlers, request))!;
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

function overHttp(url: string): Send {
  return async (method, path, token, body) => {
    const response = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

/** A cursor as the mock issues it (base64url JSON of the list and the last item's key). */
const blockCursor = (graphId: string, seq: number) =>
  Buffer.from(JSON.stringify({ l: `blocks|${graphId}`, a: [seq] })).toString('base64url');

/** How many of the filler tokens are active; the others expired (the worst case of `?status=active`). */
const ACTIVE_FILLERS = 10;

/**
 * Fills a mock: `blocks` blocks in gr_research (first, so their seqs are known), `tokens` tokens of
 * acc_ada: the oldest {@link ACTIVE_FILLERS} active, the others (newer) expired, so a page of active
 * tokens newest first lies past every expired one.
 */
function fill(mock: GraphTokenMock, blocks: number, tokens: number): string {
  const chunk = 10_000;
  for (let i = 0; i < blocks; i += chunk) {
    const n = Math.min(chunk, blocks - i);
    mock.store.addBlocks(
      'gr_research',
      Array.from({ length: n }, (_, k) => `block ${i + k}`),
    );
  }
  const now = mock.clock.now().getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  for (let i = 0; i < tokens; i++) {
    const active = i < ACTIVE_FILLERS;
    mock.store.createToken({
      name: `filler ${i}`,
      scopes: ['read'],
      graphIds: ['gr_research'],
      createdAt: ago(active ? 120 : 60),
      ...(!active && { expiresAt: ago(1) }),
    });
  }
  return mock.store.createToken({ name: 'writer', scopes: ['write'], graphIds: ['gr_research', 'gr_team'] })
    .secret;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function measure(name: string, run: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 20; i++) await run(-1 - i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  void name;
  return median(times);
}

const expect = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`benchmark check failed: ${what}`);
};

async function operations(
  send: Send,
  blocks: number,
  tokens: number,
  writer: string,
): Promise<Record<string, number>> {
  // Let the collector finish with the bulk fill first (run with --expose-gc): otherwise the first
  // operation measured pays for marking the million objects just made, not for its own work.
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Filler block i has seq SEED_SEQS + 1 + i: a cursor at seq SEED_SEQS + k starts at block k.
  const lateSeq = SEED_SEQS + blocks - 60;
  const results: Record<string, number> = {};
  results.introspect = await measure('introspect', async () => {
    const r = await send('GET', '/v1/tokens/self', BOOTSTRAP_TOKEN);
    expect(r.status === 200, 'introspect 200');
  });
  results['page 1'] = await measure('page 1', async () => {
    const r = await send('GET', '/v1/graphs/gr_research/blocks?limit=50', writer);
    expect(r.status === 200 && r.json.data.length === 50, 'page 1 has 50 blocks');
  });
  results['late page'] = await measure('late page', async () => {
    const r = await send(
      'GET',
      `/v1/graphs/gr_research/blocks?limit=50&cursor=${blockCursor('gr_research', lateSeq)}`,
      writer,
    );
    expect(
      r.status === 200 && r.json.data[0]?.content === `block ${blocks - 60}`,
      'late page starts where the cursor says',
    );
  });
  results['small graph page'] = await measure('small graph page', async () => {
    const r = await send('GET', '/v1/graphs/gr_team/blocks?limit=50', writer);
    expect(r.status === 200 && r.json.data.length >= 2, 'small graph page');
  });
  results['list tokens'] = await measure('list tokens', async () => {
    const r = await send('GET', '/v1/tokens?limit=20', BOOTSTRAP_TOKEN);
    expect(r.status === 200 && r.json.data.length === Math.min(20, tokens + 2), 'list tokens: a full page');
  });
  results['list active tokens'] = await measure('list active tokens', async () => {
    const r = await send('GET', '/v1/tokens?status=active&limit=20', BOOTSTRAP_TOKEN);
    expect(
      r.status === 200 && r.json.data.length === Math.min(tokens, ACTIVE_FILLERS) + 2,
      'list active tokens: the active fillers, the writer and the bootstrap token',
    );
  });
  results.append = await measure('append', async () => {
    const r = await send('POST', '/v1/graphs/gr_research/blocks', writer, {
      blocks: [{ content: 'appended' }],
    });
    expect(r.status === 201, 'append 201');
  });
  results['create token'] = await measure('create token', async () => {
    const r = await send('POST', '/v1/tokens', BOOTSTRAP_TOKEN, {
      name: 'bench',
      scopes: ['read'],
      graphIds: ['gr_research'],
    });
    expect(r.status === 201, 'create 201');
  });
  return results;
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

async function main() {
  const modes = values.modes.split(',');
  const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-bench-'));
  const table: { mode: string; size: string; results: Record<string, number> }[] = [];
  try {
    // A discarded pass at the smallest size first, so that JIT warm-up does not weigh on it alone.
    {
      const mock = createGraphTokenMock();
      await operations(inProcess(mock), 1000, 10, fill(mock, 1000, 10));
      const server = await startGraphTokenMockServer({ stateFile: join(tmp, 'warm-up.db') });
      await operations(overHttp(server.url), 1000, 10, fill(server.mock, 1000, 10));
      await server.close();
    }
    for (const mode of modes) {
      for (const [blocks, tokens] of sizes) {
        const size = `${blocks} blocks / ${tokens} tokens`;
        const started = performance.now();
        let results: Record<string, number>;
        if (mode === 'in-process') {
          const mock = createGraphTokenMock();
          const writer = fill(mock, blocks, tokens);
          const filled = performance.now() - started;
          results = await operations(inProcess(mock), blocks, tokens, writer);
          console.log(`${mode}, ${size} (filled in ${(filled / 1000).toFixed(1)} s):`, results);
        } else {
          const stateFile = join(tmp, `state-${blocks}.db`);
          const server = await startGraphTokenMockServer({ stateFile });
          const writer = fill(server.mock, blocks, tokens);
          const filled = performance.now() - started;
          results = await operations(overHttp(server.url), blocks, tokens, writer);
          await server.close();
          console.log(`${mode} --state-file, ${size} (filled in ${(filled / 1000).toFixed(1)} s):`, results);
        }
        table.push({ mode, size, results });
        globalThis.gc?.();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log(
    '\nMedians (ms) per operation, and the ratio of the largest size to the smallest (goal <= 1.5x):\n',
  );
  for (const mode of modes) {
    const rows = table.filter((r) => r.mode === mode);
    const first = rows[0]!;
    const last = rows.at(-1)!;
    console.log(`${mode === 'in-process' ? 'in-process' : 'standalone, --state-file'}:`);
    console.log(
      `  ${'operation'.padEnd(20)}${rows.map((r) => r.size.padStart(32)).join('')}${'ratio'.padStart(10)}`,
    );
    for (const op of Object.keys(first.results)) {
      const ratio = last.results[op]! / first.results[op]!;
      const verdict = ratio <= 1.5 ? 'ok' : 'OVER';
      console.log(
        `  ${op.padEnd(20)}${rows.map((r) => fmt(r.results[op]!).padStart(32)).join('')}${`${ratio.toFixed(2)}x`.padStart(10)} ${verdict}`,
      );
    }
    if (mode !== 'in-process') {
      const append = Math.max(...rows.map((r) => r.results.append!));
      console.log(
        `  append with persistence, worst median: ${fmt(append)} (goal <= 2 ms: ${append <= 2 ? 'ok' : 'OVER'})`,
      );
    }
  }
}

await main();
