// The in-process mock required from CommonJS (Node >= 22.12 loads ESM without top-level await by require()).
const { BOOTSTRAP_TOKEN, createGraphTokenMock } = require('@graphtoken/mock');
const { setupGraphTokenServer } = require('@graphtoken/mock/node');
const sdk = require('@graphtoken/sdk');

const { server, mock } = setupGraphTokenServer(createGraphTokenMock());
server.listen({ onUnhandledFrame: 'error' });
import('./scenario.mjs')
  .then(({ runScenario }) =>
    runScenario(sdk, { token: BOOTSTRAP_TOKEN, label: `node ${process.version} in-process mock, CommonJS` }),
  )
  .then(
    (line) => console.log(`${line}; ${mock.requests.count()} requests answered in-process`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  )
  .finally(() => server.close());
