/**
 * `graphtoken mock`: the standalone GraphToken API mock (`graphtoken-mock` from @graphtoken/mock),
 * run in this process with the options passed through unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from './command.js';

/** Where the installed @graphtoken/mock keeps its `graphtoken-mock` bin. */
export function mockBinUrl(): URL {
  const packageJson = new URL(import.meta.resolve('@graphtoken/mock/package.json'));
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  const path = bin['graphtoken-mock'];
  if (!path) throw new Error('@graphtoken/mock has no graphtoken-mock bin: reinstall @graphtoken/cli');
  return new URL(path, packageJson);
}

/** The `mock` command. */
export const mock: Command = {
  name: 'mock',
  summary: 'run the GraphToken API mock as a local HTTP server (graphtoken mock --help)',
  usage: `Usage: graphtoken mock [options]

Runs graphtoken-mock from @graphtoken/mock: the whole /v1 API over HTTP on 127.0.0.1, with
real state and a bootstrap token (printed at start). Every option is passed through; see
them with: graphtoken mock --help`,

  async run(args) {
    // The mock's bin reads its options from process.argv and runs until SIGINT/SIGTERM; it sets
    // process.exitCode itself when it stops at once (help, version, a usage error).
    const bin = mockBinUrl();
    process.argv = [process.argv[0]!, fileURLToPath(bin), ...args];
    await import(bin.href);
    return Number(process.exitCode ?? 0);
  },
};
