import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, DEFAULT_BASE_URL } from '../constants.js';
import { createGraphTokenMock } from '../mock.js';
import { createAdminHandlers } from './create-admin-handlers.js';

// The admin handlers are plain msw handlers: any msw host serves them, no HTTP server needed.
function setup() {
  const mock = createGraphTokenMock({ now: '2030-01-01T00:00:00Z', freezeClock: true });
  const handlers = [...createAdminHandlers(mock), ...mock.handlers];
  const send = async (path: string, init?: RequestInit) => {
    const response = await getResponse(handlers, new Request(`${DEFAULT_BASE_URL}${path}`, init));
    if (!response) throw new Error(`no handler answered ${path}`);
    return response;
  };
  return { mock, send };
}

describe('createAdminHandlers', () => {
  it('answers under the mock base URL, apart from /v1', async () => {
    const { mock, send } = setup();
    const response = await send('/__mock/clock', {
      method: 'POST',
      body: JSON.stringify({ advance: { days: 2 } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ now: '2030-01-03T00:00:00.000Z' });
    expect(mock.clock.now().toISOString()).toBe('2030-01-03T00:00:00.000Z');
    expect(mock.requests.all()).toEqual([]);
  });

  it('drives the mock: a fault added over HTTP fails the next API call', async () => {
    const { send } = setup();
    const added = await send('/__mock/faults', {
      method: 'POST',
      body: JSON.stringify({ operationId: 'introspectToken', status: 503, times: 1 }),
    });
    expect(added.status).toBe(201);
    const headers = { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` };
    expect((await send('/v1/tokens/self', { headers })).status).toBe(503);
    expect((await send('/v1/tokens/self', { headers })).status).toBe(200);
  });

  it('answers a bad body with a problem naming each field', async () => {
    const { send } = setup();
    const response = await send('/__mock/faults', {
      method: 'POST',
      body: JSON.stringify({ status: 99, colour: 1 }),
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({
      type: 'https://docs.graphtoken.dev/errors/validation_failed',
      title: 'Validation failed',
      status: 422,
      code: 'validation_failed',
      requestId: response.headers.get('x-request-id'),
      errors: [
        { field: 'colour', message: expect.stringContaining('unknown property') },
        { field: 'status', message: expect.stringContaining('400 to 599') },
      ],
    });
  });
});
