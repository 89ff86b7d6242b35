/**
 * The same hostile input, answered by the mock's handlers in process (msw's `getResponse`, as
 * `setupServer` and the service worker use them): no stack overflow, no router exception, 405 and
 * HEAD from the operations table.
 */
import { describe, expect, it } from 'vitest';
import { createAdminHandlers } from '../admin/create-admin-handlers.js';
import { apiClient } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('in process', () => {
  const mock = createGraphTokenMock();
  const call = apiClient(mock);

  it.each([
    { token: undefined, what: 'without a token' },
    { token: BOOTSTRAP_TOKEN, what: 'with a token' },
  ])('refuses JSON nested 100,000 levels deep with 413, $what, and records it as text', async ({ token }) => {
    const res = await call('POST', '/v1/tokens', { rawBody: deep(100_000), ...(token && { token }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('request_too_large');
    expect(typeof mock.requests.last()?.body).toBe('string');
  });

  it('answers a URL longer than the router takes with 414', async () => {
    const res = await call('GET', `/v1/graphs/${'g'.repeat(10_000)}`, { token: BOOTSTRAP_TOKEN });
    expect(res.status).toBe(414);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers 405 with Allow for another method on a known path, and HEAD like GET', async () => {
    const put = await call('PUT', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(put.headers.get('www-authenticate')).toBeNull();
    const head = await call('HEAD', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers a preflight with X-Request-Id and the headers asked for', async () => {
    const res = await call('OPTIONS', '/v1/graphs', {
      headers: { 'Access-Control-Request-Headers': 'x-app-trace, authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('access-control-allow-headers')).toBe('x-app-trace, authorization');
  });

  it('admin handlers: deep JSON 422 and a long URL 414, nothing changed', async () => {
    const withAdmin = { ...mock, handlers: [...createAdminHandlers(mock), ...mock.handlers] };
    const admin = apiClient(withAdmin);
    const before = mock.clock.now().getTime();
    expect((await admin('POST', '/__mock/clock', { rawBody: `{"advance":${deep(50_000)}}` })).status).toBe(
      422,
    );
    expect((await admin('GET', `/__mock/${'x'.repeat(9000)}`)).status).toBe(414);
    expect(mock.clock.now().getTime() - before).toBeLessThan(60_000);
  });
});
