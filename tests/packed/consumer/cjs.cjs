// CommonJS: `require()` of the package, as a CommonJS app (or a bundler in CJS mode) does.
const sdk = require('@graphtoken/sdk');

const runtime = globalThis.Bun
  ? `bun ${Bun.version}`
  : globalThis.Deno
    ? `deno ${Deno.version.deno}`
    : `node ${process.version}`;
if (!require.resolve('@graphtoken/sdk').endsWith('index.cjs')) {
  throw new Error(
    `require('@graphtoken/sdk') resolved ${require.resolve('@graphtoken/sdk')}, not the CJS build`,
  );
}
import('./scenario.mjs')
  .then(({ runScenario }) =>
    runScenario(sdk, {
      baseUrl: process.env.GRAPHTOKEN_BASE_URL,
      token: process.env.GRAPHTOKEN_TOKEN,
      label: `${runtime} CommonJS`,
    }),
  )
  .then(
    (line) => console.log(line),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
