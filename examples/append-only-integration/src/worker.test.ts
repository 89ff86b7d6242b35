import { seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from './signature.ts';
import worker, { type Env } from './worker.ts';

let server: GraphTokenMockServer;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('the edge worker entry', () => {
  it('appends a signed delivery with the token and graph from its environment', async () => {
    const { secret } = server.mock.store.createToken({
      name: 'Zapier',
      scopes: ['append'],
      graphIds: [seedIds.graphs.journal],
    });
    const env: Env = {
      GRAPHTOKEN_TOKEN: secret,
      GRAPHTOKEN_GRAPH_ID: seedIds.graphs.journal,
      GRAPHTOKEN_BASE_URL: server.url,
      WEBHOOK_SECRET: `whsec_${btoa('worker signing secret')}`,
    };
    const body = JSON.stringify({ event: 'entry.created', data: { text: 'From the edge' } });
    const at = Math.floor(Date.now() / 1000);
    const request = new Request('https://worker.example.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_edge',
        'webhook-timestamp': String(at),
        'webhook-signature': await signWebhook(env.WEBHOOK_SECRET!, 'msg_edge', at, body),
      },
      body,
    });

    const response = await worker.fetch(request, env);
    expect(response.status).toBe(201);
    expect(server.mock.store.listBlocks(seedIds.graphs.journal).at(-1)?.content).toBe('From the edge');
  });
});
