/**
 * A stub `fetch` for unit tests: answers each request with a handler, records what was sent
 * (method, URL, headers, body) and lets tests assert how many requests went out.
 */
import { generateTokenSecret } from '@graphtoken/contract';

/** What the stub saw for one request. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A handler: return a Response, or throw to simulate a network failure. */
export type StubHandler = (request: Request, index: number) => Response | Promise<Response>;

/** A stub fetch plus the requests it received. */
export function stubFetch(handler: StubHandler) {
  const sent: SentRequest[] = [];
  const fetch = async (input: Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = request.body ? await request.clone().text() : '';
    sent.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
    });
    return handler(request, sent.length - 1);
  };
  return { fetch, sent };
}

let counter = 0;

/** A JSON response with an X-Request-Id. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  counter++;
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': `req_stub${counter}`, ...headers },
  });
}

/** A problem+json error response for an API error code. */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  counter++;
  const requestId = `req_stub${counter}`;
  return new Response(
    JSON.stringify({
      type: `https://docs.graphtoken.dev/errors/${code}`,
      title: code,
      status,
      detail: `detail for ${code}`,
      code,
      requestId,
      ...extra,
    }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId, ...headers },
    },
  );
}

/** A fetch failure as the platform reports it (undici: `TypeError: fetch failed`). */
export function networkFailure(): never {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
}

/** A stub that never answers until its request is aborted. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    const fail = () => reject(request.signal.reason ?? new DOMException('aborted', 'AbortError'));
    if (request.signal.aborted) fail();
    request.signal.addEventListener('abort', fail, { once: true });
  });
}

/** A fresh well-formed secret. */
export const newToken = (): string => generateTokenSecret();

const ts = '2025-11-20T10:15:00Z';

/** A valid Token object. */
export function tokenObject(overrides: Record<string, unknown> = {}) {
  return {
    id: 'tok_G5KdR5pNKRaVTet6',
    name: 'pipeline',
    description: null,
    scopes: ['write'],
    graphIds: ['gr_x2nEgXwpV83v'],
    createdAt: ts,
    createdBy: 'acc_0DN5EXTAIdpO',
    expiresAt: null,
    lastUsedAt: null,
    status: 'active',
    revokedAt: null,
    rotatedFrom: null,
    rotatedTo: null,
    hint: '4kQz',
    ...overrides,
  };
}

/** A valid Block object. */
export function blockObject(i: number) {
  return { id: `blk_${i}`, graphId: 'gr_x2nEgXwpV83v', content: `block ${i}`, createdAt: ts, updatedAt: ts };
}
