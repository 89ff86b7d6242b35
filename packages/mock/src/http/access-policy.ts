/**
 * Who may talk to the standalone server. The `/v1` API stays open to browser apps on any origin
 * (CORS `*`), as the real API is. The admin endpoints (`/__mock/…`: every account's data, reset,
 * the clock) answer a cross-origin browser caller only when its origin is allowed (`corsOrigins`),
 * and need `Authorization: Bearer <adminToken>` when one is set, which listening on a non-loopback
 * address requires. A request whose `Host` is not one of the server's own names is refused, so a
 * web page cannot reach the server by DNS rebinding (a hostile name that resolves to 127.0.0.1).
 * @internal
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { problemResponse } from '../admin/problem.js';

/** What the policy is built from. */
export interface AccessPolicyOptions {
  /** The address the server listens on, as given (`127.0.0.1`, `::1`, `0.0.0.0`, a name…). */
  host: string;
  /** The port it listens on. */
  port: number;
  /** The address it is bound to (`0.0.0.0` for a `host` of `0`), also accepted as a `Host` name. */
  boundAddress?: string;
  /** Further `Host` names to accept (`name` on any port, or `name:port`). */
  allowedHosts?: readonly string[];
  /** Origins whose pages may call the admin endpoints (`https://app.example:3000`, or `*`). */
  corsOrigins?: readonly string[];
  /** The secret the admin endpoints require as `Authorization: Bearer …`. */
  adminToken?: string;
}

/** Whether an address or name stays on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(bare);
}

const bracket = (host: string) => (isIP(host) === 6 ? `[${host}]` : host.toLowerCase());
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Splits a `Host` value into name and port (`undefined` when absent); undefined when malformed. */
function splitHost(value: string): { name: string; port: string | undefined } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match) return undefined;
  return { name: (match[1] as string).toLowerCase(), port: match[2] };
}

/** The checks of one server. */
export interface AccessPolicy {
  /** Why the admin endpoints are off, when the server listens beyond loopback without an admin token. */
  readonly adminDisabledReason: string | undefined;
  /** A refusal for a request, or undefined when it may proceed. */
  refuse(
    req: IncomingMessage,
    options: { admin: boolean; authority: string | undefined },
  ): Response | undefined;
  /** The CORS headers of an admin answer for this request's `Origin` (none when not allowed). */
  adminCors(req: IncomingMessage): Record<string, string>;
  /** The answer to a preflight for an admin endpoint. */
  adminPreflight(req: IncomingMessage): Response;
}

/** Builds the access policy of a server. */
export function createAccessPolicy(options: AccessPolicyOptions): AccessPolicy {
  const { port } = options;
  const names = new Set([
    '127.0.0.1',
    'localhost',
    '[::1]',
    bracket(options.host),
    ...(options.boundAddress === undefined ? [] : [bracket(options.boundAddress)]),
  ]);
  const extra = (options.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  const ownOrigins = new Set(
    [...names].flatMap((name) => [`http://${name}:${port}`, ...(port === 80 ? [`http://${name}`] : [])]),
  );
  const corsOrigins = new Set((options.corsOrigins ?? []).map((o) => o.trim().replace(/\/+$/, '')));
  const adminHash = options.adminToken === undefined ? undefined : sha256(options.adminToken);
  const adminDisabledReason =
    adminHash === undefined && !isLoopback(options.host)
      ? `the server listens on ${options.host}, beyond this machine, so anyone on the network could read every account's data and reset the mock: the admin endpoints need an admin token (--admin-token)`
      : undefined;

  const hostAllowed = (value: string): boolean => {
    const parsed = splitHost(value);
    if (!parsed) return false;
    const effectivePort = parsed.port ?? '80';
    if (names.has(parsed.name) && effectivePort === String(port)) return true;
    return extra.some((h) => h === parsed.name || h === `${parsed.name}:${effectivePort}`);
  };
  const originAllowed = (origin: string): boolean =>
    ownOrigins.has(origin.toLowerCase()) || corsOrigins.has('*') || corsOrigins.has(origin);

  const adminCors = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (origin === undefined || !originAllowed(origin)) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'X-Request-Id, WWW-Authenticate',
      Vary: 'Origin',
    };
  };

  return {
    adminDisabledReason,
    refuse(req, { admin, authority }) {
      if ((req.headersDistinct.host?.length ?? 0) > 1) {
        return problemResponse({
          status: 400,
          code: 'invalid_request',
          detail: `A request has one Host header, not ${req.headersDistinct.host?.length} (RFC 9112 section 3.2). Send one, e.g. Host: 127.0.0.1:${port}.`,
        });
      }
      if (req.headers.host === undefined && req.httpVersion !== '1.0') {
        return problemResponse({
          status: 400,
          code: 'invalid_request',
          detail: `An HTTP/1.1 request needs a Host header (RFC 9112 section 3.2), e.g. Host: 127.0.0.1:${port}.`,
        });
      }
      for (const value of [req.headers.host, authority]) {
        if (value !== undefined && !hostAllowed(value)) {
          return problemResponse({
            status: 400,
            code: 'invalid_request',
            detail: `This server does not answer for the host "${value.slice(0, 100)}" (a page reaching it through another name is refused, against DNS rebinding). Use http://127.0.0.1:${port}, or start the mock with --allowed-host <name> to accept that name.`,
          });
        }
      }
      if (!admin) return undefined;
      const origin = req.headers.origin;
      if (origin !== undefined && !originAllowed(origin)) {
        return problemResponse({
          status: 403,
          code: 'invalid_request',
          detail: `The admin endpoints do not answer pages from ${origin.slice(0, 200)}. Start the mock with --cors-origin ${origin.slice(0, 200)} to allow that origin.`,
        });
      }
      if (req.method === 'OPTIONS') return undefined;
      if (adminDisabledReason !== undefined) {
        return problemResponse({
          status: 403,
          code: 'invalid_request',
          detail: `The admin endpoints are off: ${adminDisabledReason}. Restart with --admin-token <secret> and send Authorization: Bearer <secret>.`,
        });
      }
      if (adminHash !== undefined) {
        const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
        if (!match || !timingSafeEqual(sha256(match[1] as string), adminHash)) {
          const response = problemResponse({
            status: 401,
            code: match ? 'invalid_token' : 'missing_token',
            detail: match
              ? 'The admin token is wrong. Send the --admin-token the mock was started with.'
              : 'The admin endpoints need the admin token: send Authorization: Bearer <the --admin-token the mock was started with>.',
          });
          response.headers.set('WWW-Authenticate', 'Bearer realm="graphtoken-mock-admin"');
          return response;
        }
      }
      return undefined;
    },
    adminCors,
    adminPreflight(req) {
      const asked = req.headers['access-control-request-headers'];
      const headers = {
        ...adminCors(req),
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers':
          typeof asked === 'string' && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked.trim())
            ? asked.trim()
            : 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      };
      return new Response(null, { status: 204, headers });
    },
  };
}
