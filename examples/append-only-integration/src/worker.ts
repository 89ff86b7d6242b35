/**
 * The same handler as an edge worker (Cloudflare Workers, Vercel Edge, Deno Deploy: anything with
 * `export default { fetch }`). Configure the secrets in the platform's secret store, e.g.
 * `wrangler secret put GRAPHTOKEN_TOKEN`, never in the code or wrangler.toml.
 */
import { GraphToken } from '@graphtoken/sdk';
import { createWebhookHandler } from './handler.ts';

/** The worker's environment bindings. */
export interface Env {
  /** An append-only token bound to `GRAPHTOKEN_GRAPH_ID`. */
  readonly GRAPHTOKEN_TOKEN: string;
  readonly GRAPHTOKEN_GRAPH_ID: string;
  /** The Standard Webhooks signing secret (`whsec_…`) shared with the sender. */
  readonly WEBHOOK_SECRET?: string;
  /** Another GraphToken service (a staging one, the mock); default the production API. */
  readonly GRAPHTOKEN_BASE_URL?: string;
}

let cached: { env: Env; handle: (request: Request) => Promise<Response> } | undefined;

/** The worker: builds the handler once per isolate and reuses it. */
export default {
  fetch(request: Request, env: Env): Promise<Response> {
    if (cached?.env !== env) {
      const client = new GraphToken({
        token: env.GRAPHTOKEN_TOKEN,
        scopes: ['append'],
        ...(env.GRAPHTOKEN_BASE_URL ? { baseUrl: env.GRAPHTOKEN_BASE_URL } : {}),
      });
      cached = {
        env,
        handle: createWebhookHandler({
          client,
          graphId: env.GRAPHTOKEN_GRAPH_ID,
          signingSecret: env.WEBHOOK_SECRET,
        }),
      };
    }
    return cached.handle(request);
  },
};
