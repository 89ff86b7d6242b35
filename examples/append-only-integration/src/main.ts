/**
 * Runs the webhook receiver on node:http:
 *
 *   GRAPHTOKEN_TOKEN=gt_… GRAPHTOKEN_GRAPH_ID=gr_… WEBHOOK_SECRET=whsec_… node src/main.ts
 *
 * Without GRAPHTOKEN_TOKEN it starts the GraphToken mock in-process, mints an append-only token
 * for the mock's encrypted "Private journal" graph, and prints a curl command to try it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphToken } from '@graphtoken/sdk';
import { createWebhookHandler } from './handler.ts';
import { toNodeListener } from './node-adapter.ts';

const port = Number(process.env.PORT ?? 8787);
const signingSecret = process.env.WEBHOOK_SECRET;
let client: GraphToken<'append'>;
let graphId: string;
let stopMock = async () => {};

if (process.env.GRAPHTOKEN_TOKEN) {
  if (!process.env.GRAPHTOKEN_GRAPH_ID) {
    console.error('Set GRAPHTOKEN_GRAPH_ID to the graph to append to (a gr_… id the token is bound to).');
    process.exit(2);
  }
  graphId = process.env.GRAPHTOKEN_GRAPH_ID;
  // The SDK reads GRAPHTOKEN_TOKEN and GRAPHTOKEN_BASE_URL from the environment.
  // Declaring the token's scope makes any read a compile error, and refuses it before any request.
  client = new GraphToken({ scopes: ['append'] });
} else {
  const { startDemo } = await import('./demo.ts');
  ({ client, graphId, stop: stopMock } = await startDemo());
  console.log(`GRAPHTOKEN_TOKEN is not set: appending to the mock's encrypted graph ${graphId}.`);
}
if (!signingSecret)
  console.warn('WEBHOOK_SECRET is not set: deliveries are NOT authenticated (development only).');

const server = createServer(toNodeListener(createWebhookHandler({ client, graphId, signingSecret })));
server.listen(port, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`webhook receiver listening on http://localhost:${actual}/`);
  if (!signingSecret) {
    console.log(
      `try: curl -i -X POST http://localhost:${actual}/ -H 'content-type: application/json' -H 'webhook-id: msg_1' \\\n` +
        `       -d '{"event":"entry.created","data":{"text":"Hello from a webhook","tags":["demo"]}}'`,
    );
  }
});

const shutdown = () => {
  server.close(() => void stopMock());
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
