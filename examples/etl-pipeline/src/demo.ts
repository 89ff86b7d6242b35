/**
 * Demo mode: the standalone GraphToken mock, in this process, with a new empty graph and a write
 * token for it (TriplyDB's "Write access", enough for most pipelines), minted the way an owner
 * would with the mock's well-known bootstrap token.
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { startGraphTokenMockServer } from '@graphtoken/mock/http';
import { createRateLimitPacer, GraphToken, presets } from '@graphtoken/sdk';

/** What demo mode runs against. */
export interface Demo {
  readonly client: GraphToken;
  readonly graphId: string;
  stop(): Promise<void>;
}

/** Starts the mock server on a free port and returns a client with a write token for an empty graph. */
export async function startDemo(): Promise<Demo> {
  const server = await startGraphTokenMockServer({ port: 0 });
  const graph = server.mock.store.addGraph({ name: 'Weather observations', owner: seedIds.accounts.ada });
  const owner = new GraphToken({ baseUrl: server.url, token: BOOTSTRAP_TOKEN });
  const { secret } = await owner.tokens.create({
    name: 'etl-pipeline (demo)',
    description: 'Loads weather observations in batches',
    scopes: [...presets.triplyWrite],
    graphIds: [graph.id],
  });
  return {
    client: new GraphToken({ baseUrl: server.url, token: secret, rateLimit: createRateLimitPacer() }),
    graphId: graph.id,
    stop: () => server.close(),
  };
}
