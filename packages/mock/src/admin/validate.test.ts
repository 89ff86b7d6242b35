import { describe, expect, it } from 'vitest';
import { validateClockCommand, validateFaultRule, validateRequestsQuery } from './validate.js';

describe('validateFaultRule', () => {
  it.each([
    { given: { operationId: 'listTokens', status: 503 } },
    { given: { method: 'post', path: '/v1/graphs/{graphId}/blocks', drop: true, times: 1 } },
    { given: { latencyMs: 200 } },
    { given: { operationId: 'getGraph', retryAfter: 2 } },
    { given: { operationId: 'getGraph', code: 'internal_error', detail: 'boom' } },
  ])('accepts $given', ({ given }) => {
    expect(validateFaultRule(given).ok).toBe(true);
  });

  it('upper-cases the method', () => {
    expect(validateFaultRule({ method: 'post', drop: true })).toEqual({
      ok: true,
      value: { method: 'POST', drop: true },
    });
  });

  it.each([
    { given: [], field: 'body' },
    { given: null, field: 'body' },
    { given: { operationId: 'listTokens' }, field: 'body' },
    { given: { drop: false }, field: 'body' },
    { given: { operationId: 'nope', status: 500 }, field: 'operationId' },
    { given: { status: 200 }, field: 'status' },
    { given: { status: 500.5 }, field: 'status' },
    { given: { code: 'teapot' }, field: 'code' },
    { given: { method: 'FETCH', drop: true }, field: 'method' },
    { given: { path: 'v1/tokens', drop: true }, field: 'path' },
    { given: { times: 0, drop: true }, field: 'times' },
    { given: { latencyMs: -1 }, field: 'latencyMs' },
    { given: { drop: 'yes' }, field: 'drop' },
    { given: { retryAfter: 0 }, field: 'retryAfter' },
    { given: { detail: '', status: 500 }, field: 'detail' },
    { given: { status: 500, color: 'red' }, field: 'color' },
  ])('rejects $given naming $field', ({ given, field }) => {
    const result = validateFaultRule(given);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });
});

describe('validateClockCommand', () => {
  it.each([
    { given: { advance: 60_000 }, want: { advance: 60_000 } },
    { given: { advance: { days: 1, hours: 2 } }, want: { advance: { days: 1, hours: 2 } } },
    { given: { set: '2030-01-01T00:00:00Z' }, want: { set: '2030-01-01T00:00:00Z' } },
  ])('accepts $given', ({ given, want }) => {
    expect(validateClockCommand(given)).toEqual({ ok: true, value: want });
  });

  it.each([
    { given: {}, field: 'body' },
    { given: { advance: 1, set: '2030-01-01T00:00:00Z' }, field: 'body' },
    { given: { advance: -1 }, field: 'advance' },
    { given: { advance: 'PT1H' }, field: 'advance' },
    { given: { advance: {} }, field: 'advance' },
    { given: { advance: { weeks: 1 } }, field: 'advance.weeks' },
    { given: { advance: { days: -1 } }, field: 'advance.days' },
    { given: { set: 'tomorrow' }, field: 'set' },
    { given: { set: '2030-01-01' }, field: 'set' },
    // RFC 3339 needs a time zone; without one the instant would depend on the machine.
    { given: { set: '2030-01-01T00:00:00' }, field: 'set' },
    { given: { set: '2030-02-30T00:00:00Z' }, field: 'set' },
    { given: { advance: 1, speed: 2 }, field: 'speed' },
  ])('rejects $given naming $field', ({ given, field }) => {
    const result = validateClockCommand(given);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });
});

describe('validateRequestsQuery', () => {
  it('reads the filters', () => {
    const query = new URLSearchParams('operationId=listTokens&method=get&path=/v1/tokens&status=200');
    expect(validateRequestsQuery(query)).toEqual({
      ok: true,
      value: { operationId: 'listTokens', method: 'GET', path: '/v1/tokens', status: 200 },
    });
  });

  it.each([
    { given: 'status=abc', field: 'status' },
    { given: 'operationId=nope', field: 'operationId' },
    { given: 'limit=3', field: 'limit' },
  ])('rejects $given', ({ given, field }) => {
    const result = validateRequestsQuery(new URLSearchParams(given));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe(field);
  });
});
