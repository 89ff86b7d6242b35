/**
 * The standalone server's admin surface: /v1 open to every origin, the admin endpoints only to the
 * allowed ones, no answer for a foreign `Host` (DNS rebinding), an admin token when configured and
 * required beyond loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { rawRequest } from '../contract-testing/raw-http.js';
import { isLoopback } from './access-policy.js';
import { type GraphTokenMockServer, MockServerError, startGraphTokenMockServer } from './start-server.js';

const EVIL = 'https://evil.example';

describe('the default server (loopback, no options)', () => {
  let server: GraphTokenMockServer;
  beforeAll(async () => {
    server = await startGraphTokenMockServer({ port: 0 });
  });
  afterAll(() => server.close());

  it('answers /v1 to a page on any origin, preflight included', async () => {
    const preflight = await fetch(`${server.url}/v1/tokens/self`, {
      method: 'OPTIONS',
      headers: {
        Origin: EVIL,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const self = await fetch(`${server.url}/v1/tokens/self`, {
      headers: { Origin: EVIL, Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    });
    expect(self.status).toBe(200);
    expect(self.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    { method: 'GET', path: '/__mock/state' },
    { method: 'POST', path: '/__mock/reset' },
    { method: 'POST', path: '/__mock/clock', body: '{"advance":{"days":400}}' },
    { method: 'DELETE', path: '/__mock/requests' },
  ])(
    'refuses $method $path from another origin: 403, no CORS, nothing done',
    async ({ method, path, body }) => {
      const created = server.mock.store.createToken({ scopes: ['read'], graphIds: ['gr_research'] });
      const now = server.mock.clock.now().getTime();
      const response = await fetch(server.url + path, {
        method,
        headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
        ...(body !== undefined && { body }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('x-request-id')).toMatch(/^req_/);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const text = await response.text();
      expect(text).toContain('--cors-origin');
      expect(text).not.toContain('acc_ada');
      expect(server.mock.store.getToken(created.token.id)).toBeDefined();
      expect(server.mock.clock.now().getTime() - now).toBeLessThan(60_000);
    },
  );

  it('refuses the preflight of an admin endpoint from another origin', async () => {
    const preflight = await fetch(`${server.url}/__mock/reset`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers admin requests without an Origin (curl) and from its own origin', async () => {
    expect((await fetch(`${server.url}/__mock/clock`)).status).toBe(200);
    const own = await fetch(`${server.url}/__mock/clock`, { headers: { Origin: server.url } });
    expect(own.status).toBe(200);
  });

  it.each([
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1.evil.example:PORT',
    '127.0.0.1:1',
    'localhost:1',
    '[::2]:PORT',
    'a b',
  ])('refuses Host %s (DNS rebinding) on /v1 and admin alike', async (value) => {
    const hostHeader = value.replace('PORT', String(server.port));
    for (const path of ['/v1/tokens/self', '/__mock/state']) {
      const answer = await rawRequest(
        server.port,
        `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.answered).toBe(true);
      expect([400]).toContain(answer.status);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.headers['x-request-id']).toMatch(/^req_/);
      expect(answer.body).not.toContain('acc_ada');
    }
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])(
    'accepts Host %s',
    async (value) => {
      const answer = await rawRequest(
        server.port,
        `GET /__mock/clock HTTP/1.1\r\nHost: ${value.replace('PORT', String(server.port))}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status).toBe(200);
    },
  );

  it('has its admin endpoints on', () => {
    expect(server.adminDisabledReason).toBeUndefined();
  });
});

describe('options', () => {
  it('--cors-origin lets that origin call the admin endpoints, and only that one', async () => {
    const app = 'http://localhost:5173';
    await using server = await startGraphTokenMockServer({ port: 0, corsOrigins: [app] });
    const preflight = await fetch(`${server.url}/__mock/faults`, {
      method: 'OPTIONS',
      headers: {
        Origin: app,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(app);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(preflight.headers.get('x-request-id')).toMatch(/^req_/);
    const state = await fetch(`${server.url}/__mock/state`, { headers: { Origin: app } });
    expect(state.status).toBe(200);
    expect(state.headers.get('access-control-allow-origin')).toBe(app);
    expect(state.headers.get('vary')).toContain('Origin');
    expect((await fetch(`${server.url}/__mock/state`, { headers: { Origin: EVIL } })).status).toBe(403);
  });

  it('--allowed-host accepts that Host name', async () => {
    await using server = await startGraphTokenMockServer({ port: 0, allowedHosts: ['mock.internal'] });
    const answer = await rawRequest(
      server.port,
      `GET /__mock/clock HTTP/1.1\r\nHost: mock.internal:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
  });

  it('--admin-token: the admin endpoints need it, /v1 does not, and it is never echoed or logged', async () => {
    const adminToken = 'a-local-admin-secret-0123456789';
    const lines: string[] = [];
    await using server = await startGraphTokenMockServer({ port: 0, adminToken, log: (l) => lines.push(l) });
    const none = await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    expect(none.status).toBe(401);
    expect((await none.json()).code).toBe('missing_token');
    const wrong = await fetch(`${server.url}/__mock/reset`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}x` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(adminToken);
    const right = await fetch(`${server.url}/__mock/reset`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(right.status).toBe(204);
    const api = await fetch(`${server.url}/v1/tokens/self`, {
      headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    });
    expect(api.status).toBe(200);
    expect(lines.join('\n')).not.toContain(adminToken);
  });

  it('a non-loopback host without an admin token turns the admin endpoints off and says why', async () => {
    await using server = await startGraphTokenMockServer({ port: 0, host: '0.0.0.0' });
    expect(server.adminDisabledReason).toMatch(/--admin-token/);
    const answer = await rawRequest(
      server.port,
      `POST /__mock/reset HTTP/1.1\r\nHost: 0.0.0.0:${server.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('--admin-token');
    const api = await rawRequest(
      server.port,
      `GET /v1/tokens/self HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(api.status).toBe(200);
  });

  it('a non-loopback host with an admin token serves the admin endpoints to it', async () => {
    const adminToken = 'another-admin-secret-abcdef';
    await using server = await startGraphTokenMockServer({ port: 0, host: '0.0.0.0', adminToken });
    expect(server.adminDisabledReason).toBeUndefined();
    const answer = await rawRequest(
      server.port,
      `GET /__mock/clock HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${adminToken}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    { options: { adminToken: 'short' }, want: /16 to 256/ },
    { options: { adminToken: 'has a space in it, too long' }, want: /no spaces/ },
    { options: { corsOrigins: ['localhost:5173'] }, want: /scheme:\/\/host/ },
  ])('refuses bad options: $options', async ({ options, want }) => {
    await expect(startGraphTokenMockServer({ port: 0, ...options })).rejects.toThrow(MockServerError);
    await expect(startGraphTokenMockServer({ port: 0, ...options })).rejects.toThrow(want);
  });
});

describe('isLoopback', () => {
  it.each([
    { given: '127.0.0.1', want: true },
    { given: '127.1.2.3', want: true },
    { given: '::1', want: true },
    { given: '[::1]', want: true },
    { given: 'localhost', want: true },
    { given: '0.0.0.0', want: false },
    { given: '::', want: false },
    { given: '192.168.1.10', want: false },
    { given: 'example.com', want: false },
  ])('$given → $want', ({ given, want }) => {
    expect(isLoopback(given)).toBe(want);
  });
});
