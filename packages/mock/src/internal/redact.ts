/**
 * Keeping secrets out of everything the mock records or says: recorded requests, problem details,
 * snapshots. A secret is replaced by its public hint (`gt_…abcd`), which is enough to tell tokens
 * apart in a test failure.
 */
import { redactToken, scrubEncodedSecrets } from '@graphtoken/contract';

/** Scrubs every string inside a JSON value. */
export function scrubJson(value: unknown): unknown {
  if (typeof value === 'string') return scrubEncodedSecrets(value);
  if (Array.isArray(value)) return value.map(scrubJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubEncodedSecrets(k), scrubJson(v)]));
  }
  return value;
}

/** An `Authorization` header value with its credential replaced by the hint (`Bearer gt_…abcd`). */
export function redactAuthorization(value: string): string {
  const match = /^(\S+)(\s+)(.*)$/s.exec(value.trim());
  if (!match) return '[redacted]';
  const [, scheme, , credential] = match as unknown as [string, string, string, string];
  if (/^bearer$/i.test(scheme) && /^\S+$/.test(credential)) return `${scheme} ${redactToken(credential)}`;
  return `${scheme} [redacted]`;
}

/** A URL with any `access_token` query value and any secret-like text redacted. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  for (const key of [...copy.searchParams.keys()]) {
    if (key.toLowerCase() === 'access_token') copy.searchParams.set(key, '[redacted]');
  }
  return scrubEncodedSecrets(copy.href);
}
