/**
 * What keeps a long-running mock's memory bounded: the request journal (a ring buffer, bodies cut
 * at 64 KiB), replay records (24 hours on the mock clock) and rate-limit windows.
 */
import { generateTokenSecret } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from './index.js';
import { createRateLimiter } from './internal/rate-limit.js';
import { createMemoryReplayStore, REPLAY_TTL_MS } from './internal/replay-store.js';
import {
  createRequests,
  DEFAULT_JOURNAL_SIZE,
  RECORDED_BODY_LIMIT,
  type RecordedRequest,
  TRUNCATED_MARKER,
} from './requests.js';

const sample: RecordedRequest = {
  requestId: 'req_0',
  method: 'GET',
  path: '/v1/nowhere',
  url: 'https://api.graphtoken.dev/v1/nowhere',
  operationId: null,
  headers: {},
  body: null,
  status: 404,
  tokenId: null,
  at: '2030-01-01T00:00:00.000Z',
};

describe('request journal', () => {
  it('keeps the last journalSize requests, oldest first', async () => {
    const mock = createGraphTokenMock({ journalSize: 3 });
    const call = apiClient(mock);
    for (let i = 0; i < 7; i++)
      await call('GET', `/v1/graphs/gr_research/blocks?limit=${i + 1}`, { token: BOOTSTRAP_TOKEN });
    const kept = mock.requests.all();
    expect(kept.map((r) => r.url.split('limit=')[1])).toEqual(['5', '6', '7']);
    expect(mock.requests.count()).toBe(3);
    expect(mock.requests.last()?.url).toContain('limit=7');
    expect(mock.requests.filter({ method: 'GET' })).toHaveLength(3);
    mock.requests.clear();
    expect(mock.requests.all()).toEqual([]);
  });

  it('keeps 10,000 requests by default', () => {
    const journal = createRequests();
    for (let i = 0; i < 10_050; i++) journal.record({ ...sample, requestId: `req_${i}` });
    expect(journal.count()).toBe(DEFAULT_JOURNAL_SIZE);
    expect(journal.all()[0]?.requestId).toBe('req_50');
  });

  it('refuses a journal size that is not a positive integer', () => {
    expect(() => createGraphTokenMock({ journalSize: 0 })).toThrowError(
      /journalSize must be an integer >= 1/,
    );
  });

  it('cuts a body past 64 KiB with a marker, secrets scrubbed, on a 401 and on a 2xx alike', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    const secret = generateTokenSecret();
    const big = { blocks: [{ content: `${secret} ${'x'.repeat(9000)}` }], padding: 'y'.repeat(200_000) };
    const refused = await call('POST', '/v1/graphs/gr_research/blocks', { token: 'gt_nope', json: big });
    expect(refused.status).toBe(401);
    const invalid = await call('POST', '/v1/graphs/gr_research/blocks', {
      token: generateTokenSecret(),
      json: big,
    });
    expect(invalid.status).toBe(401);
    const accepted = await call('POST', '/v1/graphs/gr_research/blocks', {
      token: BOOTSTRAP_TOKEN,
      json: big,
    });
    expect(accepted.status).not.toBe(401); // the bootstrap token has no append scope: 403, body read whole
    for (const recorded of mock.requests.all()) {
      expect(typeof recorded.body).toBe('string');
      const text = recorded.body as string;
      expect(text.endsWith(TRUNCATED_MARKER)).toBe(true);
      expect(new TextEncoder().encode(text.slice(0, -TRUNCATED_MARKER.length)).length).toBeLessThanOrEqual(
        RECORDED_BODY_LIMIT + 64,
      );
      expect(text).not.toContain(secret);
    }
  });

  it('records a body of 64 KiB or less whole, as parsed JSON', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    const body = { blocks: [{ content: 'a'.repeat(10_000) }] };
    await call('POST', '/v1/graphs/gr_research/blocks', { token: 'gt_nope', json: body });
    expect(mock.requests.last()?.body).toEqual(body);
  });
});

