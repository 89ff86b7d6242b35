/**
 * Keeping secrets out of everything the mock records or says: recorded requests, problem details,
 * snapshots. A secret is replaced by its public hint (`gt_…abcd`), which is enough to tell tokens
 * apart in a test failure.
 */
import { redactToken, TOKEN_PATTERN } from '@graphtoken/contract';

/** Replaces every well-formed secret (and anything that looks like one) in a text by its hint. */
export function scrubText(text: string): string {
  // No word boundaries: secrets pasted back to back must each be caught.
  return text
    .replace(new RegExp(TOKEN_PATTERN.source.replaceAll('\\b', ''), 'g'), (s) => redactToken(s))
    .replace(/gt_[A-Za-z0-9]{8,}/g, (s) => redactToken(s));
}

/** Scrubs every string inside a JSON value. */
export function scrubJson(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k), scrubJson(v)]));
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
  return scrubText(copy.href);
}
