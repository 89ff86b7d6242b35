/**
 * Edge-worker check: bundles the SDK's ESM entry with everything it imports (ky, zod/mini,
 * @graphtoken/contract) for a neutral platform, as a Cloudflare Worker or Vercel Edge build would,
 * and fails if anything reaches for a Node built-in (`node:*`, `fs`, `buffer`…) or a CommonJS
 * `require`. Those would break in workers and browsers.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && pnpm --filter @graphtoken/sdk check:edge`
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

const found: string[] = [];
/** Records every import of a Node built-in (with its importer) instead of letting the build fail on the first. */
const nodeBuiltins: Plugin = {
  name: 'node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (
        args.path.startsWith('node:') ||
        builtins.has(args.path) ||
        builtins.has(args.path.split('/')[0] ?? '')
      ) {
        found.push(`${args.path} (imported by ${args.importer})`);
        return { path: args.path, external: true };
      }
      return undefined;
    });
  },
};

const result = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  // What worker bundlers resolve: the `worker`/`browser` conditions, then the ESM `import` one.
  conditions: ['workerd', 'worker', 'browser', 'import'],
  mainFields: ['module', 'main'],
  metafile: true,
  logLevel: 'silent',
  plugins: [nodeBuiltins],
});

const inputs = Object.keys(result.metafile.inputs);
const code = result.outputFiles[0]?.text ?? '';
const problems = [...found];
if (/\brequire\(/.test(code)) problems.push('a CommonJS require( call in the bundle');

if (problems.length > 0) {
  console.error(`The SDK's ESM bundle is not edge-safe:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `edge-safe: the ESM bundle (${inputs.length} modules, ${(code.length / 1024).toFixed(1)} KiB unminified) imports no Node built-in and no require()`,
);
