/**
 * The MCP server driven by the MCP SDK's own Client over an in-memory transport, against the
 * GraphToken mock (a real HTTP server). Scope failures must come back as tool errors the
 * assistant can read, and no secret may appear in any tool result or log line.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken } from '@graphtoken/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphTokenMcpServer } from './server.ts';

interface ToolResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
}

let mockServer: GraphTokenMockServer;
/** Every tool result and log line of the test, checked for secrets after each test. */
let transcript: string[];
/** Every secret the test used. */
let secrets: string[];
const sessions: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  mockServer = await startGraphTokenMockServer({ port: 0 });
});
afterAll(async () => {
  await mockServer.close();
});
beforeEach(() => {
  mockServer.mock.reset();
  transcript = [];
  secrets = [BOOTSTRAP_TOKEN];
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  const everything = transcript.join('\n');
  for (const secret of secrets) expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/gt_[0-9A-Za-z]{36}/);
});

/** A token minted straight in the mock's store; its secret is remembered for the leak check. */
function mint(scopes: ('read' | 'append' | 'write')[], graphId: string): string {
  const { secret } = mockServer.mock.store.createToken({
    name: 'Claude Integration',
    scopes,
    graphIds: [graphId],
  });
  secrets.push(secret);
  return secret;
}

/** Connects an MCP client to a new server holding `token`. */
async function connect(token: string) {
  const server = createGraphTokenMcpServer({
    client: new GraphToken({ baseUrl: mockServer.url, token }),
    log: (line) => transcript.push(line),
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'graphtoken-test', version: '1.0.0' });
  await client.connect(clientTransport);
  sessions.push({
    close: async () => {
      await client.close();
      await server.close();
    },
  });

  const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolResult> => {
    const result = (await client.callTool({ name, arguments: args })) as ToolResult;
    transcript.push(JSON.stringify(result));
    return result;
  };
  return { client, call };
}

const text = (result: ToolResult) => result.content.map((c) => c.text ?? '').join('\n');
const data = (result: ToolResult) => {
  expect(result.isError, text(result)).toBeFalsy();
  return JSON.parse(text(result));
};

