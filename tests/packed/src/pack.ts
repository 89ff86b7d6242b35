/**
 * The packages as npm would publish them: `pnpm pack` (which turns `workspace:*` into versions),
 * then `npm install` of the tarballs into an empty folder, with npm, as a user would.
 */
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './step.ts';

/** The published packages, by directory under packages/. */
export const PACKAGES = ['contract', 'sdk', 'mock'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/** Packs every package into `outDir`; returns each tarball's path. */
export async function packAll(repoRoot: string, outDir: string): Promise<Record<PackageDir, string>> {
  const tarballs = {} as Record<PackageDir, string>;
  for (const dir of PACKAGES) {
    const cwd = join(repoRoot, 'packages', dir);
    const { code, output } = await runCommand('pnpm', ['pack', '--pack-destination', outDir], {
      cwd,
      timeoutMs: 120_000,
    });
    if (code !== 0) throw new Error(`pnpm pack in packages/${dir} failed (exit ${code}):\n${output}`);
    const file = readdirSync(outDir).find(
      (name) => name.startsWith(`graphtoken-${dir}-`) && name.endsWith('.tgz'),
    );
    if (!file) throw new Error(`pnpm pack in packages/${dir} wrote no tarball:\n${output}`);
    tarballs[dir] = join(outDir, file);
  }
  return tarballs;
}

/**
 * Writes the consumer folder: a package.json that depends on the three tarballs (the overrides make
 * the SDK's and the mock's own `@graphtoken/contract` dependency take the tarball too, since it is
 * not on the registry) and the fixture files (scenario, entries, tsconfigs, worker).
 */
export function writeConsumer(
  consumerDir: string,
  fixturesDir: string,
  tarballs: Record<PackageDir, string>,
): void {
  cpSync(fixturesDir, consumerDir, { recursive: true });
  const pkg = {
    name: 'graphtoken-consumer',
    private: true,
    type: 'module',
    dependencies: {
      '@graphtoken/contract': `file:${tarballs.contract}`,
      '@graphtoken/sdk': `file:${tarballs.sdk}`,
      '@graphtoken/mock': `file:${tarballs.mock}`,
    },
    overrides: { '@graphtoken/contract': '$@graphtoken/contract' },
  };
  writeFileSync(join(consumerDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}
