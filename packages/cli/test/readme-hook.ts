/** The pre-commit hook script from a README, word for word (the first `sh` block that is one). */
import { readFileSync } from 'node:fs';

/** The package's own README. */
export const README = new URL('../README.md', import.meta.url).pathname;

/** Reads the hook block from a README file. */
export function readmeHook(readmePath: string = README): string {
  const readme = readFileSync(readmePath, 'utf8');
  const hook = /```sh\n(#!\/bin\/sh\n[^`]*graphtoken scan --staged[^`]*)```/.exec(readme)?.[1];
  if (!hook) throw new Error(`${readmePath} has no pre-commit hook block`);
  return hook;
}
