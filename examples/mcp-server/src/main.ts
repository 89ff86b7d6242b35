/**
 * The MCP server over stdio, as MCP clients (Claude Desktop, Claude Code, Cursor, VS Code…) start
 * it. The token comes from the environment (GRAPHTOKEN_TOKEN), set in the client's MCP config,
 * never on the command line or in a file in the repository. stdout carries the protocol, so
 * every diagnostic goes to stderr.
 */
import { GraphToken, isGraphTokenError, scrubSecrets } from '@graphtoken/sdk';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createGraphTokenMcpServer } from './server.ts';

const log = (line: string) => console.error(`[graphtoken-mcp] ${line}`);

if (!process.env.GRAPHTOKEN_TOKEN) {
  log('GRAPHTOKEN_TOKEN is not set: add it to the "env" of this server in your MCP client configuration.');
  process.exit(1);
}

// The SDK reads GRAPHTOKEN_TOKEN (and GRAPHTOKEN_BASE_URL, if set) from the environment.
const client = new GraphToken();
const server = createGraphTokenMcpServer({ client, log });
await server.connect(new StdioServerTransport());

// Say early, on stderr, whether the token works; the server keeps running either way, and every
// tool reports the same problem to the assistant.
try {
  const { token, grants } = await client.tokens.introspect();
  log(
    `ready: token "${token.name}" (${token.hint ? `…${token.hint}` : token.id}) with ${grants.length} graph grant(s)`,
  );
} catch (error) {
  log(
    `warning: the token does not work yet: ${scrubSecrets(isGraphTokenError(error) ? error.message : String(error))}`,
  );
}
