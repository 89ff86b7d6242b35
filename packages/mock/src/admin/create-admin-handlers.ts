import { HttpResponse, http, type RequestHandler } from 'msw';
import type { GraphTokenMock } from '../index.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../internal/json-depth.js';
import { isUrlTooLong, MAX_URL_LENGTH } from '../internal/url-length.js';
import { newRequestId, problemResponse } from './problem.js';
import {
  type Validated,
  validateClockCommand,
  validateFaultRule,
  validateRequestsQuery,
} from './validate.js';

/** The path prefix of the admin endpoints, kept apart from the API's `/v1`. */
export const ADMIN_PREFIX = '/__mock';

type AdminMethod = 'GET' | 'POST' | 'DELETE';

/** Every admin endpoint, `METHOD /path` (`{id}` a path parameter). @internal */
export const ADMIN_ENDPOINTS = [
  'GET /__mock/faults',
  'POST /__mock/faults',
  'DELETE /__mock/faults',
  'DELETE /__mock/faults/{id}',
  'GET /__mock/clock',
  'POST /__mock/clock',
  'POST /__mock/reset',
  'GET /__mock/requests',
  'DELETE /__mock/requests',
  'GET /__mock/state',
];

function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as never, {
    status,
    headers: { 'X-Request-Id': newRequestId(), 'Cache-Control': 'no-store' },
  });
}

function noContent(): Response {
  return new HttpResponse(null, { status: 204, headers: { 'X-Request-Id': newRequestId() } });
}

