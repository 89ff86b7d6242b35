/**
 * Demo mode: the standalone GraphToken mock, in this process, with an append-only token for its
 * encrypted graph, minted the way an owner would (with the mock's well-known bootstrap token).
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken, presets } from '@graphtoken/sdk';

/** What demo mode runs against. */
export interface Demo {
  readonly client: GraphToken<'append'>;
  readonly graphId: string;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the mock server on a free port and returns a client with an append-only token. */
export async function startDemo(): Promise<Demo> {
  const server = await startGraphTokenMockServer({ port: 0 });
  const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
  const graphId = seedIds.graphs.journal;
  const { secret } = await owner.tokens.create({
    name: 'Webhook integration (demo)',
    description: 'Appends webhook deliveries to the private journal',
    scopes: [...presets.roamAppendOnly],
    graphIds: [graphId],
  });
  return {
    client: new GraphToken({ baseUrl: server.url, token: secret, scopes: ['append'] }),
    graphId,
    baseUrl: server.url,
    stop: () => server.close(),
  };
}
