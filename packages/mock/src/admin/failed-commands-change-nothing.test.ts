/**
 * An admin command that fails changes nothing: the clock, the state, the faults and the settings
 * are as before, later requests work, and with a state file nothing bad is persisted. The kind of
 * fault: a command that changed the mock before it was fully validated.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, DEFAULT_BASE_URL } from '../constants.js';
import { startGraphTokenMockServer } from '../http/start-server.js';
import { createGraphTokenMock, type GraphTokenMock } from '../mock.js';
import { createAdminHandlers } from './create-admin-handlers.js';

const dir = mkdtempSync(join(tmpdir(), 'graphtoken-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Clock commands that must be refused (422), whatever the clock's current time. */
const BAD_CLOCK_COMMANDS: unknown[] = [
  { advance: { days: 100_000_000 } },
  { advance: { days: 1e300 } },
  { advance: 1e300 },
  { advance: 8.64e15 },
  { advance: -1 },
  { advance: { hours: -1 } },
  { advance: { days: 1, minutes: 'NaN' } },
  { advance: 'NaN' },
  { advance: null },
  { advance: {} },
  { advance: { weeks: 1 } },
  { set: '0000-01-01T00:00:00Z' },
  { set: '10000-01-01T00:00:00Z' },
  { set: '+275760-09-13T00:00:00Z' },
  { set: 'NaN' },
  { set: 1e300 },
  { advance: 1, set: '2030-01-01T00:00:00Z' },
];

function observable(mock: GraphTokenMock) {
  return {
    now: mock.clock.now().toISOString(),
    state: JSON.stringify(mock.snapshot()),
    faults: mock.faults.list(),
    latencyMs: mock.latencyMs,
    rateLimit: mock.rateLimit,
  };
}

async function introspect(handlers: Parameters<typeof getResponse>[0]) {
  const response = await getResponse(
    handlers,
    new Request(`${DEFAULT_BASE_URL}/v1/tokens/self`, {
      headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    }),
  );
  return response!;
}

describe('a failed admin command changes nothing', () => {
  it.each(BAD_CLOCK_COMMANDS.map((body) => ({ body })))(
    'POST /__mock/clock $body → 422',
    async ({ body }) => {
      const mock = createGraphTokenMock({ now: '9999-06-01T00:00:00Z', freezeClock: true });
      const handlers = [...createAdminHandlers(mock), ...mock.handlers];
      const before = observable(mock);
      const response = await getResponse(
        handlers,
        new Request(`${DEFAULT_BASE_URL}/__mock/clock`, { method: 'POST', body: JSON.stringify(body) }),
      );
      expect(response?.status).toBe(422);
      expect(response?.headers.get('content-type')).toBe('application/problem+json');
      expect(observable(mock)).toEqual(before);
      expect((await introspect(handlers)).status).toBe(200);
    },
  );

  it('in process too: clock.advance and clock.set throw a RangeError and leave the clock as it was', () => {
    const mock = createGraphTokenMock({ now: '2030-01-01T00:00:00Z', freezeClock: true });
    const now = mock.clock.now().toISOString();
    for (const by of [{ days: 100_000_000 }, 1e300, -1, Number.NaN, { days: Number.NaN }, { hours: -2 }]) {
      expect(() => mock.clock.advance(by as never)).toThrow(RangeError);
    }
    for (const at of ['10000-01-01T00:00:00Z', new Date(Number.NaN), new Date(8.64e15), 'soon']) {
      expect(() => mock.clock.set(at)).toThrow(RangeError);
    }
    expect(mock.clock.now().toISOString()).toBe(now);
    mock.clock.advance({ days: 1 });
    expect(mock.clock.now().toISOString()).toBe('2030-01-02T00:00:00.000Z');
  });

  it('in process: invalid latencyMs, rateLimit, fault rules, blocks and snapshots change nothing', () => {
    const mock = createGraphTokenMock({ now: '2030-01-01T00:00:00Z', freezeClock: true });
    const before = observable(mock);
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      expect(() => {
        mock.latencyMs = ms;
      }).toThrow(RangeError);
    }
    for (const limit of [
      { limit: -1, windowSeconds: 1 },
      { limit: 1.5, windowSeconds: 1 },
      { limit: 1, windowSeconds: Number.NaN },
      null,
    ]) {
      expect(() => {
        mock.rateLimit = limit as never;
      }).toThrow(RangeError);
    }
    expect(() => mock.faults.add({ status: 9000 })).toThrow(TypeError);
    expect(() => mock.store.addBlocks(mock.seed.graphs.research, ['ok', ''])).toThrow();
    const broken = { ...mock.snapshot(), clock: { offsetMs: 1e300, frozenAt: null } };
    expect(() => mock.restore(broken)).toThrow();
    const noAccounts = { ...mock.snapshot(), accounts: 7 };
    expect(() => mock.restore(noAccounts as never)).toThrow();
    expect(observable(mock)).toEqual(before);
  });

  it('over HTTP with --state-file: the state file, later requests and a restart are unaffected', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startGraphTokenMockServer({ port: 0, stateFile, now: '2030-01-01T00:00:00Z' });
    try {
      const saved = readFileSync(stateFile, 'utf8');
      for (const body of BAD_CLOCK_COMMANDS) {
        const response = await fetch(`${first.url}/__mock/clock`, {
          method: 'POST',
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(422);
      }
      await new Promise((resolve) => setTimeout(resolve, 20)); // a scheduled write would have happened
      expect(readFileSync(stateFile, 'utf8')).toBe(saved);
      const self = await fetch(`${first.url}/v1/tokens/self`, {
        headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      });
      expect(self.status).toBe(200);
      expect((await fetch(`${first.url}/__mock/reset`, { method: 'POST' })).status).toBe(204);
    } finally {
      await first.close();
    }
    const second = await startGraphTokenMockServer({ port: 0, stateFile });
    try {
      const clock = await (await fetch(`${second.url}/__mock/clock`)).json();
      expect(Date.parse(clock.now)).toBeLessThan(Date.parse('2031-01-01T00:00:00Z'));
      const self = await fetch(`${second.url}/v1/tokens/self`, {
        headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      });
      expect(self.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
