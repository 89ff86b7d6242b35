/**
 * The journal's byte budget for recorded bodies: past it the oldest entries lose their body first
 * (a marker instead), the entries themselves are kept; the newest bodies stay whole.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import {
  BOOTSTRAP_TOKEN,
  createGraphTokenMock,
  DEFAULT_JOURNAL_BODY_BYTES,
  DROPPED_BODY_MARKER,
  TRUNCATED_MARKER,
} from './index.js';
import { createRequests, type RecordedRequest, recordedBodyBytes } from './requests.js';

const entry = (n: number, body: unknown): RecordedRequest => ({
  requestId: `req_${n}`,
  method: 'POST',
  path: '/v1/tokens',
  url: 'http://x/v1/tokens',
  operationId: 'createToken',
  headers: {},
  body,
  status: 401,
  tokenId: null,
  at: '2030-01-01T00:00:00.000Z',
});

/** The estimated bytes of the bodies the journal still holds. */
const heldBytes = (all: RecordedRequest[]) =>
  all.reduce(
    (sum, r) => sum + (r.body === null || r.body === DROPPED_BODY_MARKER ? 0 : recordedBodyBytes(r.body)),
    0,
  );

describe('the journal body budget', () => {
  it('drops the oldest bodies first, keeps every entry, and stays within the budget', () => {
    const budget = 100_000;
    const journal = createRequests(50, budget);
    const big = 'x'.repeat(20_000); // ~40 KB each: two fit, a third does not
    for (let n = 0; n < 10; n++) journal.record(entry(n, n % 3 === 2 ? null : `${n}${big}`));
    const all = journal.all();
    expect(all).toHaveLength(10);
    expect(all.map((r) => r.requestId)).toEqual(Array.from({ length: 10 }, (_, n) => `req_${n}`));
    expect(heldBytes(all)).toBeLessThanOrEqual(budget);
    // The newest two bodies are whole; every older one is dropped (or was empty).
    expect(all[9]!.body).toBe(`9${big}`);
    expect(all[7]!.body).toBe(`7${big}`);
    for (const r of all.slice(0, 7)) expect([null, DROPPED_BODY_MARKER]).toContain(r.body);
  });

  it('counts a parsed body by its shape, not its text (many small objects cost more than their JSON)', () => {
    const many = Array.from({ length: 10_000 }, () => ({}));
    expect(recordedBodyBytes(many)).toBeGreaterThan(JSON.stringify(many).length * 5);
  });

  it('frees the budget of entries the ring overwrites', () => {
    const journal = createRequests(3, 100_000);
    for (let n = 0; n < 30; n++) journal.record(entry(n, 'y'.repeat(10_000)));
    expect(journal.all().map((r) => r.body === DROPPED_BODY_MARKER)).toEqual([false, false, false]);
    journal.clear();
    journal.record(entry(0, 'z'));
    expect(journal.last()?.body).toBe('z');
  });

  it('bounds a long run of 401s with big bodies through the mock (budget 1 MiB)', async () => {
    const mock = createGraphTokenMock({ journalBodyBytes: 2 ** 20 });
    const call = apiClient(mock);
    const big = JSON.stringify({ name: 'x', padding: 'p'.repeat(100 * 1024) });
    for (let i = 0; i < 40; i++) {
      const answer = await call('POST', '/v1/tokens', {
        token: `${BOOTSTRAP_TOKEN.slice(0, -1)}x`,
        rawBody: big,
      });
      expect(answer.status).toBe(401);
    }
    const all = mock.requests.all();
    expect(all).toHaveLength(40);
    expect(heldBytes(all)).toBeLessThanOrEqual(2 ** 20);
    expect(String(all.at(-1)!.body).endsWith(TRUNCATED_MARKER)).toBe(true);
    expect(all[0]!.body).toBe(DROPPED_BODY_MARKER);
    expect(DEFAULT_JOURNAL_BODY_BYTES).toBe(16 * 2 ** 20);
  });

  it('refuses a budget that is not a non-negative integer', () => {
    expect(() => createGraphTokenMock({ journalBodyBytes: -1 })).toThrow(RangeError);
    expect(() => createGraphTokenMock({ journalBodyBytes: 1.5 })).toThrow(RangeError);
  });
});
