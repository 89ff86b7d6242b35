/**
 * Where the browser bundle's bytes come from: bundles `import { GraphToken } from '@graphtoken/sdk'`
 * (the built ESM entry) as a browser app would (esbuild, minified, tree-shaken) and prints, per
 * package, the minified bytes in the bundle (esbuild metafile) and its marginal min+gzip cost
 * (the gzip size with the package versus with it left out). `pnpm size` is the gate; this is
 * the "why".
 *
 * Run: `pnpm --filter @graphtoken/sdk build && pnpm --filter @graphtoken/sdk size:why`
 */

import type { Plugin } from 'esbuild';
import { browserVariantsPlugin } from '../build/browser-variant.ts';
import { bundle } from './bundle-size.ts';

const packages = ['ky', 'zod', '@graphtoken/contract'] as const;

/** The package a bundled file belongs to (`zod`, `ky`, `@graphtoken/contract`, `@graphtoken/sdk`). */
function packageOf(file: string): string {
  const inModules = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/);
  if (inModules?.[1]) return inModules[1];
  if (file.includes('packages/contract/') || file.startsWith('../contract/')) return '@graphtoken/contract';
  return '@graphtoken/sdk';
}

const full = await bundle();
const output = Object.values(full.metafile.outputs)[0];
const byPackage = new Map<string, number>();
const byFile: [string, number][] = [];
for (const [file, info] of Object.entries(output?.inputs ?? {})) {
  byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + info.bytesInOutput);
  byFile.push([file.replace(/.*node_modules\//, ''), info.bytesInOutput]);
}

const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
console.log(
  `import { GraphToken }: ${kB(full.minified)} minified, ${kB(full.gzip)} min+gzip (esbuild, gzip -9)\n`,
);
const rows: Record<string, string>[] = [];
for (const name of [...packages, '@graphtoken/sdk']) {
  const without = name === '@graphtoken/sdk' ? undefined : await bundle({ external: [name, `${name}/*`] });
  rows.push({
    package: name,
    minified: kB(byPackage.get(name) ?? 0),
    'marginal min+gzip': without ? kB(full.gzip - without.gzip) : '(the rest)',
    note: name === '@graphtoken/contract' ? 'leaving it out also drops the zod schemas it builds' : '',
  });
}
console.table(rows);
console.log('\nlargest files (minified bytes in the bundle):');
for (const [file, bytes] of byFile.sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`  ${String(bytes).padStart(6)}  ${file}`);
}

// The SDK's own code by source file: the browser build's entry bundled again from src/, with the
// same `.browser.ts` variants tsup uses, so each file's share of the SDK's part shows.
const fromSource = await bundle({
  contents: "import { GraphToken } from './src/index.ts'; globalThis.GraphToken = GraphToken;",
  external: [...packages, ...packages.map((name) => `${name}/*`)],
  // As tsup.config.ts does: `./x.js` resolves to `x.browser.ts` beside it where one exists.
  plugins: [browserVariantsPlugin as Plugin],
});
const ownFiles = Object.entries(Object.values(fromSource.metafile.outputs)[0]?.inputs ?? {})
  .filter(([file]) => file.startsWith('src/'))
  .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
const ownTotal = ownFiles.reduce((sum, [, info]) => sum + info.bytesInOutput, 0);
console.log(
  `\nthe SDK's own code by source file (minified bytes, ${kB(ownTotal)} in all; the contract not included):`,
);
for (const [file, info] of ownFiles) {
  const share = ((info.bytesInOutput / ownTotal) * 100).toFixed(0);
  console.log(`  ${String(info.bytesInOutput).padStart(6)}  ${share.padStart(2)}%  ${file}`);
}
