// The in-process mock (msw's setupServer) from the tarball, driven by the SDK: no server, no port.
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '@graphtoken/mock';
import { setupGraphTokenServer } from '@graphtoken/mock/node';
import * as sdk from '@graphtoken/sdk';
import { runScenario } from './scenario.mjs';

const { server, mock } = setupGraphTokenServer(createGraphTokenMock());
server.listen({ onUnhandledFrame: 'error' });
try {
  const line = await runScenario(sdk, {
    token: BOOTSTRAP_TOKEN,
    label: `node ${process.version} in-process mock, ESM`,
  });
  const recorded = mock.requests.count();
  if (recorded < 8) throw new Error(`the in-process mock recorded ${recorded} requests, want at least 8`);
  console.log(`${line}; ${recorded} requests answered in-process`);
} finally {
  server.close();
}
