import { expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, seedIds } from '../index.js';
import { useGraphTokenMock } from './index.js';

const mock = useGraphTokenMock({ now: '2026-01-01T00:00:00Z' });
const auth = { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` };

it('answers fetch through msw in a test file with one line of setup', async () => {
  const res = await fetch(`${mock.baseUrl}/v1/tokens`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'ci', scopes: ['read'], graphIds: [seedIds.graphs.research] }),
  });
  expect(res.status).toBe(201);
  expect(mock.store.listTokens()).toHaveLength(2);
  expect(mock.requests.count({ operationId: 'createToken' })).toBe(1);
});

it('starts every test from the seed again (reset after each test)', async () => {
  expect(mock.store.listTokens()).toHaveLength(1);
  expect(mock.requests.count()).toBe(0);
  const res = await fetch(`${mock.baseUrl}/v1/graphs`, { headers: auth });
  expect((await res.json()).data).toHaveLength(3);
});

it('answers an unknown API path with a loud 404 naming it', async () => {
  const res = await fetch(`${mock.baseUrl}/v2/tokens`, { headers: auth });
  expect(res.status).toBe(404);
  expect((await res.json()).detail).toContain('no operation GET /v2/tokens');
});

it('answers a doubled /v1 prefix (a base URL that ends in /v1) with a 404 that says so', async () => {
  const res = await fetch(`${mock.baseUrl}/v1/v1/tokens/self`, { headers: auth });
  expect(res.status).toBe(404);
  const problem = await res.json();
  expect(problem.code).toBe('not_found');
  expect(problem.detail).toContain('starts with /v1 twice');
  expect(problem.detail).toContain('drop /v1 from baseUrl');
});

it('exposes the msw server for extra handlers', () => {
  expect(mock.server.listHandlers().length).toBe(mock.handlers.length);
});
