/**
 * Turning API results and API errors into MCP tool results. An API error is not a crash: the
 * assistant gets `isError: true` with the SDK's message, which already says what to check (full
 * token? revoked? right graph? right scope?) and never contains the token.
 */

import { isAPIError, isInsufficientScopeError, scrubSecrets } from '@graphtoken/sdk';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A structured, secret-free log line for stderr. */
export type Logger = (line: string) => void;

/** A successful tool result: the data as pretty JSON text, which every MCP client can show. */
export function ok(data: unknown): CallToolResult {
  return { content: [{ type: 'text', text: scrubSecrets(JSON.stringify(data, null, 2)) }] };
}

/** Advice for the assistant, per kind of failure, after the SDK's own message. */
function advice(error: unknown): string {
  if (isInsufficientScopeError(error)) {
    return error.grantedScopes.length === 1 && error.grantedScopes[0] === 'append'
      ? '\nThis token is append-only: it can add blocks with append_blocks but cannot read, change or delete them.'
      : '\nTell the user which scope is missing; they can create a token with it.';
  }
  return '';
}

/** A failed tool call: `isError: true` and a message the assistant can act on. Also logs it. */
export function fail(tool: string, error: unknown, log: Logger): CallToolResult {
  // The SDK's messages are already scrubbed; redactSecrets also covers errors from elsewhere.
  const message = error instanceof Error ? error.message : String(error);
  const text = scrubSecrets(`${tool} failed: ${message}${advice(error)}`);
  const name = error instanceof Error ? error.name : 'Error';
  const where = isAPIError(error)
    ? ` (${error.status} ${error.code ?? ''}${error.requestId ? `, ${error.requestId}` : ''})`
    : '';
  log(scrubSecrets(`tool ${tool} failed: ${name}${where}`));
  return { isError: true, content: [{ type: 'text', text }] };
}
