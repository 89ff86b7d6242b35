/**
 * A query parameter that is not valid percent-encoded UTF-8 is a `422` naming it (outside tester,
 * issue 11), not a search for U+FFFD that `URLSearchParams` would silently make of it.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';

const call = apiClient(createGraphTokenMock({ now: '2026-01-01T00:00:00Z', freezeClock: true }));
const get = (path: string) => call('GET', path, { token: BOOTSTRAP_TOKEN });

describe('query parameter encoding', () => {
  it.each([
    { given: '/v1/tokens?q=%ZZ', field: 'q' },
    { given: '/v1/tokens?q=%ED%A0%80', field: 'q' }, // a lone surrogate, as UTF-8
    { given: '/v1/tokens?q=%E2%82', field: 'q' }, // a truncated UTF-8 sequence
    { given: '/v1/tokens?q=ok&sort=%', field: 'sort' },
    { given: '/v1/audit-events?tokenId=tok_%G0', field: 'tokenId' },
    { given: '/v1/tokens?cursor=%FF', field: 'cursor' },
    { given: '/v1/tokens?%ZZ=1', field: '%ZZ' },
  ])('refuses $given with 422 naming $field, without echoing the value', async ({ given, field }) => {
    const res = await get(given);
    expect(res.status, res.text).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    const error = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(error?.message).toMatch(/percent-encoded UTF-8/);
    expect(res.text).not.toContain('\uFFFD');
  });

  it.each([
    '/v1/tokens?q=caf%C3%A9',
    '/v1/tokens?q=a+b',
    '/v1/tokens?q=%F0%9F%94%91', // an emoji: four bytes, one code point
    '/v1/tokens?q=100%25',
    '/v1/tokens?',
  ])('takes well-encoded %s', async (path) => {
    const res = await get(path);
    expect(res.status, res.text).toBe(200);
  });
});
