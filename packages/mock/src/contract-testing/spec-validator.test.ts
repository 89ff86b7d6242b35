import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '../index.js';
import { apiClient } from './api.js';
import { validated } from './setup.js';
import { loadSpecValidator, type ResponseToValidate } from './spec-validator.js';

const validator = loadSpecValidator(new URL('../../../../spec/openapi.yaml', import.meta.url));

const token = {
  id: 'tok_G5KdR5pNKRaVTet6',
  name: 'roam-sync pipeline',
  description: null,
  scopes: ['write'],
  graphIds: ['gr_x2nEgXwpV83v'],
  createdAt: '2025-09-14T08:30:00Z',
  createdBy: 'acc_0DN5EXTAIdpO',
  expiresAt: null,
  lastUsedAt: null,
  status: 'active',
  revokedAt: null,
  rotatedFrom: null,
  rotatedTo: null,
  hint: '4kQz',
};

function response(overrides: Partial<ResponseToValidate> & { json?: unknown }): ResponseToValidate {
  const { json, ...rest } = overrides;
  return {
    operationId: 'getToken',
    method: 'GET',
    path: '/v1/tokens/tok_G5KdR5pNKRaVTet6',
    status: 200,
    headers: new Headers({ 'Content-Type': 'application/json', 'X-Request-Id': 'req_abc' }),
    body: JSON.stringify(json ?? token),
    ...rest,
  };
}

describe('the spec validator', () => {
  it('accepts a response that matches the spec', () => {
    expect(validator.validate(response({}))).toEqual([]);
  });

  it.each([
    { given: 'a missing required property', json: { ...token, hint: undefined }, want: /hint/ },
    { given: 'an unknown property', json: { ...token, secret: 'x' }, want: /additional properties/ },
    { given: 'a wrong enum value', json: { ...token, status: 'paused' }, want: /status/ },
    { given: 'a wrong format', json: { ...token, createdAt: 'yesterday' }, want: /createdAt.*date-time/ },
    { given: 'an id breaking its pattern', json: { ...token, id: 'tok_short' }, want: /id/ },
  ])('catches a wrong body: $given', ({ json, want }) => {
    const problems = validator.validate(response({ json }));
    expect(problems.join('\n')).toMatch(want);
  });

  it('catches an undocumented status', () => {
    expect(validator.validate(response({ status: 418 })).join()).toMatch(/418 is not documented/);
  });

  it('catches a wrong content type', () => {
    const headers = new Headers({ 'Content-Type': 'text/plain', 'X-Request-Id': 'req_abc' });
    expect(validator.validate(response({ headers })).join()).toMatch(/Content-Type text\/plain/);
  });

  it('catches a missing required header', () => {
    const headers = new Headers({ 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req_abc' });
    const body = JSON.stringify({
      type: 'https://docs.graphtoken.dev/errors/missing_token',
      title: 'Missing token',
      status: 401,
      detail: 'No token.',
      code: 'missing_token',
      requestId: 'req_abc',
    });
    expect(validator.validate(response({ status: 401, headers, body })).join()).toMatch(
      /required header WWW-Authenticate is missing/,
    );
  });

  it('catches a secret in a body that must not hold one', () => {
    const json = { ...token, description: `oops ${BOOTSTRAP_TOKEN}` };
    expect(validator.validate(response({ json })).join()).toMatch(/contains a secret/);
  });

  it('sees the responses the mock produces in this test suite', async () => {
    const before = validated.count;
    await apiClient(createGraphTokenMock())('GET', '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(validated.count).toBeGreaterThan(before);
  });
});
