/**
 * `POST /v1/tokens/revoke-leaked` (issue 11), as a secret scanner and as an attacker probing
 * secrets would call it: no token, credentials ignored, the same answer whatever was valid, a
 * per-client limit, and the reported secrets nowhere in what the mock records.
 */
import { generateTokenSecret, TOKEN_PATTERN } from '@graphtoken/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, type GraphTokenMock, seedIds } from '../index.js';

const { graphs } = seedIds;
const NOW = '2026-01-01T00:00:00.000Z';
const PATH = '/v1/tokens/revoke-leaked';

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

const make = (input: Partial<Parameters<GraphTokenMock['store']['createToken']>[0]> = {}) =>
  mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research], ...input });

describe('revokeLeakedTokens', () => {
  it('revokes every active secret reported, one in its grace period included, and nothing else', async () => {
    const active = make();
    const inGrace = make();
    const rotated = await call('POST', '/v1/tokens/self/rotate', {
      token: inGrace.secret,
      json: { gracePeriodSeconds: 3600 },
    });
    const untouched = make();
    const res = await call('POST', PATH, { json: { secrets: [active.secret, inGrace.secret] } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: 2 });
    expect((await call('GET', '/v1/tokens/self', { token: active.secret })).body.code).toBe('token_revoked');
    expect((await call('GET', '/v1/tokens/self', { token: inGrace.secret })).body.code).toBe('token_revoked');
    expect(mock.store.getToken(active.token.id)?.revokedAt).toBe(NOW);
    expect(mock.store.getToken(inGrace.token.id)?.revokedAt).toBe(NOW);
    // Its successor was not reported: it still works.
    expect((await call('GET', '/v1/tokens/self', { token: rotated.body.secret })).status).toBe(200);
    expect((await call('GET', '/v1/tokens/self', { token: untouched.secret })).status).toBe(200);
  });

  it('answers the same 202 whether the strings were valid, unknown, malformed, revoked or expired', async () => {
    const revoked = make({ revokedAt: '2025-12-01T00:00:00Z' });
    const expired = make({ expiresAt: '2025-12-01T00:00:00Z' });
    const cases = [
      [make().secret],
      [generateTokenSecret()],
      ['gt_notachecksum', 'hello'],
      [revoked.secret],
      [expired.secret],
    ];
    const answers = [];
    for (const secrets of cases) {
      const res = await call('POST', PATH, { json: { secrets } });
      answers.push({
        status: res.status,
        body: res.body,
        headers: [...res.headers].filter(([k]) => k !== 'x-request-id'),
      });
    }
    for (const [i, a] of answers.entries()) {
      expect(a.status, String(i)).toBe(202);
      expect(a.body, String(i)).toEqual({ received: cases[i]!.length });
    }
    // Same headers apart from the rate-limit state, which counts every report alike.
    const shape = (h: [string, string][]) => h.filter(([k]) => k !== 'ratelimit').map(([k]) => k);
    expect(new Set(answers.map((a) => JSON.stringify(shape(a.headers)))).size).toBe(1);
    expect(mock.store.getToken(revoked.token.id)?.revokedAt).toBe('2025-12-01T00:00:00.000Z');
  });

  it('ignores credentials: a bad Authorization header or a revoked token changes nothing', async () => {
    const leaked = make();
    for (const headers of [
      { Authorization: 'Basic Zm9vOmJhcg==' },
      { Authorization: 'Bearer gt_malformed' },
      { Authorization: 'Bearer a, Bearer b' },
    ]) {
      const res = await call('POST', PATH, { headers, json: { secrets: ['x'] } });
      expect(res.status, JSON.stringify(headers)).toBe(202);
      expect(res.headers.get('graphtoken-token-expiration')).toBeNull();
    }
    const res = await call('POST', PATH, { token: leaked.secret, json: { secrets: [leaked.secret] } });
    expect(res.status).toBe(202);
    expect((await call('GET', '/v1/tokens/self', { token: leaked.secret })).body.code).toBe('token_revoked');
  });

  it('refuses a body that breaks the schema with 422, never echoing a value, and revokes nothing', async () => {
    const leaked = make();
    const bodies: unknown[] = [
      {},
      { secrets: [] },
      { secrets: Array.from({ length: 101 }, () => 'x') },
      { secrets: [''] },
      { secrets: ['x'.repeat(257)] },
      { secrets: [leaked.secret], extra: leaked.secret },
      { secrets: leaked.secret },
      [leaked.secret],
    ];
    for (const json of bodies) {
      const res = await call('POST', PATH, { json });
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.text).not.toContain(leaked.secret);
    }
    const notJson = await call('POST', PATH, {
      rawBody: `secrets=${leaked.secret}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(422);
    expect((await call('GET', '/v1/tokens/self', { token: leaked.secret })).status).toBe(200);
  });

  it('limits each client: 429 with Retry-After and RateLimit-Policy "client", and a client that waits t is served', async () => {
    mock.leakReportLimit = { limit: 3, windowSeconds: 60 };
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', PATH, { json: { secrets: ['x'] } });
      expect(res.status).toBe(202);
      seen.push(res.headers.get('ratelimit'));
    }
    expect(seen).toEqual(['"client";r=2;t=60', '"client";r=1;t=60', '"client";r=0;t=60']);
    mock.clock.advance({ seconds: 15 });
    const refused = await call('POST', PATH, { json: { secrets: ['x'] } });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('ratelimit-policy')).toBe('"client";q=3;w=60');
    expect(refused.headers.get('ratelimit')).toBe('"client";r=0;t=45');
    mock.clock.advance({ seconds: 45 });
    expect((await call('POST', PATH, { json: { secrets: ['x'] } })).status).toBe(202);
    // The limit is 60 a minute unless configured.
    expect(createGraphTokenMock().leakReportLimit).toEqual({ limit: 60, windowSeconds: 60 });
    expect(() => {
      mock.leakReportLimit = { limit: 0, windowSeconds: 60 };
    }).toThrow(RangeError);
  });

  it('in-process, every request is one client: a header naming another does not get a new window', async () => {
    mock.leakReportLimit = { limit: 2, windowSeconds: 60 };
    const statuses = [];
    for (const claim of ['a 10.0.0.1', 'b 10.0.0.2', '0123456789abcdef 10.0.0.3']) {
      const res = await call('POST', PATH, {
        headers: { 'X-GraphToken-Mock-Client': claim },
        json: { secrets: ['x'] },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });

  it('never records a reported secret: not in the journal, a snapshot, or an error', async () => {
    const leaked = make();
    const alsoLeaked = make();
    const malformed = `gt_${'A'.repeat(36)}`;
    await call('POST', PATH, { json: { secrets: [leaked.secret, malformed, 'password123'] } });
    await call('POST', PATH, { json: { secrets: [alsoLeaked.secret], [alsoLeaked.secret]: 1 } });
    await call('POST', PATH, {
      rawBody: `{"secrets":["${alsoLeaked.secret}"`,
      headers: { 'Content-Type': 'application/json' },
    });
    const recorded = JSON.stringify(mock.requests.all());
    for (const text of [leaked.secret, alsoLeaked.secret, malformed, 'password123']) {
      expect(recorded).not.toContain(text);
    }
    // Not even as the hints other bodies are scrubbed to.
    expect(recorded).not.toContain('gt_…');
    expect(recorded).not.toMatch(TOKEN_PATTERN);
    const entry = mock.requests.all().find((r) => r.operationId === 'revokeLeakedTokens');
    expect(entry?.body).toEqual({ secrets: ['[redacted]', '[redacted]', '[redacted]'] });
    const snapshot = JSON.stringify(mock.snapshot());
    expect(snapshot).not.toContain(leaked.secret);
    expect(snapshot).not.toMatch(TOKEN_PATTERN);
  });

  it('records a token.revoked event with reason leak_report and actor system', async () => {
    const leaked = make();
    await call('POST', PATH, { json: { secrets: [leaked.secret] } });
    const events = await call('GET', `/v1/audit-events?tokenId=${leaked.token.id}`, {
      token: BOOTSTRAP_TOKEN,
    });
    expect(events.body.data).toEqual([
      expect.objectContaining({
        type: 'token.revoked',
        reason: 'leak_report',
        actor: 'system',
        occurredAt: NOW,
      }),
    ]);
  });
});
