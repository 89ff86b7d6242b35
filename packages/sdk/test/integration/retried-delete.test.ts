/**
 * Finding 08 against the real standalone mock: the first DELETE reaches the mock and acts, then a
 * gateway's 502 replaces its answer; the retry's 404 / 401 token_revoked resolves the call.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken } from '@graphtoken/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stubFetch } from '../support/stub-fetch.js';

let server: GraphTokenMockServer;
beforeAll(async () => {
  server = await startGraphTokenMockServer();
});
afterAll(() => server.close());

/** Forwards to the mock; the first DELETE's answer is swapped for a 502 after the mock acted. */
function lossyGateway() {
  let lost = false;
  return stubFetch(async (request) => {
    const response = await fetch(request);
    if (request.method !== 'DELETE' || lost) return response;
    lost = true;
    await response.arrayBuffer();
    return new Response('<h1>502 Bad Gateway</h1>', { status: 502 });
  });
}

async function writer() {
  const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
  return (await owner.tokens.create({ name: 'w', scopes: ['write'], graphIds: [seedIds.graphs.research] }))
    .secret;
}

it('blocks.delete whose answer was lost resolves, and the block is gone', async () => {
  const gateway = lossyGateway();
  const client = new GraphToken({ baseUrl: server.url, token: await writer(), fetch: gateway.fetch });
  const {
    data: [block],
  } = await client.blocks.append(seedIds.graphs.research, { blocks: [{ content: 'x' }] });
  await expect(client.blocks.delete(seedIds.graphs.research, block!.id)).resolves.toBeUndefined();
  expect(gateway.sent.filter((s) => s.method === 'DELETE')).toHaveLength(2);
  await expect(client.blocks.get(seedIds.graphs.research, block!.id)).rejects.toMatchObject({ status: 404 });
});

it('tokens.revokeSelf whose answer was lost resolves, and the token is revoked', async () => {
  const gateway = lossyGateway();
  const secret = await writer();
  const client = new GraphToken({ baseUrl: server.url, token: secret, fetch: gateway.fetch });
  await expect(client.tokens.revokeSelf()).resolves.toBeUndefined();
  expect(gateway.sent.filter((s) => s.method === 'DELETE')).toHaveLength(2);
  await expect(client.tokens.introspect()).rejects.toMatchObject({ code: 'token_revoked' });
});
