/**
 * A runtime smoke test of the built SDK: introspect, a two-page list, an API error class, an
 * offline token check and response validation, all against a stub `fetch`. It runs unchanged
 * under Node, Bun and Deno (`run.ts` starts all three) and imports the SDK by its package name,
 * so it exercises the `exports` map and the dist each runtime resolves.
 *
 * Self-contained on purpose: no test framework, no Node-only API, no relative `.ts` imports.
 */
import { generateTokenSecret } from '@graphtoken/contract';
import {
  GraphToken,
  isMalformedTokenError,
  isResponseValidationError,
  isTokenRevokedError,
  TokenRevokedError,
} from '@graphtoken/sdk';

const runtime = (() => {
  const g = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } } };
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  return `node ${globalThis.process?.version ?? '?'}`;
})();

const BASE_URL = 'https://api.graphtoken.dev';
const secret = generateTokenSecret();
let checks = 0;

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(`[${runtime}] smoke check failed: ${what}`);
  checks++;
}

function token(n: number) {
  return {
    id: `tok_smoke${String(n).padStart(11, '0')}`,
    name: `smoke ${n}`,
    description: null,
    scopes: ['manage'],
    graphIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    createdBy: 'acc_ada',
    expiresAt: null,
    lastUsedAt: null,
    status: 'active',
    revokedAt: null,
    rotatedFrom: null,
    rotatedTo: null,
    hint: 'ab12',
  };
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': type, 'x-request-id': 'req_smoke0000000000001' },
  });
}

let sent = 0;
/** The stub API: introspection, two pages of tokens, a revoked token, and a response that breaks the spec. */
async function stubFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
  sent++;
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  if (url.pathname === '/v1/tokens/self') {
    if (request.headers.get('x-smoke') === 'revoked') {
      return json(
        401,
        {
          type: 'https://docs.graphtoken.dev/errors/token_revoked',
          title: 'Token revoked',
          status: 401,
          detail: 'This token was revoked.',
          code: 'token_revoked',
          requestId: 'req_smoke0000000000001',
        },
        'application/problem+json',
      );
    }
    if (request.headers.get('x-smoke') === 'invalid') return json(200, { token: { id: 42 } });
    return json(200, {
      token: token(0),
      account: { id: 'acc_ada', name: 'Ada Lovelace' },
      grants: [],
    });
  }
  if (url.pathname === '/v1/tokens') {
    return url.searchParams.get('cursor') === 'page2'
      ? json(200, { data: [token(3)], nextCursor: null })
      : json(200, { data: [token(1), token(2)], nextCursor: 'page2' });
  }
  return json(404, { code: 'not_found' });
}

// What users run is dist/, not src/ (Bun would follow the package tsconfig's `paths` to src/).
const resolved = import.meta.resolve('@graphtoken/sdk');
check(resolved.endsWith('/dist/index.js'), `@graphtoken/sdk resolves to the built dist (got ${resolved})`);

const client = new GraphToken({ baseUrl: BASE_URL, token: secret, fetch: stubFetch, maxRetries: 0 });

const me = await client.tokens.introspect();
check(me.token.id === 'tok_smoke00000000000', 'introspect returns the token');
check(me.account.name === 'Ada Lovelace', 'introspect returns the account');

const names: string[] = [];
for await (const t of client.tokens.list({ limit: 2 })) names.push(t.name);
check(names.join(',') === 'smoke 1,smoke 2,smoke 3', `list walks both pages (got ${names.join(',')})`);

try {
  await client.tokens.introspect({ headers: { 'x-smoke': 'revoked' } });
  check(false, 'a revoked token rejects');
} catch (error) {
  check(error instanceof TokenRevokedError, 'token_revoked is a TokenRevokedError');
  check(isTokenRevokedError(error), 'isTokenRevokedError matches');
  const e = error as TokenRevokedError;
  check(e.status === 401 && e.code === 'token_revoked', 'the error carries status and code');
  check(e.requestId === 'req_smoke0000000000001', 'the error carries the request id');
  check(!`${e.message} ${e.stack} ${JSON.stringify(e)}`.includes(secret), 'the error holds no secret');
}

try {
  await client.tokens.introspect({ headers: { 'x-smoke': 'invalid' } });
  check(false, 'a response that breaks the spec rejects');
} catch (error) {
  check(isResponseValidationError(error), 'a spec-breaking response is a ResponseValidationError');
}

const before = sent;
try {
  await new GraphToken({ baseUrl: BASE_URL, token: 'not-a-token', fetch: stubFetch }).tokens.introspect();
  check(false, 'a malformed token rejects');
} catch (error) {
  check(isMalformedTokenError(error), 'a malformed token is a MalformedTokenError');
  check(sent === before, 'a malformed token never reaches fetch');
}

console.log(`ok ${runtime}: ${checks} checks`);
