/**
 * Secrets written in another encoding (percent-encoded anywhere in a request, JSON-escaped in a
 * body, in a header name) are scrubbed like literal ones from everything the mock says or records;
 * a secret given as a token's name or description is refused, never stored.
 */
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAdminHandlers } from './admin/create-admin-handlers.js';
import { apiClient } from './contract-testing/api.js';
import { formatLogLine } from './http/request-log.js';
import { BOOTSTRAP_TOKEN, createGraphTokenMock, DEFAULT_BASE_URL, seedIds } from './index.js';

const admin = { token: BOOTSTRAP_TOKEN };
const pct = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

/** Whether a text gives the secret back to a reader that decodes (percent, JSON escapes) or lower-cases it. */
function leaks(text: string, secret: string): boolean {
  const decoded = text
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return decoded.toLowerCase().includes(secret.slice(3).toLowerCase());
}

async function setup() {
  const mock = createGraphTokenMock();
  const call = apiClient(mock);
  const created = await call('POST', '/v1/tokens', {
    ...admin,
    json: { name: 'ci', scopes: ['read'], graphIds: [seedIds.graphs.research] },
  });
  return { mock, call, secret: created.body.secret as string, tokenId: created.body.token.id as string };
}

describe('secrets in other encodings', () => {
  it('are scrubbed from problem details and recorded requests (path, url, headers, body)', async () => {
    const { mock, call, secret } = await setup();
    const half = `gt%5F${secret.slice(3)}`;
    const spellings = [half, pct(secret), `gt%5f${secret.slice(3)}`];
    mock.requests.clear();
    const answers = [];
    for (const s of spellings) {
      answers.push(await call('GET', `/v1/tokens/${s}`, admin));
      answers.push(await call('GET', `/${s}`, admin));
      answers.push(await call('GET', `/v1/graphs/${s}/blocks`, admin));
      answers.push(await call('GET', `/v1/tokens?q=${s}`, { ...admin, headers: { 'X-Note': s } }));
    }
    answers.push(
      await call('POST', '/v1/tokens', {
        ...admin,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        rawBody: `name=ci&note=${half}`,
      }),
      await call('POST', '/v1/tokens', { ...admin, rawBody: `{"name":"gt\\u005f${secret.slice(3)}" oops` }),
      await call('POST', '/v1/tokens', {
        ...admin,
        rawBody: `{"name":"x","note":"gt\\u005f${secret.slice(3)}"}`,
      }),
      await call('GET', '/v1/tokens/self', { ...admin, headers: { [`X-${secret}`]: '1' } }),
    );
    expect(answers.some((a) => a.status === 404)).toBe(true);
    for (const a of answers) expect(leaks(a.text, secret), a.text).toBe(false);
    const recorded = mock.requests.all();
    expect(recorded).toHaveLength(answers.length);
    for (const r of recorded) expect(leaks(JSON.stringify(r), secret), JSON.stringify(r)).toBe(false);
    // The hint still tells which token it was.
    expect(recorded[0]?.path).toContain(`gt_…${secret.slice(-4)}`);
  });

  it('are scrubbed from the request log line', async () => {
    const { secret } = await setup();
    for (const target of [`/v1/tokens/gt%5F${secret.slice(3)}`, `/v1/${pct(secret)}?x=1`]) {
      const line = formatLogLine({
        method: 'GET',
        target,
        status: 404,
        durationMs: 1,
        authorization: undefined,
        requestId: 'req_1',
      });
      expect(leaks(line, secret), line).toBe(false);
      expect(line).toContain(`gt_…${secret.slice(-4)}`);
    }
  });

  it('in a fault detail are scrubbed in the 201 of POST /__mock/faults, GET /__mock/faults and mock.faults.list()', async () => {
    const { mock, secret } = await setup();
    const handlers = [...createAdminHandlers(mock), ...mock.handlers];
    const send = async (path: string, init?: RequestInit) =>
      (await getResponse(handlers, new Request(`${DEFAULT_BASE_URL}${path}`, init)))!.text();
    for (const detail of [`pasted: ${secret}`, `pasted: gt%5F${secret.slice(3)}`]) {
      const created = await send('/__mock/faults', {
        method: 'POST',
        body: JSON.stringify({ operationId: 'introspectToken', status: 503, detail }),
      });
      expect(leaks(created, secret), created).toBe(false);
      expect(created).toContain(`gt_…${secret.slice(-4)}`);
    }
    mock.faults.add({ operationId: 'listTokens', status: 503, detail: secret });
    const listed = await send('/__mock/faults');
    expect(leaks(listed, secret), listed).toBe(false);
    expect(leaks(JSON.stringify(mock.faults.list()), secret)).toBe(false);
  });
});

describe('a secret as a token name or description', () => {
  it('is refused with 422 validation_failed naming the field, on create and on PATCH, and never stored', async () => {
    const { mock, call, secret, tokenId } = await setup();
    const graphIds = [seedIds.graphs.research];
    const tries = [
      {
        field: 'name',
        send: () =>
          call('POST', '/v1/tokens', {
            ...admin,
            json: { name: `key ${secret}`, scopes: ['read'], graphIds },
          }),
      },
      {
        field: 'description',
        send: () =>
          call('POST', '/v1/tokens', {
            ...admin,
            json: { name: 'x', description: secret, scopes: ['read'], graphIds },
          }),
      },
      {
        field: 'description',
        send: () =>
          call('POST', '/v1/tokens', {
            ...admin,
            json: { name: 'x', description: `gt%5F${secret.slice(3)}`, scopes: ['read'], graphIds },
          }),
      },
      {
        field: 'name',
        send: () => call('PATCH', `/v1/tokens/${tokenId}`, { ...admin, json: { name: BOOTSTRAP_TOKEN } }),
      },
      {
        field: 'description',
        send: () =>
          call('PATCH', `/v1/tokens/${tokenId}`, { ...admin, json: { description: `see ${secret}` } }),
      },
    ];
    for (const { field, send } of tries) {
      const answer = await send();
      expect(answer.status, answer.text).toBe(422);
      expect(answer.body.code).toBe('validation_failed');
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(leaks(answer.text, secret) || answer.text.includes(BOOTSTRAP_TOKEN)).toBe(false);
    }
    const list = await call('GET', '/v1/tokens?limit=100', admin);
    expect(leaks(list.text, secret)).toBe(false);
    expect(list.body.data).toHaveLength(mock.snapshot().tokens.length);
    // A name that merely looks like the prefix is fine.
    const ok = await call('PATCH', `/v1/tokens/${tokenId}`, {
      ...admin,
      json: { name: 'gt_ importer', description: 'gt_abcdefghij' },
    });
    expect(ok.status, ok.text).toBe(200);
  });
});
