/**
 * The server as an MCP client starts it: `node src/main.ts` over stdio, its token in the
 * environment (as in the Claude Desktop config of the README), against the mock HTTP server.
 */
import { spawnSync } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

let mockServer: GraphTokenMockServer;
beforeAll(async () => {
  mockServer = await startGraphTokenMockServer({ port: 0 });
});
afterAll(async () => {
  await mockServer.close();
});

describe('node src/main.ts (stdio)', () => {
  it('serves tools to an MCP client with the token from GRAPHTOKEN_TOKEN, logging to stderr without the secret', async () => {
    const { secret } = mockServer.mock.store.createToken({
      name: 'Claude Integration',
      scopes: ['append'],
      graphIds: [seedIds.graphs.journal],
    });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [MAIN],
      env: { GRAPHTOKEN_TOKEN: secret, GRAPHTOKEN_BASE_URL: mockServer.url },
      stderr: 'pipe',
    });
    let stderr = '';
    (transport.stderr as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const client = new Client({ name: 'graphtoken-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const me = await client.callTool({ name: 'whoami', arguments: {} });
      expect(me.isError).toBeFalsy();
      const denied = await client.callTool({
        name: 'list_blocks',
        arguments: { graphId: seedIds.graphs.journal },
      });
      expect(denied.isError).toBe(true);
      expect(JSON.stringify(denied.content)).toContain('append-only');
      const appended = await client.callTool({
        name: 'append_blocks',
        arguments: { graphId: seedIds.graphs.journal, blocks: ['From Claude'] },
      });
      expect(appended.isError).toBeFalsy();
      expect(mockServer.mock.store.listBlocks(seedIds.graphs.journal).at(-1)?.content).toBe('From Claude');

      const output = JSON.stringify([me, denied, appended]) + stderr;
      expect(output).not.toContain(secret);
    } finally {
      await client.close();
    }
    expect(stderr).toMatch(/\[graphtoken-mcp\] ready: token "Claude Integration"/);
    expect(stderr).toMatch(/\[graphtoken-mcp\] tool list_blocks failed: InsufficientScopeError/);
    expect(stderr).not.toContain(secret);
  });

  it('exits with a clear message when GRAPHTOKEN_TOKEN is not set', () => {
    const { GRAPHTOKEN_TOKEN: _, ...env } = process.env;
    const result = spawnSync(process.execPath, [MAIN], { env, encoding: 'utf8', input: '' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('GRAPHTOKEN_TOKEN is not set');
  });
});
