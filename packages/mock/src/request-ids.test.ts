/**
 * Request ids (`X-Request-Id`, a problem's `requestId`, the log, the journal) name one request:
 * never repeated after `reset()`, and different in every mock and process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiClient } from './contract-testing/api.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from './index.js';

const spec = readFileSync(new URL('../../../spec/openapi.yaml', import.meta.url), 'utf8');
const specPatterns = [...spec.matchAll(/pattern: '(\^req_[^']+)'/g)].map((m) => new RegExp(m[1]!));

async function ids(mock: ReturnType<typeof createGraphTokenMock>, n: number): Promise<string[]> {
  const call = apiClient(mock);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const answer = await call('GET', i % 2 ? '/v1/tokens/self' : '/v1/nowhere', { token: BOOTSTRAP_TOKEN });
    out.push(answer.headers.get('x-request-id')!);
    if (i % 2 === 0) expect(answer.body.requestId).toBe(out.at(-1));
  }
  return out;
}

describe('request ids', () => {
  it('match the spec pattern', async () => {
    expect(specPatterns.length).toBeGreaterThan(0);
    for (const id of await ids(createGraphTokenMock(), 4)) {
      for (const pattern of specPatterns) expect(id).toMatch(pattern);
    }
  });

  it('are not repeated after reset()', async () => {
    const mock = createGraphTokenMock();
    const before = await ids(mock, 5);
    mock.reset();
    const after = await ids(mock, 5);
    expect(new Set([...before, ...after]).size).toBe(10);
    expect(mock.requests.all().map((r) => r.requestId)).toEqual(after);
  });

  it('differ between two mocks (as between two server processes)', async () => {
    const a = await ids(createGraphTokenMock(), 5);
    const b = await ids(createGraphTokenMock(), 5);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });
});
