/**
 * Every `format: date-time` query parameter of the spec takes exactly what body fields take (the
 * contract's RFC 3339 check, issue 11 finding 5): an impossible day or hour is a 422 naming the
 * parameter, never a date rolled over into the next day or month.
 */
import { readFileSync } from 'node:fs';
import { operations } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiClient } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';

interface Parameter {
  name: string;
  in: string;
  schema?: { format?: string };
}
const spec = parse(readFileSync(new URL('../../../../spec/openapi.yaml', import.meta.url), 'utf8'));
const components = spec.components.parameters as Record<string, Parameter>;

/** Each operation's date-time query parameters, read from the spec. */
const cases = Object.values(
  spec.paths as Record<string, Record<string, { operationId?: string; parameters?: { $ref?: string }[] }>>,
)
  .flatMap((item) => Object.values(item))
  .flatMap((op) =>
    (op.parameters ?? [])
      .map((p) => components[(p.$ref ?? '').split('/').pop() ?? ''] ?? (p as Parameter))
      .filter((p) => p.in === 'query' && p.schema?.format === 'date-time')
      .map((p) => ({ operationId: op.operationId as keyof typeof operations, name: p.name })),
  );

const refused = [
  '2025-02-30T00:00:00Z', // no 30 February (Date.parse rolls it to 2 March)
  '2025-02-29T00:00:00Z', // 2025 is not a leap year
  '2025-04-31T00:00:00Z',
  '2025-01-01T24:00:00Z', // Date.parse rolls it to the next day
  '2025-01-01T23:59:60Z',
  '2025-01-01T00:00:00', // no time zone
  '2025-01-01',
];
const accepted = ['2024-02-29T00:00:00Z', '2025-01-01T23:59:59.123456789+14:00', '2025-12-31T00:00:00-12:00'];

describe('date-time query parameters', () => {
  it('are found in the spec (the four of listTokens and listAuditEvents at least)', () => {
    expect(cases.map((c) => `${c.operationId} ${c.name}`).sort()).toEqual(
      expect.arrayContaining([
        'listAuditEvents since',
        'listTokens createdBefore',
        'listTokens expiresBefore',
        'listTokens lastUsedBefore',
      ]),
    );
  });

  it.each(cases)(
    '$operationId refuses an impossible $name with 422 naming it, and takes real ones',
    async ({ operationId, name }) => {
      const call = apiClient(createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true }));
      const { path } = operations[operationId];
      for (const value of refused) {
        const res = await call('GET', `${path}?${name}=${encodeURIComponent(value)}`, {
          token: BOOTSTRAP_TOKEN,
        });
        expect(res.status, value).toBe(422);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([name]);
      }
      for (const value of accepted) {
        const res = await call('GET', `${path}?${name}=${encodeURIComponent(value)}`, {
          token: BOOTSTRAP_TOKEN,
        });
        expect(res.status, `${value}: ${res.text}`).toBe(200);
      }
    },
  );
});
