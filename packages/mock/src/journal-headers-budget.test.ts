/**
 * The journal's byte budget counts what is oversized in an entry's headers, path and URL, not only
 * its body: a client sending huge headers or URLs cannot grow the journal past the budget plus a
 * small, stated lean size per entry. Ordinary requests keep every header and their whole URL.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, DROPPED_BODY_MARKER } from './index.js';
import { recordedBodyBytes } from './internal/recorded-size.js';
import { CUT_URL_MARKER, LEAN_HEADER_BYTES, LEAN_URL_LENGTH } from './journal-lean-entry.js';
import { DROPPED_HEADERS_KEY, type RecordedRequest } from './requests.js';

/** The estimated bytes an entry holds in its headers, path, URL and body. */
const entryBytes = (r: RecordedRequest) =>
  recordedBodyBytes(r.headers) +
  2 * (r.path.length + r.url.length) +
  (r.body === null || r.body === DROPPED_BODY_MARKER ? 0 : recordedBodyBytes(r.body));

/** The most an entry holds once lean: its kept headers (+ the dropped-headers note), path and URL. */
const LEAN_MAX = LEAN_HEADER_BYTES + 200 + 2 * 2 * (LEAN_URL_LENGTH + CUT_URL_MARKER.length);

const wrongToken = `${BOOTSTRAP_TOKEN.slice(0, -1)}x`;

describe('the journal budget and oversized headers and URLs', () => {
  it.each([
    ['one 15 KB header', () => ({ 'x-big': 'h'.repeat(15_000) }), ''],
    [
      '500 tiny headers',
      () => Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x-${i}`, 'v'])),
      '',
    ],
    ['an 8 KB URL', () => ({}), `?q=${'u'.repeat(8_000)}`],
  ])(
    'keeps %s from 300 requests within the budget plus the lean size per entry',
    async (_, headers, query) => {
      const budget = 256 * 1024;
      const mock = createGraphTokenMock({ journalBodyBytes: budget });
      const call = apiClient(mock);
      for (let i = 0; i < 300; i++) {
        const answer = await call('GET', `/v1/tokens${query}`, { token: wrongToken, headers: headers() });
        expect(answer.status).toBe(401);
      }
      const all = mock.requests.all();
      expect(all).toHaveLength(300);
      const total = all.reduce((sum, r) => sum + entryBytes(r), 0);
      // Before: 300 × 15-30 KB = 4.5-9 MB; now the budget plus at most LEAN_MAX per entry.
      expect(total).toBeLessThanOrEqual(budget + all.length * LEAN_MAX);
      // The oldest entries are lean, the newest whole; every entry keeps its redacted credential.
      const oldest = all[0]!;
      const newest = all.at(-1)!;
      expect(entryBytes(oldest)).toBeLessThanOrEqual(LEAN_MAX);
      expect(oldest.headers.authorization).toMatch(/^Bearer gt_…/);
      if (query) {
        expect(oldest.url.endsWith(CUT_URL_MARKER)).toBe(true);
        expect(newest.url.length).toBeGreaterThan(8_000);
        expect(mock.requests.filter({ path: '/v1/tokens' })).toHaveLength(300);
      } else {
        expect(oldest.headers[DROPPED_HEADERS_KEY]).toMatch(/^\d+ of \d+ headers dropped/);
        expect(newest.headers).toEqual(expect.objectContaining(headers()));
      }
      expect(JSON.stringify(all)).not.toContain(wrongToken);
    },
  );

  it('keeps every header and the whole URL of ordinary requests, even past the budget', async () => {
    const mock = createGraphTokenMock({ journalBodyBytes: 0 });
    const call = apiClient(mock);
    const headers = {
      accept: 'application/json',
      'user-agent': 'graphtoken-sdk/1.0 node/24',
      'idempotency-key': 'k'.repeat(64),
      traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
      cookie: `session=${'c'.repeat(400)}`,
    };
    const query = `?scope=write&graphId=gr_research&limit=50&cursor=${'z'.repeat(100)}`;
    for (let i = 0; i < 20; i++) {
      await call('GET', `/v1/tokens${query}`, { token: BOOTSTRAP_TOKEN, headers });
    }
    for (const r of mock.requests.all()) {
      expect(r.headers).toEqual(expect.objectContaining(headers));
      expect(r.headers[DROPPED_HEADERS_KEY]).toBeUndefined();
      expect(r.url.endsWith(query)).toBe(true);
      expect(r.path).toBe('/v1/tokens');
    }
  });
});
