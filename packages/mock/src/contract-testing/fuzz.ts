/**
 * A bounded property-based fuzz of the standalone server: fast-check generates requests, valid and
 * hostile (any method, path, header, body and framing, deep JSON, huge strings, bad bytes, admin
 * commands), each sent over its own raw TCP connection, several at a time, by callers holding
 * tokens of several scopes. Every answer is checked against the server's promises:
 * - an answer, never a connection closed without one;
 * - never a 5xx;
 * - an `X-Request-Id` on every answer, and every error is problem+json repeating it;
 * - no secret in any answer (but the one a create or rotate mints) or in the request log.
 * Used by `src/http/fuzz.test.ts` (in the test command) and `pnpm fuzz` (long runs). Test-only.
 */
import { operations, TOKEN_PATTERN } from '@graphtoken/contract';
import fc from 'fast-check';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import type { GraphTokenMockServer } from '../http/start-server.js';
import { seedIds } from '../seed.js';
import { type RawAnswer, rawRequest } from './raw-http.js';

/** One generated request: what to send, and how to describe it in a failure. */
export interface FuzzRequest {
  readonly label: string;
  readonly bytes: Buffer;
  /** True when the request is HEAD (an answer without a body). */
  readonly head: boolean;
  /** True when the answer may carry one freshly minted secret (a create or rotate). */
  readonly mayMint: boolean;
  /** End the client's side after the bytes (a request cut short, or garbage, then nothing more). */
  readonly end?: boolean;
}

/** The figures of a run. */
export interface FuzzReport {
  requests: number;
  seed: number;
  concurrency: number;
  durationMs: number;
  /** How many answers had each status (`unanswered` for none). */
  statuses: Record<string, number>;
  serverErrors: number;
  unanswered: number;
  /** The first violations found (at most 20), each with the request that caused it. */
  violations: string[];
  violationCount: number;
}

/** The callers of a run: secrets of tokens with several scopes, made before it starts. */
export interface FuzzCallers {
  /** The current secrets, by caller (replaced when {@link FuzzCallers.heal} mints a new one). */
  readonly secrets: readonly string[];
  readonly tokenIds: readonly string[];
  /** Every secret any caller ever had. */
  readonly everUsed: ReadonlySet<string>;
  /** Brings back the callers the fuzz revoked (or a reset removed), with the same secrets. */
  heal(): void;
}

/** Mints the callers: `manage` (the bootstrap), read, append, write on two graphs, manage + write, a revoked one. */
export function createCallers(server: GraphTokenMockServer): FuzzCallers {
  const { graphs } = seedIds;
  const store = server.mock.store;
  const kinds: Parameters<typeof store.createToken>[0][] = [
    { scopes: ['read'], graphIds: [graphs.research] },
    { scopes: ['append'], graphIds: [graphs.journal] },
    { scopes: ['write'], graphIds: [graphs.research, graphs.team] },
    { scopes: ['manage', 'write'], graphIds: [graphs.research] },
    { scopes: ['read'], graphIds: [graphs.research], createdBy: 'acc_grace' },
  ];
  const made = kinds.map((kind) => store.createToken(kind));
  const revoked = store.createToken({ scopes: ['read'], graphIds: [graphs.research] });
  store.revokeToken(revoked.token.id);
  const secrets = [BOOTSTRAP_TOKEN, ...made.map((m) => m.secret), revoked.secret];
  const tokenIds = [seedIds.tokens.bootstrap, ...made.map((m) => m.token.id), revoked.token.id];
  const everUsed = new Set(secrets);
  return {
    secrets,
    tokenIds,
    everUsed,
    heal() {
      kinds.forEach((kind, i) => {
        if (store.findTokenBySecret(secrets[i + 1] as string)?.status === 'active') return;
        const fresh = store.createToken(kind);
        secrets[i + 1] = fresh.secret;
        tokenIds[i + 1] = fresh.token.id;
        everUsed.add(fresh.secret);
      });
    },
  };
}

