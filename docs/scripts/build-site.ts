/**
 * `pnpm run docs`: the API reference as one static site in docs/site/.
 *
 * - `sdk/` and `mock/`: typedoc of @graphtoken/sdk and @graphtoken/mock (every public entry point);
 * - `api/`: spec/openapi.yaml rendered by Redoc (`redocly build-docs`), one self-contained HTML file;
 * - `index.html`: the page that links them.
 *
 * Open docs/site/index.html, or serve the folder with any static server.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const docsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const repoRoot = resolve(docsDir, '..');
const site = join(docsDir, 'site');
const bin = (name: string) => join(docsDir, 'node_modules', '.bin', name);

function run(what: string, command: string, args: string[]): void {
  console.log(`docs: ${what}`);
  const result = spawnSync(command, args, {
    cwd: docsDir,
    stdio: 'inherit',
    // No usage telemetry or update check from the Redocly CLI: the build needs no network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (result.status !== 0) {
    console.error(`docs: ${what} failed (exit ${result.status ?? result.error?.message})`);
    process.exit(1);
  }
}

/** The packages documented by typedoc: their public entry points, as their `exports` map names them. */
const typedocPackages = [
  { dir: 'sdk', entryPoints: ['src/index.ts'] },
  {
    dir: 'mock',
    entryPoints: ['src/index.ts', 'src/node/index.ts', 'src/browser/index.ts', 'src/http/index.ts'],
  },
] as const;

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

for (const { dir, entryPoints } of typedocPackages) {
  const pkgDir = join(repoRoot, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  run(`typedoc ${pkg.name} → site/${dir}/`, bin('typedoc'), [
    ...entryPoints.flatMap((entry) => ['--entryPoints', join(pkgDir, entry)]),
    '--tsconfig',
    join(pkgDir, 'tsconfig.json'),
    '--readme',
    join(pkgDir, 'README.md'),
    '--name',
    `${pkg.name} ${pkg.version}`,
    '--out',
    join(site, dir),
    '--excludePrivate',
    '--excludeInternal',
    '--logLevel',
    'Error',
    '--disableSources',
  ]);
}

run('redocly build-docs spec/openapi.yaml → site/api/index.html', bin('redocly'), [
  'build-docs',
  join(repoRoot, 'spec', 'openapi.yaml'),
  '--output',
  join(site, 'api', 'index.html'),
  '--title',
  'GraphToken API reference',
  // Redoc's script inside the page, not from Redocly's CDN: the site works offline and from file://.
  '--inlineBundle',
]);

writeFileSync(join(site, 'index.html'), indexPage());
console.log(`docs: site/index.html written; open ${join(site, 'index.html')}`);

function indexPage(): string {
  const describe = (dir: string) =>
    (
      JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')) as {
        description: string;
      }
    ).description;
  const escapeHtml = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphToken API reference</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.8rem; } li { margin: 0.8rem 0; } a { font-weight: 600; }
</style>
</head>
<body>
<h1>GraphToken API reference</h1>
<ul>
  <li><a href="api/index.html">HTTP API</a>: every operation, scope, status and error code of <code>spec/openapi.yaml</code> (OpenAPI 3.1).</li>
  <li><a href="sdk/index.html">@graphtoken/sdk</a>: ${escapeHtml(describe('sdk'))}</li>
  <li><a href="mock/index.html">@graphtoken/mock</a>: ${escapeHtml(describe('mock'))}</li>
</ul>
</body>
</html>
`;
}
