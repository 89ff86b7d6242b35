/**
 * The end-to-end tests run `dist/bin.js`, as users do: build it first when it is missing or older
 * than a source file (`pnpm run test:all` has just built it; a lone `pnpm test` may not have).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const bin = join(root, 'dist/bin.js');
  if (existsSync(bin) && statSync(bin).mtimeMs >= newestSource(join(root, 'src'))) return;
  execFileSync(join(root, 'node_modules/.bin/tsup'), { cwd: root, stdio: 'ignore' });
}
