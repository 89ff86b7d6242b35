// Node, ESM: `import` of the package, as an ESM app does.
import * as sdk from '@graphtoken/sdk';
import { runScenario } from './scenario.mjs';

const runtime = globalThis.Bun
  ? `bun ${Bun.version}`
  : globalThis.Deno
    ? `deno ${Deno.version.deno}`
    : `node ${process.version}`;
console.log(
  await runScenario(sdk, {
    baseUrl: process.env.GRAPHTOKEN_BASE_URL,
    token: process.env.GRAPHTOKEN_TOKEN,
    label: `${runtime} ESM`,
  }),
);