function invalid(errors: { field: string; message: string }[]): Response {
  return problemResponse({
    status: 422,
    code: 'validation_failed',
    detail: `The admin request is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
    errors,
  });
}

/** Runs a mock call; a value the mock itself refuses (it throws) becomes a 422 on `field`. */
function attempt(field: string, run: () => Response): Response {
  try {
    return run();
  } catch (error) {
    return invalid([{ field, message: (error as Error).message }]);
  }
}

async function readJson(request: Request): Promise<Validated<unknown>> {
  const text = await request.text();
  if (text.trim() === '')
    return { ok: false, errors: [{ field: 'body', message: 'is empty; send a JSON object' }] };
  if (exceedsJsonDepth(text)) {
    return {
      ok: false,
      errors: [
        { field: 'body', message: `nests more than ${MAX_JSON_DEPTH} levels deep; send a flat JSON object` },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, errors: [{ field: 'body', message: 'is not valid JSON' }] };
  }
}

/**
 * MSW handlers for the mock's admin endpoints under `${mock.baseUrl}/__mock/`: faults, clock,
 * reset, recorded requests and a state snapshot. They are runtime-neutral, so any MSW host
 * (the standalone server, `setupServer`, a service worker) can serve them next to
 * `mock.handlers`. They never touch `/v1`, are not recorded in `mock.requests`, and never answer
 * with a secret (the snapshot holds secret hashes only).
 *
 * | endpoint | body | answer |
 * |---|---|---|
 * | `POST /__mock/faults` | a `FaultRule` | 201 `{ id, rule }` |
 * | `GET /__mock/faults` | | 200 `{ data: FaultRule[] }` |
 * | `DELETE /__mock/faults`, `DELETE /__mock/faults/{id}` | | 204 |
 * | `POST /__mock/clock` | `{ advance: ms \| { days, hours, minutes, seconds } }` or `{ set: date-time }` | 200 `{ now }` |
 * | `GET /__mock/clock` | | 200 `{ now }` |
 * | `POST /__mock/reset` | | 204 |
 * | `GET /__mock/requests?operationId=&method=&path=&status=` | | 200 `{ data: RecordedRequest[] }` |
 * | `DELETE /__mock/requests` | | 204 |
 * | `GET /__mock/state` | | 200 the snapshot |
 *
 * A bad body gets `422 validation_failed` with one `{ field, message }` per problem.
 *
 * @example
 * const mock = createGraphTokenMock();
 * const server = setupServer(...createAdminHandlers(mock), ...mock.handlers);
 */
export function createAdminHandlers(mock: GraphTokenMock): RequestHandler[] {
  const basePath = new URL(mock.baseUrl).pathname.replace(/\/+$/, '');
  const origin = new URL(mock.baseUrl).origin;
  /** The raw (still percent-encoded) path under the base path when it is under `/__mock/`. */
  const rawAdminPath = (request: Request): string | undefined => {
    if (!request.url.startsWith(`${origin}/`)) return undefined;
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(basePath)) return undefined;
    const path = pathname.slice(basePath.length);
    return isAdminPath(path) ? path : undefined;
  };
  /**
   * An endpoint that answers only its exact raw path (case, encoding and slashes as written), as
   * the `/v1` operations do, so the path a server's guard screens is the path that is routed;
   * `HEAD` is answered as `GET`, without the body.
   */
  const route = (
    method: AdminMethod,
    template: string,
    resolve: (info: { request: Request; params: Record<string, string> }) => Response | Promise<Response>,
  ): RequestHandler => {
    const pattern = adminPathPattern(template);
    const matchOf = (request: Request) => {
      const sent = request.method.toUpperCase();
      if (sent !== method && !(method === 'GET' && sent === 'HEAD')) return null;
      const path = rawAdminPath(request);
      return path === undefined ? null : pattern.exec(path);
    };
    return http.all(
      ({ request }) => matchOf(request) !== null,
      async ({ request }) => {
        const match = matchOf(request) as RegExpExecArray;
        const response = await resolve({ request, params: { ...match.groups } });
        return request.method.toUpperCase() === 'HEAD'
          ? new HttpResponse(null, { status: response.status, headers: response.headers })
          : response;
      },
    );
  };
  return [
    // msw's router throws past 8,192 characters: answer such a URL before any route is tried.
    http.all(
      ({ request }) => isUrlTooLong(request, mock.baseUrl),
      () =>
        problemResponse({
          status: 414,
          code: 'request_too_large',
          detail: `The request URL is longer than ${MAX_URL_LENGTH} characters. Check the URL.`,
        }),
    ),
    route('POST', '/faults', async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return invalid(body.errors);
      const rule = validateFaultRule(body.value);
      if (!rule.ok) return invalid(rule.errors);
      return attempt('body', () => json({ id: mock.faults.add(rule.value), rule: rule.value }, 201));
    }),
    route('GET', '/faults', () => json({ data: mock.faults.list() })),
    route('DELETE', '/faults', () => {
      mock.faults.clear();
      return noContent();
    }),
    route('DELETE', '/faults/{id}', ({ params }) => {
      mock.faults.remove(String(params.id));
      return noContent();
    }),
    route('GET', '/clock', () => json({ now: mock.clock.now().toISOString() })),
    route('POST', '/clock', async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return invalid(body.errors);
      const command = validateClockCommand(body.value);
      if (!command.ok) return invalid(command.errors);
      const { value } = command;
      return attempt('set' in value ? 'set' : 'advance', () => {
        if ('set' in value) mock.clock.set(value.set);
        else mock.clock.advance(value.advance);
        return json({ now: mock.clock.now().toISOString() });
      });
    }),
    route('POST', '/reset', () => {
      mock.reset();
      return noContent();
    }),
    route('GET', '/requests', ({ request }) => {
      const query = validateRequestsQuery(new URL(request.url).searchParams);
      if (!query.ok) return invalid(query.errors);
      const data =
        Object.keys(query.value).length > 0 ? mock.requests.filter(query.value) : mock.requests.all();
      return json({ data });
    }),
    route('DELETE', '/requests', () => {
      mock.requests.clear();
      return noContent();
    }),
    route('GET', '/state', () => json(mock.snapshot())),
    // Any other path under the prefix, matched on the raw path as well (an encoded `%5F_mock`
    // names no admin endpoint: it falls through to the API's 404).
    http.all(
      ({ request }) => rawAdminPath(request) !== undefined,
      ({ request }) => {
        const path = rawAdminPath(request) as string;
        const allow = adminMethods(path);
        if (allow.length > 0 && request.method === 'OPTIONS') {
          return new HttpResponse(null, {
            status: 204,
            headers: { Allow: allow.join(', '), 'X-Request-Id': newRequestId() },
          });
        }
        if (allow.length > 0) {
          const response = problemResponse({
            status: 405,
            code: 'invalid_request',
            detail: `${path} does not take ${request.method}; it allows ${allow.join(', ')}.`,
          });
          response.headers.set('Allow', allow.join(', '));
          return response;
        }
        return problemResponse({
          status: 404,
          code: 'not_found',
          detail: `No admin endpoint ${request.method} ${path.slice(0, 200)}. The admin endpoints are: ${ADMIN_ENDPOINTS.join(', ')}.`,
        });
      },
    ),
  ];
}

/** The methods an admin path allows, from {@link ADMIN_ENDPOINTS} (plus OPTIONS); empty for an unknown path. @internal */
export function adminMethods(path: string): string[] {
  const methods = ADMIN_ENDPOINTS.filter((e) =>
    adminPathPattern(e.slice(e.indexOf(' ') + 1)).test(path),
  ).flatMap((e) => {
    const method = e.slice(0, e.indexOf(' '));
    return method === 'GET' ? ['GET', 'HEAD'] : [method];
  });
  return methods.length === 0 ? [] : [...new Set(methods), 'OPTIONS'];
}

/** Whether a raw path is the admin prefix or under it (exactly `/__mock`, case and encoding as written). @internal */
export function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

/**
 * An admin path template (`/faults/{id}`, under {@link ADMIN_PREFIX} when it does not start with
 * it) as an exact raw-path pattern: `{id}` one segment of visible unreserved characters (no `%`),
 * captured as a named group.
 */
function adminPathPattern(template: string): RegExp {
  const full = template.startsWith(ADMIN_PREFIX) ? template : ADMIN_PREFIX + template;
  const source = full
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_match, name: string) => `(?<${name}>[A-Za-z0-9._~-]+)`);
  return new RegExp(`^${source}$`);
}