describe('the GraphToken MCP server', () => {
  it('offers the seven graph tools, with input schemas and read-only hints', async () => {
    const { client } = await connect(mint(['read'], seedIds.graphs.research));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'append_blocks',
      'delete_block',
      'get_block',
      'list_blocks',
      'list_graphs',
      'update_block',
      'whoami',
    ]);
    const listBlocks = tools.find((t) => t.name === 'list_blocks')!;
    expect(listBlocks.inputSchema.required).toEqual(['graphId']);
    expect(listBlocks.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === 'delete_block')?.annotations?.destructiveHint).toBe(true);
  });

  it('reads, appends, updates and deletes blocks with a write token', async () => {
    const graphId = seedIds.graphs.research;
    const { call } = await connect(mint(['write'], graphId));

    const me = data(await call('whoami'));
    expect(me.token).toMatchObject({ name: 'Claude Integration', scopes: ['write'] });
    expect(me.grants).toEqual([
      expect.objectContaining({ graphId, scopes: expect.arrayContaining(['write']) }),
    ]);
    expect(data(await call('list_graphs'))).toEqual([
      expect.objectContaining({ id: graphId, encrypted: false }),
    ]);

    const first = data(await call('list_blocks', { graphId, limit: 2 }));
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = data(await call('list_blocks', { graphId, limit: 2, cursor: first.nextCursor }));
    expect(second).toMatchObject({
      data: [expect.objectContaining({ content: 'Idea: the engine might compose music' })],
      nextCursor: null,
    });

    const { appended } = data(
      await call('append_blocks', { graphId, blocks: ['Note H: loops', 'Note I: recursion'] }),
    );
    expect(appended).toHaveLength(2);
    const [added] = appended as { id: string }[];
    expect(data(await call('get_block', { graphId, blockId: added!.id }))).toMatchObject({
      content: 'Note H: loops',
    });

    data(await call('update_block', { graphId, blockId: added!.id, content: 'Note H: loops, revised' }));
    expect(mockServer.mock.store.getBlock(graphId, added!.id)?.content).toBe('Note H: loops, revised');
    expect(data(await call('delete_block', { graphId, blockId: added!.id }))).toEqual({ deleted: added!.id });
    expect(mockServer.mock.store.getBlock(graphId, added!.id)).toBeUndefined();
  });

  it('appends once when an assistant retries append_blocks with the same requestId', async () => {
    const graphId = seedIds.graphs.journal;
    const { call } = await connect(mint(['append'], graphId));
    const before = mockServer.mock.store.listBlocks(graphId).length;
    const args = { graphId, blocks: ['Retried thought'], requestId: 'conversation-42-turn-7' };
    const first = data(await call('append_blocks', args)).appended as { id: string }[];
    const again = data(await call('append_blocks', args)).appended as { id: string }[];
    expect(again.map((b) => b.id)).toEqual(first.map((b) => b.id));
    expect(mockServer.mock.store.listBlocks(graphId)).toHaveLength(before + 1);
  });

  it('answers an append-only token reading blocks with a tool error that explains the scope, and keeps serving', async () => {
    const graphId = seedIds.graphs.journal;
    const { call } = await connect(mint(['append'], graphId));

    expect(data(await call('append_blocks', { graphId, blocks: ['Dear diary'] })).appended).toHaveLength(1);
    expect(mockServer.mock.store.listBlocks(graphId).at(-1)?.content).toBe('Dear diary');

    for (const [tool, args] of [
      ['list_blocks', { graphId }],
      ['get_block', { graphId, blockId: 'blk_journal1' }],
      ['update_block', { graphId, blockId: 'blk_journal1', content: 'changed' }],
      ['delete_block', { graphId, blockId: 'blk_journal1' }],
    ] as const) {
      const result = await call(tool, args);
      expect(result.isError).toBe(true);
      expect(text(result)).toContain(`${tool} failed:`);
      expect(text(result)).toMatch(/lacks the scope.*insufficient_scope.*append-only/s);
    }
    expect(transcript.filter((line) => line.startsWith('tool '))).toEqual([
      expect.stringMatching(
        /^tool list_blocks failed: InsufficientScopeError \(403 insufficient_scope, req_\w+\)$/,
      ),
      expect.stringMatching(/^tool get_block failed: InsufficientScopeError/),
      expect.stringMatching(/^tool update_block failed: InsufficientScopeError/),
      expect.stringMatching(/^tool delete_block failed: InsufficientScopeError/),
    ]);
    expect(data(await call('whoami')).token.scopes).toEqual(['append']);
    expect(mockServer.mock.store.getBlock(graphId, 'blk_journal1')?.content).toBe('A private thought');
  });

  it.each([
    {
      name: 'a graph the token is not bound to',
      setup: () => ({
        token: mint(['read'], seedIds.graphs.research),
        args: { graphId: seedIds.graphs.team },
      }),
      want: /not bound to this graph/,
    },
    {
      name: 'a revoked token',
      setup: () => {
        const token = mint(['read'], seedIds.graphs.research);
        mockServer.mock.store.revokeToken(mockServer.mock.store.findTokenBySecret(token)!.id);
        return { token, args: { graphId: seedIds.graphs.research } };
      },
      want: /has been revoked/,
    },
    {
      name: 'a mistyped token',
      setup: () => ({
        token: 'gt_000000000000000000000000000000000000',
        args: { graphId: seedIds.graphs.research },
      }),
      want: /malformed|does not know the token/,
    },
  ])('reports $name as a tool error saying what to check', async ({ setup, want }) => {
    const { token, args } = setup();
    secrets.push(token);
    const { call } = await connect(token);
    const result = await call('list_blocks', args);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(want);
  });

  it('rejects arguments that break the input schema as a tool error', async () => {
    const { call } = await connect(mint(['read'], seedIds.graphs.research));
    for (const args of [{ graphId: 'research' }, { graphId: seedIds.graphs.research, limit: 500 }, {}]) {
      const result = await call('list_blocks', args);
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/validation|invalid/i);
    }
  });
});
