/**
 * The MCP server: GraphToken graph tools for AI assistants, on the official MCP TypeScript SDK.
 * Transport-agnostic: `main.ts` connects it to stdio; tests connect it to an in-memory client.
 *
 * What a tool may do is decided by the token, not by this server: an append-only token's
 * list_blocks answers with a tool error explaining the missing scope, which the assistant can
 * relay to the user.
 */
import type { GraphToken } from '@graphtoken/sdk';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { fail, type Logger, ok } from './tool-result.ts';

/** Options of {@link createGraphTokenMcpServer}. */
export interface GraphTokenMcpServerOptions {
  /** A client holding the token the assistant acts with. */
  readonly client: GraphToken;
  /** Where diagnostics go. With stdio this must be stderr: stdout carries the protocol. */
  readonly log?: Logger;
}

const graphId = z
  .string()
  .regex(/^gr_[A-Za-z0-9]+$/)
  .describe('A graph id (gr_…), from list_graphs');
const blockId = z
  .string()
  .regex(/^blk_[A-Za-z0-9]+$/)
  .describe('A block id (blk_…), from list_blocks');
const content = z.string().min(1).max(10_000).describe('The text of the block (1–10,000 characters)');

/** The server's name and version, as MCP clients show them. */
export const SERVER_INFO = { name: 'graphtoken', version: '0.1.0' } as const;

/**
 * Creates the MCP server with its seven tools: whoami, list_graphs, list_blocks, get_block,
 * append_blocks, update_block, delete_block.
 *
 * @example
 * const server = createGraphTokenMcpServer({ client: new GraphToken(), log: console.error });
 * await server.connect(new StdioServerTransport());
 */
export function createGraphTokenMcpServer(options: GraphTokenMcpServerOptions): McpServer {
  const { client } = options;
  const log = options.log ?? (() => {});
  const server = new McpServer(SERVER_INFO, {
    instructions:
      "Tools for the GraphToken graphs this token can reach. Call whoami first to learn the token's scopes: " +
      "'read' lists and reads blocks, 'append' only adds blocks (encrypted graphs accept nothing else), " +
      "'write' also edits and deletes.",
  });

  /** Runs a tool body, turning any failure into a tool error (never a crash of the server). */
  const guarded =
    <A>(tool: string, run: (args: A) => Promise<unknown>) =>
    async (args: A): Promise<CallToolResult> => {
      try {
        return ok(await run(args));
      } catch (error) {
        return fail(tool, error, log);
      }
    };

  server.registerTool(
    'whoami',
    {
      title: 'Who am I',
      description:
        'Describes the token this server uses: its name, account, expiry, and its effective scopes on each graph. Never shows the secret.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded('whoami', async () => {
      const { token, account, grants } = await client.tokens.introspect();
      return {
        token: {
          id: token.id,
          name: token.name,
          hint: token.hint,
          scopes: token.scopes,
          expiresAt: token.expiresAt,
        },
        account,
        grants,
      };
    }),
  );

  server.registerTool(
    'list_graphs',
    {
      title: 'List graphs',
      description:
        'Lists the graphs this token can reach, with the effective scopes on each and whether it is encrypted (append-only).',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded('list_graphs', async () => {
      const graphs = [];
      for await (const graph of client.graphs.list()) graphs.push(graph);
      return graphs;
    }),
  );

  server.registerTool(
    'list_blocks',
    {
      title: 'List blocks',
      description:
        "Lists one page of a graph's blocks, oldest first. Pass the returned nextCursor as cursor for the next page. Needs 'read'.",
      inputSchema: {
        graphId,
        limit: z.number().int().min(1).max(100).optional().describe('Blocks per page, 1–100 (default 50)'),
        cursor: z.string().min(1).optional().describe('The nextCursor of the previous page'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded('list_blocks', async ({ graphId, limit, cursor }) => {
      const page = await client.blocks
        .list(graphId, { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) })
        .firstPage();
      return { data: page.data, nextCursor: page.nextCursor };
    }),
  );

  server.registerTool(
    'get_block',
    {
      title: 'Get a block',
      description: "Reads one block. Needs 'read'.",
      inputSchema: { graphId, blockId },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded('get_block', ({ graphId, blockId }) => client.blocks.get(graphId, blockId)),
  );

  server.registerTool(
    'append_blocks',
    {
      title: 'Append blocks',
      description:
        "Appends 1–100 blocks to the end of a graph, all or nothing. Needs 'append' (or 'write'); the only tool that works on encrypted graphs.",
      inputSchema: {
        graphId,
        blocks: z.array(content).min(1).max(100).describe('The texts of the new blocks, in order'),
        requestId: z
          .string()
          .min(1)
          .max(255)
          .optional()
          .describe(
            'Optional: any unique string for this append. Calling again with the same requestId and blocks appends nothing twice, so a retry is safe.',
          ),
      },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    guarded('append_blocks', async ({ graphId, blocks, requestId }) => {
      const result = await client.blocks.append(
        graphId,
        { blocks: blocks.map((text) => ({ content: text })) },
        // The caller's requestId becomes the Idempotency-Key, so a retried tool call is replayed, not repeated.
        requestId === undefined ? {} : { idempotencyKey: `mcp-${requestId}` },
      );
      return { appended: result.data.map((b) => ({ id: b.id, createdAt: b.createdAt })) };
    }),
  );

  server.registerTool(
    'update_block',
    {
      title: 'Update a block',
      description: "Replaces the content of a block. Needs 'write'.",
      inputSchema: { graphId, blockId, content },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    guarded('update_block', ({ graphId, blockId, content }) =>
      client.blocks.update(graphId, blockId, { content }),
    ),
  );

  server.registerTool(
    'delete_block',
    {
      title: 'Delete a block',
      description: "Deletes a block for good. Needs 'write'. Confirm with the user first.",
      inputSchema: { graphId, blockId },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    guarded('delete_block', async ({ graphId, blockId }) => {
      await client.blocks.delete(graphId, blockId);
      return { deleted: blockId };
    }),
  );

  return server;
}
