import { redactToken, scrubEncodedSecrets, TOKEN_PREFIX } from '@graphtoken/contract';

/** One served request, as the standalone server logs it. */
export interface RequestLogEntry {
  method: string;
  /** The request target as sent (path and query); the log keeps the path only. */
  target: string;
  /** The HTTP status, or `'dropped'` when a fault dropped the connection. */
  status: number | 'dropped' | 'aborted';
  durationMs: number;
  authorization: string | undefined;
  requestId: string | undefined;
}

/**
 * How the log shows the credential of a request: `gt_…abcd` (the public hint only), `[redacted]`
 * for anything else presented, `-` for none. Never the secret.
 */
export function describeCredential(authorization: string | undefined): string {
  if (authorization === undefined || authorization === '') return '-';
  const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
  const credential = match?.[1];
  if (credential?.startsWith(TOKEN_PREFIX)) return redactToken(credential);
  return '[redacted]';
}

/**
 * One log line per request: method, path (query string left out: it is where a misplaced token
 * would be), status, duration, the redacted token and the request id.
 *
 * @example
 * formatLogLine(entry) // 'GET /v1/tokens/self 200 3ms token=gt_…abcd req_Ma8Ns4Tv0Wb7Dx1E'
 */
export function formatLogLine(entry: RequestLogEntry): string {
  const path = scrubEncodedSecrets(entry.target.split('?')[0] ?? '/');
  const ms = Math.round(entry.durationMs);
  const token = describeCredential(entry.authorization);
  return `${entry.method} ${path} ${entry.status} ${ms}ms token=${token} ${entry.requestId ?? '-'}`;
}
