/**
 * The admin guard and the router see one path: a percent-encoded, double-encoded, mixed-case or
 * absolute-form spelling of an admin path never reaches an admin endpoint around the guard (a
 * foreign Origin, a missing admin token, a server on 0.0.0.0), nor even with the credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENDPOINTS } from '../admin/create-admin-handlers.js';
import { rawRequest } from '../contract-testing/raw-http.js';
import { type GraphTokenMockServer, startGraphTokenMockServer } from './start-server.js';

const EVIL = 'https://evil.example';
const ADMIN_TOKEN = 'encoded-path-admin-secret-0123';

/** Every admin endpoint (`{id}` filled in by the test), and HEAD and OPTIONS on one of them. */
const ENDPOINTS = [...ADMIN_ENDPOINTS, 'HEAD /__mock/state', 'OPTIONS /__mock/state'];

/** Spellings of `/__mock/rest` that a URL router may read as it, none of them the exact raw path. */
function spellings(path: string, port: number): string[] {
  const rest = path.slice('/__mock/'.length);
  const id = /^faults\/(fault_\d+)$/.exec(rest)?.[1];
  const base = [
    `/%5F%5Fmock/${rest}`,
    `/%5f%5fmock/${rest}`,
    `/%5F_mock/${rest}`,
    `/_%5fmock/${rest}`,
    `/__%6Dock/${rest}`,
    `/__mo%63k/${rest}`,
    `/__mock%2F${rest}`,
    `/__mock%2f${rest}`,
    `/%5f%5Fmock%2F${rest}`,
    `/%255F%255Fmock/${rest}`,
    `/__mock%252F${rest}`,
    `/%25%35%46_mock/${rest}`,
    `/__mock/${rest.replace(/^(.)/, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
    `/__mock/${rest.replace(/^(.)/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    `/__MOCK/${rest}`,
    `/__Mock/${rest}`,
    `/__mock/${rest}/`,
    `//__mock/${rest}`,
    ...(id ? [`/__mock/faults/${id.replace('_', '%5F')}`, `/__mock/faults%2F${id}`] : []),
  ];
  return [...base, ...base.slice(0, 8).map((p) => `http://127.0.0.1:${port}${p}`)];
}

interface Case {
  server: GraphTokenMockServer;
  label: string;
  headers: string[];
}

async function send(c: Case, method: string, target: string) {
  const body = method === 'POST' ? (target.includes('clock') ? '{"advance":{"days":400}}' : '{}') : '';
  const faultBody = method === 'POST' && target.includes('faults') ? '{"status":503}' : body;
  return rawRequest(
    c.server.port,
    `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${c.server.port}\r\n${c.headers.map((h) => `${h}\r\n`).join('')}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(faultBody)}\r\nConnection: close\r\n\r\n${faultBody}`,
  );
}

describe('percent-encoded admin paths', () => {
  const servers: GraphTokenMockServer[] = [];
  let loopback: GraphTokenMockServer;
  let withToken: GraphTokenMockServer;
  let anyAddress: GraphTokenMockServer;
  beforeAll(async () => {
    loopback = await startGraphTokenMockServer({ port: 0 });
    withToken = await startGraphTokenMockServer({ port: 0, adminToken: ADMIN_TOKEN });
    anyAddress = await startGraphTokenMockServer({ port: 0, host: '0.0.0.0' });
    servers.push(loopback, withToken, anyAddress);
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  const cases = (): Case[] => [
    { server: loopback, label: 'loopback, no Origin', headers: [] },
    { server: loopback, label: 'loopback, foreign Origin', headers: [`Origin: ${EVIL}`] },
    { server: withToken, label: 'admin token, none sent', headers: [] },
    { server: withToken, label: 'admin token, foreign Origin', headers: [`Origin: ${EVIL}`] },
    {
      server: withToken,
      label: 'admin token sent',
      headers: [`Authorization: Bearer ${ADMIN_TOKEN}`],
    },
    { server: anyAddress, label: '0.0.0.0 (admin off)', headers: [] },
    { server: anyAddress, label: '0.0.0.0, foreign Origin', headers: [`Origin: ${EVIL}`] },
  ];

  it('no spelling of any admin endpoint other than its exact path reaches it', async () => {
    let sent = 0;
    for (const c of cases()) {
      const { mock } = c.server;
      mock.reset();
      mock.requests.clear();
      const faultId = mock.faults.add({ operationId: 'listTokens', status: 503, times: 1000 });
      const token = mock.store.createToken({ scopes: ['read'], graphIds: ['gr_research'] });
      await fetch(`${c.server.url}/v1/tokens/self`); // one recorded request
      const recorded = mock.requests.all().length;
      const now = mock.clock.now().getTime();
      const faults = JSON.stringify(mock.faults.list());
      for (const endpoint of ENDPOINTS) {
        const [method, template] = endpoint.split(' ') as [string, string];
        const path = template.replace('{id}', faultId);
        for (const target of spellings(path, c.server.port)) {
          const answer = await send(c, method, target);
          sent++;
          const where = `${c.label}: ${method} ${target} → ${answer.status} ${answer.body.slice(0, 120)}`;
          if (method === 'OPTIONS' && answer.status === 204) {
            // A preflight (the open /v1 one, or the guarded admin one of `/__mock/state/`): no body,
            // and never the foreign origin allowed.
            expect(answer.headers['access-control-allow-origin'], where).not.toBe(EVIL);
            expect(answer.body, where).toBe('');
            continue;
          }
          expect([401, 403, 404], where).toContain(answer.status);
          expect(answer.headers['content-type'], where).toBe('application/problem+json');
          expect(answer.headers['x-request-id'], where).toMatch(/^req_/);
          expect(answer.headers['access-control-allow-origin'], where).not.toBe(EVIL);
          expect(answer.body, where).not.toContain('acc_');
          expect(answer.body, where).not.toContain('"now"');
        }
      }
      // Nothing was done: the clock, the faults, the tokens and the recorded requests are as they were.
      expect(mock.clock.now().getTime() - now, c.label).toBeLessThan(60_000);
      expect(JSON.stringify(mock.faults.list()), c.label).toBe(faults);
      expect(mock.store.getToken(token.token.id), c.label).toBeDefined();
      expect(mock.requests.all().length, c.label).toBeGreaterThanOrEqual(recorded);
    }
    expect(sent).toBeGreaterThan(1000);
  }, 60_000);

  it('the exact paths still answer (own origin, with the admin token where set)', async () => {
    const clock = await rawRequest(
      withToken.port,
      `GET /__mock/clock HTTP/1.1\r\nHost: 127.0.0.1:${withToken.port}\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(clock.status).toBe(200);
    const absolute = await rawRequest(
      loopback.port,
      `GET http://127.0.0.1:${loopback.port}/__mock/clock HTTP/1.1\r\nHost: 127.0.0.1:${loopback.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolute.status).toBe(200);
    loopback.mock.faults.clear();
    const id = loopback.mock.faults.add({ operationId: 'listTokens', status: 503, times: 1 });
    const removed = await fetch(`${loopback.url}/__mock/faults/${id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(loopback.mock.faults.list()).toEqual([]);
  });

  it('an encoded unreserved character or slash in a /v1 path is a 404 too, before any handler', async () => {
    for (const target of [
      '/v1/tokens/%73elf',
      '/v1%2Ftokens/self',
      '/%761/tokens/self',
      '/v1/tokens/self%252F',
    ]) {
      const answer = await rawRequest(
        loopback.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${loopback.port}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status, target).toBe(404);
      expect(JSON.parse(answer.body).code, target).toBe('not_found');
    }
  });
});