describe('replay records', () => {
  it('replays for 24 hours on the mock clock, then runs the request anew', async () => {
    const mock = createGraphTokenMock({ now: '2030-01-01T00:00:00Z', freezeClock: true });
    const call = apiClient(mock);
    const { secret } = mock.store.createToken({ scopes: ['append'], graphIds: ['gr_research'] });
    const append = () =>
      call('POST', '/v1/graphs/gr_research/blocks', {
        token: secret,
        json: { blocks: [{ content: 'once' }] },
        headers: { 'Idempotency-Key': 'k1' },
      });
    const first = await append();
    mock.clock.advance(REPLAY_TTL_MS - 1);
    const replay = await append();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    mock.clock.advance(1);
    const anew = await append();
    expect(anew.headers.get('idempotent-replayed')).toBeNull();
    expect(anew.body.data[0].id).not.toBe(first.body.data[0].id);
    expect(mock.store.listBlocks('gr_research').filter((b) => b.content === 'once')).toHaveLength(2);
  });

  it('prunes expired records as new ones come, so the store follows the last 24 hours only', () => {
    const store = createMemoryReplayStore();
    const response = { fingerprint: 'f', status: 201, headers: {}, body: '{}' };
    for (let hour = 0; hour < 72; hour++) {
      for (let i = 0; i < 10; i++) store.put('tok_a', `${hour}-${i}`, response, hour * 3_600_000);
    }
    expect(store.size).toBeLessThanOrEqual(25 * 10);
    expect(store.get('tok_a', '0-0', 72 * 3_600_000)).toBeUndefined();
    expect(store.get('tok_a', '71-0', 72 * 3_600_000)).toEqual(response);
  });
  it('prunes in expiry order after the clock was set back: a record stored "in the future" shields none', () => {
    const store = createMemoryReplayStore();
    const response = { fingerprint: 'f', status: 201, headers: {}, body: '{}' };
    const future = Date.parse('2030-01-01T00:00:00Z');
    const start = Date.parse('2026-12-01T00:00:00Z');
    store.put('tok_a', 'future', response, future);
    for (let hour = 0; hour < 72; hour++) {
      for (let i = 0; i < 10; i++) store.put('tok_a', `${hour}-${i}`, response, start + hour * 3_600_000);
    }
    // The last 24 hours (plus the hour being written) and the one record that has not expired yet.
    expect(store.size).toBeLessThanOrEqual(25 * 10 + 1);
    expect(store.get('tok_a', '0-0', start + 72 * 3_600_000)).toBeUndefined();
    expect(store.get('tok_a', '71-0', start + 72 * 3_600_000)).toEqual(response);
    expect(store.get('tok_a', 'future', start + 72 * 3_600_000)).toEqual(response);
    expect(store.get('tok_a', 'future', future + REPLAY_TTL_MS)).toBeUndefined();
  });

  it('keeps pruning while one key is stored again and again at shifting clock times', () => {
    const store = createMemoryReplayStore();
    const response = { fingerprint: 'f', status: 201, headers: {}, body: '{}' };
    for (let i = 0; i < 5000; i++) {
      // The same key re-stored with the clock jumping back and forth, among fresh keys.
      store.put('tok_a', 'same', response, i % 2 === 0 ? 10 * REPLAY_TTL_MS : i);
      store.put('tok_a', `k${i}`, response, REPLAY_TTL_MS * 3 + i * 60_000);
    }
    // Fresh keys: one a minute, 24 hours kept = 1,440 (+1 for the instant itself), plus 'same'.
    expect(store.size).toBeLessThanOrEqual(1442);
    expect(store.get('tok_a', 'k4999', REPLAY_TTL_MS * 3 + 4999 * 60_000)).toEqual(response);
  });
});

describe('replay records, compact', () => {
  it('replays exactly what was stored: a hex fingerprint, any other one, headers or none, no body', () => {
    const store = createMemoryReplayStore();
    const answers = [
      {
        fingerprint: 'ab'.repeat(32),
        status: 201,
        headers: { Location: '/v1/tokens/tok_1' },
        body: '{"a":1}',
      },
      { fingerprint: 'not hex: é', status: 200, headers: {}, body: '{}' },
      { fingerprint: '0f', status: 204, headers: { 'X-A': 'b', 'X-C': 'd' }, body: undefined },
    ];
    for (const [i, answer] of answers.entries()) store.put('tok_a', `k${i}`, answer, 0);
    for (const [i, answer] of answers.entries()) expect(store.get('tok_a', `k${i}`, 1)).toEqual(answer);
  });
});

describe('rate-limit windows', () => {
  it('drops the windows that ended', () => {
    const limiter = createRateLimiter();
    const options = { limit: 5, windowSeconds: 1 };
    for (let i = 0; i < 5000; i++) limiter.hit(`tok_${i}`, i, options);
    expect(limiter.size).toBeLessThan(2100);
    for (let i = 0; i < 2048; i++) limiter.hit('tok_late', 10_000_000 + i, options);
    expect(limiter.size).toBeLessThan(10);
  });
});
