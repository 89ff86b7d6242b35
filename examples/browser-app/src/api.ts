/**
 * The page's only contact with the GraphToken API: five calls through @graphtoken/sdk, so the
 * views never see HTTP, and the manage token never leaves this module.
 */
import type { AuditEvent, CreateTokenRequest, Graph, Token, TokenWithSecret } from '@graphtoken/contract';
import { GraphToken } from '@graphtoken/sdk';
import { listParams, type TokenFilter } from './token-filters.js';

/** What the settings page needs from the API. */
export interface TokenApi {
  /**
   * The tokens the manage token's account can see that pass `filter` (all pages; default every
   * token, newest first), in the order the API gives them.
   */
  listTokens(filter?: TokenFilter): Promise<Token[]>;
  /** A token's audit events, newest first (all pages). */
  listAuditEvents(tokenId: string): Promise<AuditEvent[]>;
  /** The graphs tokens can be minted for. */
  listGraphs(): Promise<Graph[]>;
  /** Mints a token; the result carries its secret, the one time the API ever returns it. */
  createToken(request: CreateTokenRequest): Promise<TokenWithSecret>;
  /** Revokes a token at once and for good. */
  revokeToken(tokenId: string): Promise<void>;
}

/** Stop paging after this many tokens: a settings page is not a bulk export. */
const MAX_LISTED = 1000;

/** A {@link TokenApi} backed by the SDK, authenticated with a `manage` token. */
export function createTokenApi(options: { baseUrl: string; manageToken: string }): TokenApi {
  const client = new GraphToken({
    baseUrl: options.baseUrl,
    token: options.manageToken,
    // The SDK refuses a static token in a browser unless told otherwise: a token shipped in
    // client-side code is readable by anyone who opens the page. Here it is not shipped: the
    // person at the keyboard pastes their own manage token into the page (or runs the offline
    // demo), so it never reaches anyone who does not already hold it. An app serving many users
    // would keep tokens on its server, or hand the SDK a provider function that fetches a
    // short-lived token from it (`token: () => getToken()`), which needs no opt-in.
    dangerouslyAllowBrowser: true,
  });
  return {
    async listTokens(filter = 'all') {
      const tokens: Token[] = [];
      for await (const token of client.tokens.list({ ...listParams(filter, Date.now()), limit: 100 })) {
        tokens.push(token);
        if (tokens.length >= MAX_LISTED) break;
      }
      return tokens;
    },
    async listGraphs() {
      const graphs: Graph[] = [];
      for await (const graph of client.graphs.list()) graphs.push(graph);
      return graphs;
    },
    async listAuditEvents(tokenId) {
      const events: AuditEvent[] = [];
      for await (const event of client.auditEvents.list({ tokenId, limit: 100 })) {
        events.push(event);
        if (events.length >= MAX_LISTED) break;
      }
      return events;
    },
    createToken: (request) => client.tokens.create(request),
    async revokeToken(tokenId) {
      await client.tokens.revoke(tokenId);
    },
  };
}
