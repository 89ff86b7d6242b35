/**
 * Path filters (a fault's `path`, the recorded-requests `path`) take `{name}` only as a whole
 * segment, so the pattern built from one matches in time linear in the path: `/{}{}{}…/x` (which
 * backtracked for seconds) is refused with a clear message, in process and over HTTP (422).
 */
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { startGraphTokenMockServer } from '../http/start-server.js';
import { createGraphTokenMock } from '../mock.js';
import { pathPattern, pathTemplateProblem } from './path-pattern.js';

const BACKTRACKING = `/${'{}'.repeat(40)}/x`;
const REFUSED = [
  BACKTRACKING,
  '/v1/{}',
  '/v1/{a}{b}',
  '/v1/tokens{id}',
  '/v1/x{id}y',
  '/v1/{id',
  '/v1/id}',
  '/v1/{a-b}',
  `/v1/${'{a}'.repeat(30)}`,
  'v1/tokens',
];

describe('pathPattern', () => {
  it('matches a template whose {name} is a whole segment, one segment each', () => {
    const pattern = pathPattern('/v1/graphs/{graphId}/blocks');
    expect(pattern.test('/v1/graphs/gr_1/blocks')).toBe(true);
    expect(pattern.test('/v1/graphs/a/b/blocks')).toBe(false);
    expect(pattern.test('/v1/graphs//blocks')).toBe(false);
    expect(pathPattern('/v1/tokens').test('/v1/tokens')).toBe(true);
    expect(pathPattern('/v1/a.b').test('/v1/aXb')).toBe(false);
    expect(pathPattern('/v1/{x}/{y}').test('/v1/1/2')).toBe(true);
  });

  it.each(REFUSED)('refuses %s with a message that says what to write', (template) => {
    expect(pathTemplateProblem(template)).toMatch(/e\.g\. \/v1\/graphs\/\{graphId\}\/blocks/);
    expect(() => pathPattern(template)).toThrow(TypeError);
    expect(() => pathPattern(template)).toThrow(/^path /);
  });
});

describe('in process', () => {
  it('faults.add refuses such a path (TypeError naming path)', () => {
    const mock = createGraphTokenMock();
    expect(() => mock.faults.add({ path: BACKTRACKING, status: 503 })).toThrow(/path.*whole segment/);
    expect(mock.faults.list()).toEqual([]);
  });

  it('requests.filter refuses such a path (with requests recorded)', async () => {
    await using server = await startGraphTokenMockServer({ port: 0 });
    await fetch(`${server.url}/${'a'.repeat(30)}/y`);
    expect(server.mock.requests.all().length).toBeGreaterThan(0);
    expect(() => server.mock.requests.filter({ path: BACKTRACKING })).toThrow(/whole segment/);
  });

  it('requests.filter and requests.count refuse such a path at once, with nothing recorded', () => {
    const mock = createGraphTokenMock();
    expect(mock.requests.all()).toEqual([]);
    expect(() => mock.requests.filter({ path: BACKTRACKING })).toThrow(/whole segment/);
    expect(() => mock.requests.count({ path: BACKTRACKING })).toThrow(/whole segment/);
  });
});

describe('over HTTP', () => {
  it.each(REFUSED.filter((t) => t.startsWith('/')))(
    'GET /__mock/requests?path=%s and POST /__mock/faults: 422 on path',
    async (template) => {
      await using server = await startGraphTokenMockServer({ port: 0 });
      await fetch(`${server.url}/v1/tokens/self`, {
        headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      });
      const filter = await fetch(`${server.url}/__mock/requests?path=${encodeURIComponent(template)}`);
      expect(filter.status).toBe(422);
      const problem = await filter.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors).toEqual([{ field: 'path', message: expect.stringMatching(/whole segment/) }]);
      const fault = await fetch(`${server.url}/__mock/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ path: template, status: 503 }),
      });
      expect(fault.status).toBe(422);
      expect((await fault.json()).errors).toEqual([
        { field: 'path', message: expect.stringMatching(/whole segment/) },
      ]);
      expect(server.mock.faults.list()).toEqual([]);
    },
  );

  it('a whole-segment template still filters and faults', async () => {
    await using server = await startGraphTokenMockServer({ port: 0 });
    await fetch(`${server.url}/v1/graphs/gr_research/blocks`, {
      headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    });
    const filter = await fetch(
      `${server.url}/__mock/requests?path=${encodeURIComponent('/v1/graphs/{graphId}/blocks')}`,
    );
    expect(filter.status).toBe(200);
    expect((await filter.json()).data).toHaveLength(1);
    const fault = await fetch(`${server.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/v1/graphs/{graphId}/blocks', status: 503 }),
    });
    expect(fault.status).toBe(201);
  });
});
