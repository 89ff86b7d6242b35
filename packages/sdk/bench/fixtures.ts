/**
 * Canned, spec-valid API responses and an in-memory `fetch` that serves them, shared by every
 * client in the benchmark so that only client overhead differs between them.
 */
import type { components } from '@graphtoken/contract';

type Token = components['schemas']['Token'];
type Introspection = components['schemas']['Introspection'];
type TokenPage = components['schemas']['TokenPage'];

/** The API origin the stub answers for (never contacted: nothing leaves the process). */
export const BASE_URL = 'https://api.graphtoken.dev';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic base62 string, so every run benchmarks the same bytes. */
function base62(seed: number, length: number): string {
  let out = '';
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += BASE62[x % 62];
  }
  return out;
}

/** The `i`-th token of the canned list: realistic field sizes, a mix of statuses and nulls. */
export function cannedToken(i: number): Token {
  const created = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
  const revoked = i % 7 === 0;
  return {
    id: `tok_${base62(i, 16)}`,
    name: `ci-deploy-${i}`,
    description: i % 3 === 0 ? null : `Deploys the docs site from CI (pipeline ${i}).`,
    scopes: i % 2 === 0 ? ['read', 'append'] : ['manage'],
    graphIds: i % 2 === 0 ? ['gr_research', 'gr_team'] : [],
    createdAt: created,
    createdBy: 'acc_ada',
    expiresAt: i % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    lastUsedAt: i % 5 === 0 ? null : created,
    status: revoked ? 'revoked' : 'active',
    revokedAt: revoked ? created : null,
    rotatedFrom: null,
    rotatedTo: null,
    hint: base62(i + 1000, 4),
  };
}

/** `GET /v1/tokens/self`. */
export const introspection: Introspection = {
  token: cannedToken(1),
  account: { id: 'acc_ada', name: 'Ada Lovelace' },
  grants: [
    { graphId: 'gr_research', graphName: 'Research notes', role: 'owner', scopes: ['read', 'append'] },
    { graphId: 'gr_team', graphName: 'Team wiki', role: 'admin', scopes: ['read', 'append'] },
  ],
};

/** `GET /v1/tokens?limit=100`: a full page with a next cursor. */
export const tokenPage: TokenPage = {
  data: Array.from({ length: 100 }, (_, i) => cannedToken(i)),
  nextCursor: 'cur_page2',
};

const INTROSPECTION_BODY = JSON.stringify(introspection);
const TOKEN_PAGE_BODY = JSON.stringify(tokenPage);

/** Sizes of the canned bodies, for the report. */
export const bodySizes = { introspect: INTROSPECTION_BODY.length, listTokens: TOKEN_PAGE_BODY.length };

/**
 * The in-memory `fetch`: answers `GET /v1/tokens/self` and `GET /v1/tokens` with the canned bodies
 * (a fresh `Response` each time, as a real fetch would), anything else with a 404. It accepts
 * every calling convention (`Request`, string or URL plus init), as clients differ there.
 */
export async function cannedFetch(input: RequestInfo | URL, _init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = url.slice(BASE_URL.length).split('?')[0];
  const body =
    path === '/v1/tokens/self' ? INTROSPECTION_BODY : path === '/v1/tokens' ? TOKEN_PAGE_BODY : null;
  if (body === null) return new Response('{"code":"not_found"}', { status: 404 });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_bench0000000000000' },
  });
}
