/**
 * The page's only contact with the GraphToken API: four calls through @graphtoken/sdk, so the
 * views never see HTTP, and the manage token never leaves this module.
 */
import type { CreateTokenRequest, Graph, Token, TokenWithSecret } from '@graphtoken/contract';
import { GraphToken } from '@graphtoken/sdk';

/** What the settings page needs from the API. */
export interface TokenApi {
  /** Every token the manage token's account can see (all pages), newest first as the API orders them. */
  listTokens(): Promise<Token[]>;
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
    async listTokens() {
      const tokens: Token[] = [];
      for await (const token of client.tokens.list({ limit: 100 })) {
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
    createToken: (request) => client.tokens.create(request),
    async revokeToken(tokenId) {
      await client.tokens.revoke(tokenId);
    },
  };
}
