/**
 * The webhook handler against the GraphToken mock (a real HTTP server), with an append-only token
 * on the mock's encrypted graph. The token cannot read, so the tests check the appends in the
 * mock's store.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import {
  EncryptedGraphScopeError,
  GraphToken,
  InsufficientScopeError,
  isEncryptedGraphScopeError,
  presets,
} from '@graphtoken/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookHandler, type LogEntry } from './handler.ts';
import { signWebhook } from './signature.ts';

const JOURNAL = seedIds.graphs.journal;
const SIGNING_SECRET = `whsec_${btoa('a test signing secret, 32 bytes!')}`;

let server: GraphTokenMockServer;
let secret: string;
let logs: LogEntry[];
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.mock.reset();
  // Minted the way an owner would: the Roam "append-only" preset, the only one an encrypted graph takes.
  const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
  ({ secret } = await owner.tokens.create({
    name: 'Zapier',
    description: 'Appends form submissions to the private journal',
    scopes: [...presets.roamAppendOnly],
    graphIds: [JOURNAL],
  }));
  logs = [];
  handle = createWebhookHandler({
    client: new GraphToken({ baseUrl: server.url, token: secret, scopes: ['append'] }),
    graphId: JOURNAL,
    log: (entry) => logs.push(entry),
  });
});

const payload = (text = 'Call Grace about COBOL', extra: object = {}) => ({
  event: 'entry.created',
  data: { text, tags: ['meeting'], ...extra },
});

function delivery(
  body: unknown,
  init: { id?: string | null; headers?: Record<string, string>; method?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.id !== null) headers['webhook-id'] = init.id ?? 'msg_1';
  return new Request('https://hooks.example.com/graphtoken', {
    method: init.method ?? 'POST',
    headers,
    ...(init.method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const journalContents = () => server.mock.store.listBlocks(JOURNAL).map((b) => b.content);

describe('the webhook handler', () => {
  it('appends one block per delivery to the encrypted graph', async () => {
    const response = await handle(
      delivery(
        payload('Call Grace about COBOL', { url: 'https://forms.example.com/r/1', source: 'Typeform' }),
      ),
    );

    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ deliveryId: 'msg_1', graphId: JOURNAL, blockId: expect.stringMatching(/^blk_/) });
    expect(server.mock.store.getBlock(JOURNAL, body.blockId)?.content).toBe(
      'Call Grace about COBOL #meeting [Typeform](https://forms.example.com/r/1)',
    );
    const [append] = server.mock.requests.filter({ operationId: 'appendBlocks' });
    expect(append?.headers['idempotency-key']).toBe('webhook-msg_1');
  });

  it('does not duplicate a redelivered webhook', async () => {
    const before = journalContents().length;
    const first = await handle(delivery(payload()));
    const again = await handle(delivery(payload()));
    const andAgain = await handle(delivery(payload()));

    expect([first.status, again.status, andAgain.status]).toEqual([201, 201, 201]);
    const ids = await Promise.all([first, again, andAgain].map(async (r) => (await r.json()).blockId));
    expect(new Set(ids).size).toBe(1);
    expect(journalContents()).toHaveLength(before + 1);

    const other = await handle(delivery(payload('Another entry'), { id: 'msg_2' }));
    expect(other.status).toBe(201);
    expect(journalContents()).toHaveLength(before + 2);
  });

  it('answers 409 when a delivery id comes back with a different payload', async () => {
    await handle(delivery(payload('first')));
    const response = await handle(delivery(payload('something else')));
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toMatch(/delivery id was already used/);
    expect(journalContents()).not.toContain('something else #meeting');
  });

  it.each([
    { name: 'invalid JSON', request: () => delivery('{"event":'), status: 400, want: /not valid JSON/ },
    {
      name: 'a missing text',
      request: () => delivery({ event: 'entry.created', data: {} }),
      status: 400,
      want: /data\.text is required/,
    },
    {
      name: 'an empty text',
      request: () => delivery(payload('   ')),
      status: 400,
      want: /data\.text must not be empty/,
    },
    {
      name: 'a text too long',
      request: () => delivery(payload('x'.repeat(8001))),
      status: 400,
      want: /at most 8000 characters/,
    },
    {
      name: 'an unknown event',
      request: () => delivery({ ...payload(), event: 'entry.deleted' }),
      status: 400,
      want: /event must be "entry.created"/,
    },
    {
      name: 'a bad tag',
      request: () => delivery(payload('ok', { tags: ['two words'] })),
      status: 400,
      want: /data\.tags\.0 must be 1–40 letters/,
    },
    {
      name: 'a javascript: url',
      request: () => delivery(payload('ok', { url: 'javascript:alert(1)' })),
      status: 400,
      want: /data\.url must be an http\(s\) URL/,
    },
    {
      name: 'no delivery id',
      request: () => delivery(payload(), { id: null }),
      status: 400,
      want: /webhook-id header/,
    },
    {
      name: 'a form body',
      request: () =>
        delivery('text=hi', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      status: 415,
      want: /as JSON/,
    },
    { name: 'a GET', request: () => delivery(undefined, { method: 'GET' }), status: 405, want: /POST/ },
  ])('refuses $name with $status and a clear message', async ({ request, status, want }) => {
    const before = journalContents().length;
    const response = await handle(request());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ status, title: expect.any(String) });
    expect(problem.detail).toMatch(want);
    expect(journalContents()).toHaveLength(before);
  });

  it('lists every failing field of a bad payload', async () => {
    const response = await handle(
      delivery({ event: 'entry.created', data: { text: '', tags: ['ok', 'not ok'], url: 'nope' } }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual([
      'data.text',
      'data.tags.1',
      'data.url',
    ]);
  });

  it('answers 502 on an API outage, so the sender retries, and the retry appends once', async () => {
    server.mock.faults.add({ operationId: 'appendBlocks', status: 503, code: 'internal_error', times: 10 });
    const failed = await handle(delivery(payload()));
    expect(failed.status).toBe(502);
    expect(journalContents()).not.toContain('Call Grace about COBOL #meeting');

    server.mock.faults.clear();
    const retried = await handle(delivery(payload()));
    expect(retried.status).toBe(201);
    expect(journalContents().filter((c) => c === 'Call Grace about COBOL #meeting')).toHaveLength(1);
  });

  it('hides token problems from the sender and logs them, without the secret, for the operator', async () => {
    server.mock.store.revokeToken(server.mock.store.findTokenBySecret(secret)!.id);
    const response = await handle(delivery(payload()));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toContain('Integration misconfigured');
    expect(body).not.toMatch(/revoked|token/i);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/TokenRevokedError: .*revoked/),
      }),
    );
    expect(JSON.stringify(logs)).not.toContain(secret);
  });
});

describe('the append-only token', () => {
  it('cannot read the graph it appends to: InsufficientScopeError', async () => {
    const client = new GraphToken({ baseUrl: server.url, token: secret });
    const error = await client.blocks
      .list(JOURNAL)
      .firstPage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientScopeError);
    expect(error).toMatchObject({ status: 403, code: 'insufficient_scope', grantedScopes: ['append'] });
    expect((error as Error).message).not.toContain(secret);
  });

  it('is refused at compile time, and before any request, by a client declared append-only', async () => {
    const appendOnly = new GraphToken({ baseUrl: server.url, token: secret, scopes: ['append'] });
    server.mock.requests.clear();
    // @ts-expect-error: the compiler says "blocks.list requires scope: read" for an append-only client
    const pages: unknown = appendOnly.blocks.list(JOURNAL);
    // Forced past the compiler, the call is still refused before any request.
    const error = await (pages as Promise<unknown>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientScopeError);
    expect(error).toMatchObject({ offline: true, code: 'insufficient_scope' });
    expect(server.mock.requests.all()).toHaveLength(0);
  });

  it.each([{ scopes: ['read'] as const }, { scopes: ['write'] as const }])(
    'is the only kind an encrypted graph takes: $scopes is refused with scope_not_allowed_for_encrypted_graph',
    async ({ scopes }) => {
      const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
      const error = await owner.tokens
        .create({ name: 'Zapier (read & edit)', scopes: [...scopes], graphIds: [JOURNAL] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EncryptedGraphScopeError);
      expect(isEncryptedGraphScopeError(error)).toBe(true);
      expect(error).toMatchObject({ status: 422, code: 'scope_not_allowed_for_encrypted_graph' });
      expect((error as Error).message).toMatch(/append-only/);
    },
  );
});

describe('signed deliveries (Standard Webhooks)', () => {
  let signedHandle: (request: Request) => Promise<Response>;
  beforeEach(() => {
    signedHandle = createWebhookHandler({
      client: new GraphToken({ baseUrl: server.url, token: secret }),
      graphId: JOURNAL,
      signingSecret: SIGNING_SECRET,
      log: (entry) => logs.push(entry),
    });
  });

  async function signed(
    body: string,
    { id = 'msg_signed', at = Math.floor(Date.now() / 1000), key = SIGNING_SECRET } = {},
  ) {
    return delivery(body, {
      id,
      headers: { 'webhook-timestamp': String(at), 'webhook-signature': await signWebhook(key, id, at, body) },
    });
  }

  it('accepts a delivery signed with the shared secret', async () => {
    const response = await signedHandle(await signed(JSON.stringify(payload())));
    expect(response.status).toBe(201);
  });

  it.each([
    {
      name: 'unsigned',
      request: async () => delivery(payload(), { id: 'msg_signed' }),
      want: /Sign deliveries/,
    },
    {
      name: 'signed with another secret',
      request: () => signed(JSON.stringify(payload()), { key: `whsec_${btoa('another secret')}` }),
      want: /does not match/,
    },
    {
      name: 'signed 10 minutes ago',
      request: () => signed(JSON.stringify(payload()), { at: Math.floor(Date.now() / 1000) - 600 }),
      want: /more than 5 minutes/,
    },
    {
      name: 'tampered with after signing',
      request: async () => {
        const original = await signed(JSON.stringify(payload()));
        return new Request(original, { body: JSON.stringify(payload('Transfer all the money')) });
      },
      want: /does not match/,
    },
  ])('refuses a delivery $name with 401', async ({ request, want }) => {
    const before = journalContents().length;
    const response = await signedHandle(await request());
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toMatch(want);
    expect(journalContents()).toHaveLength(before);
  });
});