const ops = Object.values(operations);
const EMOJI = '😀';

/** Bytes that break HTTP when they appear in a header (controls, DEL, non-ASCII). */
const badByte = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001f',
  '\u007f',
  '\r',
  '\n',
  '\u00ff',
  '\u0085',
);

const deepJson = fc
  .tuple(fc.integer({ min: 60, max: 20_000 }), fc.boolean())
  .map(([levels, arrays]) =>
    arrays ? '['.repeat(levels) + ']'.repeat(levels) : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`,
  );

function requestArbitrary(callers: FuzzCallers, port: number): fc.Arbitrary<FuzzRequest> {
  const host = `127.0.0.1:${port}`;
  // An index, resolved when a request is generated (each chunk, after the callers are healed).
  const caller = fc.nat({ max: callers.secrets.length - 1 });
  const graphIds = [...Object.values(seedIds.graphs), 'gr_nope'];
  const segment = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.oneof(
        fc.constantFrom(...graphIds, 'blk_research1', 'blk_team1', 'self'),
        caller.map((i) => callers.tokenIds[i] as string),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2F', '%00', '%', '%zz', '', 'tok_', EMOJI, '\u00e9'),
    },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((n) => 'x'.repeat(n)) },
  );
  // A path of the spec with its own method most of the time, another method sometimes.
  const apiRequest = fc
    .tuple(fc.constantFrom(...ops), segment, segment, fc.boolean())
    .map(([op, a, b, ownIds]) => ({
      path: op.path
        .replace('{tokenId}', ownIds ? (callers.tokenIds[1] as string) : a)
        .replace('{graphId}', ownIds ? seedIds.graphs.research : a)
        .replace('{blockId}', ownIds ? 'blk_research1' : b),
      method: op.method as string,
    }));
  const adminPath = fc.constantFrom(
    '/__mock/clock',
    '/__mock/faults',
    '/__mock/faults/fault_1',
    '/__mock/requests',
    '/__mock/state',
    '/__mock/reset',
    '/__mock/nope',
    '/__mock',
  );
  const someQuery = fc
    .dictionary(
      fc.constantFrom(
        'limit',
        'cursor',
        'status',
        'graphId',
        'q',
        'access_token',
        'operationId',
        'x',
        'sort',
        'neverUsed',
        'lastUsedBefore',
        'expiresBefore',
        'since',
        'type',
        'tokenId',
      ),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.nat().map(String),
        fc.constantFrom(
          '-lastUsedAt',
          'name',
          'true',
          '2026-01-01T00:00:00Z',
          'token.revoked',
          'tok_bootstrap0000000',
        ),
        caller.map((i) => callers.secrets[i] as string),
      ),
      { maxKeys: 3 },
    )
    .map((q) => {
      const text = new URLSearchParams(q).toString();
      return text === '' ? '' : `?${text}`;
    });
  const query = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: someQuery });
  const otherMethod = fc.constantFrom(
    'GET',
    'POST',
    'PATCH',
    'DELETE',
    'PUT',
    'HEAD',
    'OPTIONS',
    'TRACE',
    'PROPFIND',
    'CONNECT',
    'FOO',
    'get',
    'M-SEARCH',
  );
  const line = fc.oneof(
    {
      weight: 24,
      arbitrary: fc.tuple(apiRequest, query).map(([r, q]) => ({ method: r.method, target: r.path + q })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(otherMethod, apiRequest, query)
        .map(([m, r, q]) => ({ method: m, target: r.path + q })),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS'), adminPath, query)
        .map(([m, p, q]) => ({ method: m, target: p + q })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          otherMethod,
          fc.oneof(fc.integer({ min: 8_100, max: 16_000 }), fc.integer({ min: 16_000, max: 64_000 })),
        )
        .map(([m, n]) => ({ method: m, target: `/v1/graphs/${'a'.repeat(n)}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          otherMethod,
          fc.constantFrom(
            'http://[',
            'http://a:99999/v1',
            '//[/x',
            '//evil.example/v1/graphs',
            `http://${host}/v1/graphs`,
            'http://evil.example/v1/graphs',
            '*',
            'v1/graphs',
            'ftp://x/',
            '/%',
            '/v1/tokens#frag',
          ),
        )
        .map(([m, t]) => ({ method: m, target: t })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(otherMethod, fc.string({ minLength: 1, maxLength: 40 }))
        .map(([m, t]) => ({ method: m, target: `/${t.replace(/\s/g, '')}` })),
    },
  );
  const credential = fc.oneof(
    { weight: 8, arbitrary: caller.map((i) => `Bearer ${callers.secrets[i]}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Bearer gt_garbage',
        `Bearer ${BOOTSTRAP_TOKEN.slice(0, -1)}A`,
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        'Bearer',
        `Bearer ${BOOTSTRAP_TOKEN} ${BOOTSTRAP_TOKEN}`,
        `bearer  ${BOOTSTRAP_TOKEN}`,
      ),
    },
  );
  const validBody = fc.oneof(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 30 }),
      scopes: fc.subarray(['read', 'append', 'write', 'manage'], { minLength: 1 }),
      graphIds: fc.subarray(graphIds, { minLength: 1 }),
    }),
    fc.record({
      blocks: fc.array(fc.record({ content: fc.string({ minLength: 1, maxLength: 50 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    fc.record({ content: fc.string({ minLength: 1, maxLength: 50 }) }),
    fc.record({ gracePeriodSeconds: fc.integer({ min: -10, max: 700_000 }) }),
    fc.record({
      secrets: fc.array(
        fc.oneof(
          caller.map((i) => callers.secrets[i] as string),
          fc.string({ maxLength: 300 }),
        ),
        { maxLength: 102 },
      ),
    }),
    fc.record(
      { name: fc.string({ maxLength: 120 }), description: fc.option(fc.string({ maxLength: 600 })) },
      { requiredKeys: [] },
    ),
  );
  const adminBody = fc.oneof(
    fc.record({
      advance: fc.oneof(
        fc.nat({ max: 86_400_000 }),
        fc.constantFrom(1e300, -1, 8.64e15),
        fc.record({ days: fc.oneof(fc.nat({ max: 400 }), fc.constantFrom(1e8, 1e300, -5)) }),
      ),
    }),
    fc.record({
      set: fc.oneof(
        fc
          .date({
            min: new Date('0001-01-01T00:00:00Z'),
            max: new Date('9999-12-31T23:59:59Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString()),
        fc.constantFrom('10000-01-01T00:00:00Z', 'NaN', '0000-01-01T00:00:00Z'),
      ),
    }),
    // Faults: only ones that answer 4xx, once; a 5xx or a drop is what a fault is for, not a bug.
    fc.record({
      operationId: fc.constantFrom(...ops.map((o) => o.operationId)),
      status: fc.integer({ min: 400, max: 499 }),
      times: fc.constant(1),
    }),
    fc.record({ status: fc.oneof(fc.integer(), fc.constant('x')), drop: fc.constant('yes') }),
  );
  const body = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 12, arbitrary: validBody.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: adminBody.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 2, arbitrary: deepJson },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 9_998, max: 10_002 }), fc.constantFrom('a', EMOJI, '\u00e9'), fc.boolean())
        .map(([n, unit, batch]) =>
          batch
            ? JSON.stringify({ blocks: [{ content: unit.repeat(n) }] })
            : JSON.stringify({ content: unit.repeat(n) }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...callers.secrets).map((s) => JSON.stringify({ name: s, secrets: [s] })),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100_000, max: 1_000_000 })
        .map((n) => JSON.stringify({ name: 'x'.repeat(n) })),
    },
  );
  const extraHeader = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom(
        'Content-Type: application/json',
        'Content-Type: text/plain',
        'Content-Type: application/merge-patch+json',
        'Idempotency-Key: fuzz-1',
        'Accept: */*',
      ),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Origin: https://evil.example',
        'Origin: null',
        'Access-Control-Request-Method: POST',
        'Access-Control-Request-Headers: authorization, x-app-trace',
        `Idempotency-Key: ${'k'.repeat(300)}`,
        'Expect: 100-continue',
        'Transfer-Encoding: gzip',
        'X-Forwarded-Host: evil.example',
      ),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/), fc.string({ maxLength: 60 }))
        .map(([name, value]) => `X-${name}: ${value.replace(/[\r\n]/g, ' ')}`),
    },
    { weight: 1, arbitrary: fc.constant('Host: evil.example') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[A-Za-z]{1,10}$/), badByte)
        .map(([name, byte]) => `X-${name}: a${byte}b`),
    },
    { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 40_000 }).map((n) => `X-Big: ${'h'.repeat(n)}`) },
  );
  const framing = fc.oneof(
    { weight: 12, arbitrary: fc.constant('length' as const) },
    { weight: 1, arbitrary: fc.constant('chunked' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'bad-length' as const,
        'two-lengths' as const,
        'bad-chunk' as const,
        'short-length' as const,
      ),
    },
  );
  const raw = fc
    .oneof(
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)),
      fc
        .constantFrom(
          'GET / HTTP/1.1\r\n\r\n',
          'GET /v1/graphs HTTP/9.9\r\n\r\n',
          'GET\r\n\r\n',
          'GET /v1 HTTP/1.1\r\nHost\r\n\r\n',
          'GET /v1/graphs HTTP/1.0\r\n\r\n',
          'POST /v1/tokens HTTP/1.1\r\nHost: HOST\r\nContent-Length: 50\r\n\r\n{"name"',
          'GET /v1/graphs HTT',
        )
        .map((s) => Buffer.from(s.replace('HOST', host), 'latin1')),
    )
    .filter((bytes) => /[^\r\n]/.test(bytes.toString('latin1'))); // only line ends: no request at all

  const http = fc
    .tuple(line, credential, fc.array(extraHeader, { maxLength: 2 }), body, framing)
    .map(([{ method: m, target: t }, auth, extra, b, frame]): FuzzRequest => {
      const hasHost = extra.some((h) => h.startsWith('Host:'));
      const lines = [`${m} ${t} HTTP/1.1`];
      if (!hasHost) lines.push(`Host: ${host}`);
      if (auth !== undefined) lines.push(`Authorization: ${auth}`);
      lines.push(...extra);
      let payload = Buffer.from(b ?? '', 'utf8');
      if (b !== undefined) {
        if (frame === 'length') lines.push(`Content-Length: ${payload.length}`);
        if (frame === 'bad-length') lines.push('Content-Length: 12abc');
        if (frame === 'two-lengths')
          lines.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`);
        if (frame === 'short-length') lines.push(`Content-Length: ${Math.max(0, payload.length - 1)}`);
        if (frame === 'chunked' || frame === 'bad-chunk') {
          lines.push('Transfer-Encoding: chunked');
          const size = frame === 'chunked' ? payload.length.toString(16) : 'zz';
          payload = Buffer.concat([Buffer.from(`${size}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
        }
      }
      lines.push('Connection: close');
      const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
      const label = `${m} ${t.length > 120 ? `${t.slice(0, 120)}…(${t.length})` : t} auth=${auth === undefined ? '-' : auth.slice(0, 12)}… headers=${JSON.stringify(extra.map((h) => h.slice(0, 60)))} body=${b === undefined ? '-' : `${JSON.stringify(b.slice(0, 80))}…(${b.length})`} framing=${frame}`;
      return {
        label,
        bytes: Buffer.concat([head, payload]),
        head: m === 'HEAD',
        mayMint: m === 'POST' && /^\/v1\/tokens(\/[^/]+\/rotate|\/self\/rotate)?(\?|$)/.test(t),
      };
    });

  // Well-formed calls a client makes, so that the success paths (and the state they build) are fuzzed too.
  const { research, team } = seedIds.graphs;
  const content = fc.oneof(
    { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 80 }) },
    { weight: 1, arbitrary: fc.constantFrom(EMOJI.repeat(10_000), 'a'.repeat(10_000)) },
  );
  const valid = fc
    .oneof(
      fc
        .record({
          name: fc.string({ minLength: 1, maxLength: 30 }),
          scopes: fc.subarray(['read', 'append', 'write', 'manage'], { minLength: 1 }),
          graphIds: fc.subarray([research, team], { minLength: 1 }),
        })
        .map((b) => ({ method: 'POST', target: '/v1/tokens', who: 0, body: JSON.stringify(b) })),
      fc.array(fc.record({ content }), { minLength: 1, maxLength: 3 }).map((blocks) => ({
        method: 'POST',
        target: `/v1/graphs/${research}/blocks`,
        who: 3,
        body: JSON.stringify({ blocks }),
      })),
      content.map((c) => ({
        method: 'PATCH',
        target: `/v1/graphs/${research}/blocks/blk_research1`,
        who: 3,
        body: JSON.stringify({ content: c }),
      })),
      fc.nat({ max: 5 }).map((i) => ({
        method: 'POST',
        target: `/v1/tokens/${callers.tokenIds[i + 1]}/rotate`,
        who: 0,
        body: JSON.stringify({ gracePeriodSeconds: 3600 }),
      })),
      fc
        .constantFrom(
          '/v1/tokens',
          '/v1/graphs',
          `/v1/graphs/${research}/blocks?limit=5`,
          '/v1/tokens/self',
          `/v1/tokens?graphId=${research}`,
        )
        .map((target) => ({ method: 'GET', target, who: 0, body: undefined })),
      fc
        .constantFrom('/v1/graphs', `/v1/graphs/${research}/blocks`, `/v1/graphs/${team}`)
        .map((target) => ({ method: 'GET', target, who: 3, body: undefined })),
    )
    .map(({ method, target, who, body }): FuzzRequest => {
      const payload = Buffer.from(body ?? '', 'utf8');
      const head = [
        `${method} ${target} HTTP/1.1`,
        `Host: ${host}`,
        `Authorization: Bearer ${callers.secrets[who]}`,
      ];
      if (body !== undefined)
        head.push('Content-Type: application/json', `Content-Length: ${payload.length}`);
      head.push('Connection: close');
      return {
        label: `valid ${method} ${target} body=${body === undefined ? '-' : `${JSON.stringify(body.slice(0, 80))}…(${body.length})`}`,
        bytes: Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), payload]),
        head: false,
        mayMint: method === 'POST' && (target === '/v1/tokens' || target.endsWith('/rotate')),
      };
    });

  return fc.oneof(
    { weight: 10, arbitrary: valid },
    { weight: 30, arbitrary: http },
    {
      weight: 1,
      arbitrary: raw.map((bytes) => ({
        label: `raw ${JSON.stringify(bytes.toString('latin1').slice(0, 80))}`,
        bytes,
        head: false,
        mayMint: false,
        end: true,
      })),
    },
  );
}

/** Checks one answer; returns what is wrong with it (empty when nothing). */
function check(request: FuzzRequest, answer: RawAnswer, secrets: readonly string[]): string[] {
  if (!answer.answered) return ['the connection closed without an answer'];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  const requestId = answer.headers['x-request-id'];
  if (!/^req_[A-Za-z0-9]+$/.test(requestId ?? '')) problems.push('no X-Request-Id');
  if (answer.status >= 400) {
    if (answer.headers['content-type'] !== 'application/problem+json') {
      problems.push(`an error as ${answer.headers['content-type'] ?? 'no Content-Type'}`);
    }
    if (!request.head) {
      try {
        const problem = JSON.parse(answer.body) as { status?: number; code?: string; requestId?: string };
        if (
          problem.status !== answer.status ||
          typeof problem.code !== 'string' ||
          problem.requestId !== requestId
        ) {
          problems.push(`a problem body that does not match its answer: ${answer.body.slice(0, 200)}`);
        }
      } catch {
        problems.push(`an error body that is not JSON: ${JSON.stringify(answer.body.slice(0, 100))}`);
      }
    }
  }
  // No secret in an answer, but the one a 201 create or rotate mints (never one of the callers').
  const found = answer.raw.match(new RegExp(TOKEN_PATTERN.source, 'g')) ?? [];
  const minted = request.mayMint && answer.status === 201 ? 1 : 0;
  if (found.length > minted || found.some((s) => secrets.includes(s))) {
    problems.push('a secret in the answer');
  }
  return problems;
}

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  server: GraphTokenMockServer;
  requests: number;
  seed?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** The server's log lines so far (checked for secrets at the end). */
  logLines?: () => readonly string[];
}

/** Runs a bounded fuzz against a running server and returns its figures. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { server, requests } = options;
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const concurrency = options.concurrency ?? 8;
  const callers = createCallers(server);
  const arbitrary = requestArbitrary(callers, server.port);
  const report: FuzzReport = {
    requests: 0,
    seed,
    concurrency,
    durationMs: 0,
    statuses: {},
    serverErrors: 0,
    unanswered: 0,
    violations: [],
    violationCount: 0,
  };
  const started = performance.now();
  const chunk = 100;
  for (let offset = 0; offset < requests; offset += chunk) {
    // Generated a chunk at a time (bodies can be large); the same seed gives the same requests.
    callers.heal();
    // The recorder is not what this fuzz measures; keep a long run's memory flat.
    server.mock.requests.clear();
    const batch = fc.sample(arbitrary, { numRuns: Math.min(chunk, requests - offset), seed: seed + offset });
    let next = 0;
    const worker = async () => {
      for (;;) {
        const index = next++;
        const request = batch[index];
        if (request === undefined) return;
        const answer = await rawRequest(server.port, request.bytes, 10_000, { end: request.end ?? false });
        report.requests++;
        const key = answer.answered ? String(answer.status) : 'unanswered';
        report.statuses[key] = (report.statuses[key] ?? 0) + 1;
        if (!answer.answered) report.unanswered++;
        else if (answer.status >= 500) report.serverErrors++;
        const problems = check(request, answer, [...callers.everUsed]);
        if (problems.length > 0) {
          report.violationCount++;
          if (report.violations.length < 20) {
            report.violations.push(
              `#${offset + index} (seed ${seed}): ${problems.join('; ')} ← ${request.label}`,
            );
          }
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const log = options.logLines?.() ?? [];
  for (const line of log) {
    if ([...callers.everUsed].some((s) => line.includes(s)) || new RegExp(TOKEN_PATTERN.source).test(line)) {
      report.violationCount++;
      if (report.violations.length < 20) report.violations.push(`a secret in the log: ${line.slice(0, 200)}`);
    }
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

/** The report as the lines the fuzz script prints. */
export function formatFuzzReport(report: FuzzReport): string {
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `  ${status.padEnd(10)} ${count}`);
  return [
    `requests:    ${report.requests} (seed ${report.seed}, ${report.concurrency} at a time)`,
    `duration:    ${(report.durationMs / 1000).toFixed(1)} s (${Math.round(report.requests / (report.durationMs / 1000))} requests/s)`,
    `5xx:         ${report.serverErrors}`,
    `unanswered:  ${report.unanswered}`,
    `violations:  ${report.violationCount}`,
    'statuses:',
    ...statuses,
    ...report.violations.map((v) => `! ${v}`),
  ].join('\n');
}
