/**
 * "No secret in any message, log, recorded request or snapshot": every secret the mock ever
 * handled is searched for in everything it exposes.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, seedIds } from './index.js';

describe('secrets', () => {
  it('appear only in the create and rotate responses', async () => {
    const mock = createGraphTokenMock();
    const call = apiClient(mock);
    const bodies: string[] = [];
    const admin = { token: BOOTSTRAP_TOKEN };
    const created = await call('POST', '/v1/tokens', {
      ...admin,
      json: { name: 'x', scopes: ['read'], graphIds: [seedIds.graphs.research] },
    });
    const { secret } = created.body;
    const rotated = await call('POST', `/v1/tokens/${created.body.token.id}/rotate`, {
      ...admin,
      json: { gracePeriodSeconds: 60 },
    });
    const secrets = [BOOTSTRAP_TOKEN, secret, rotated.body.secret];
    const misuse = [
      call('GET', '/v1/tokens/self', { token: secret }),
      call('GET', `/v1/tokens/self?access_token=${secret}`),
      call('GET', `/v1/graphs/${secret}`, { token: secret }),
      call('GET', `/v1/tokens/${secret}`, admin),
      call('GET', `/v1/tokens?graphId=${secret}`, admin),
      call('POST', '/v1/tokens', {
        ...admin,
        json: { name: secret, scopes: [secret], graphIds: [secret], [secret]: 1 },
      }),
      call('PATCH', `/v1/tokens/${created.body.token.id}`, {
        ...admin,
        json: { description: secret.repeat(20) },
      }),
      call('GET', `/v1/${secret}`, admin),
      call('GET', '/v1/graphs', { headers: { Authorization: `Basic ${secret}` } }),
      call('GET', '/v1/graphs', { token: `${secret}x` }),
      call('GET', '/v1/tokens', { ...admin, headers: { 'X-Api-Key': secret } }),
      call('POST', `/v1/graphs/${seedIds.graphs.research}/blocks`, {
        token: rotated.body.secret,
        headers: { 'Idempotency-Key': secret },
        json: { blocks: [{ content: 'ok' }] },
      }),
      call('GET', '/v1/tokens', admin),
    ];
    for (const res of await Promise.all(misuse)) bodies.push(res.text);
    mock.clock.advance({ minutes: 2 });
    bodies.push((await call('GET', '/v1/tokens/self', { token: secret })).text);

    const exposed = [...bodies, JSON.stringify(mock.requests.all()), JSON.stringify(mock.snapshot())].join(
      '\n',
    );
    for (const s of secrets) expect(exposed).not.toContain(s);
    // the recorded Authorization keeps only the hint
    expect(mock.requests.all()[0]?.headers.authorization).toBe(`Bearer gt_…${BOOTSTRAP_TOKEN.slice(-4)}`);
  });

  it('are stored as hashes only', () => {
    const mock = createGraphTokenMock();
    const { secret } = mock.store.createToken({ scopes: ['manage'] });
    const snapshot = mock.snapshot();
    expect(JSON.stringify(snapshot)).not.toContain(secret);
    expect(snapshot.tokens.every((t) => /^sha256:[0-9a-f]{64}$/.test(t.secretHash))).toBe(true);
  });
});
