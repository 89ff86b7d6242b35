import { version } from '../../package.json';
import { isLoopback } from '../http/access-policy.js';
import { loadSeedFile, MockFileError } from '../http/seed-file.js';
import {
  type GraphTokenMockServer,
  MockServerError,
  startGraphTokenMockServer,
} from '../http/start-server.js';
import { BOOTSTRAP_TOKEN, type MockSeed } from '../index.js';
import { parseCliArgs, UsageError } from './args.js';
import { banner } from './banner.js';
import { USAGE } from './usage.js';

/** Where the CLI writes: stdout for the banner and the request log, stderr for errors. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * What {@link runCli} leaves behind: an exit code, or a running server to stop on a signal, and
 * `failed`, which resolves (with the exit code, 1) if the state file cannot be written: the error
 * is on stderr by then, and the server must be closed.
 */
export type CliResult = { exitCode: number } | { server: GraphTokenMockServer; failed: Promise<number> };

/** The version of @graphtoken/mock. */
export const VERSION: string = version;

function seedHasBootstrap(seed: MockSeed | undefined): boolean {
  return seed === undefined || (seed.tokens ?? []).some((t) => t.secret === BOOTSTRAP_TOKEN);
}

/**
 * Runs `graphtoken-mock` with the given arguments: prints help or the version, or starts the
 * server and prints where it listens. Errors a user can fix (unknown flag, port in use, bad seed or
 * state file) become one clear line on stderr and exit code 2 (usage) or 1 (cannot start).
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliResult> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`graphtoken-mock: ${error.message}\n\n${USAGE}`);
    return { exitCode: 2 };
  }
  if (command.kind === 'help') {
    output.out(USAGE);
    return { exitCode: 0 };
  }
  if (command.kind === 'version') {
    output.out(VERSION);
    return { exitCode: 0 };
  }
  const { options, quiet } = command;
  try {
    const seed = typeof options.seed === 'string' ? loadSeedFile(options.seed) : undefined;
    let fail: (code: number) => void = () => {};
    const failed = new Promise<number>((resolve) => {
      fail = resolve;
    });
    const server = await startGraphTokenMockServer({
      ...options,
      ...(seed !== undefined ? { seed } : {}),
      ...(quiet ? {} : { log: (line: string) => output.out(line) }),
      onStateFileFailure: (error) => {
        output.err(`graphtoken-mock: ${error.message}`);
        fail(1);
      },
      onWarning: (message) => output.err(`graphtoken-mock: warning: ${message}`),
    });
    const lines = [banner({ url: server.url, version: VERSION, bootstrap: seedHasBootstrap(seed) })];
    if (server.adminDisabledReason !== undefined) {
      lines.push(`  admin endpoints OFF: ${server.adminDisabledReason}.`);
    } else if (options.adminToken !== undefined) {
      lines.push('  admin endpoints need Authorization: Bearer <your admin token>');
    }
    if (!isLoopback(server.host)) {
      lines.push(
        `  warning: listening on ${server.host} makes the mock reachable from the network, with a public bootstrap token; it answers Host names 127.0.0.1, localhost, ${server.host}${options.allowedHosts ? `, ${options.allowedHosts.join(', ')}` : ''} (add more with --allowed-host)`,
      );
    }
    if (options.stateFile !== undefined) {
      lines.push(
        server.stateFileStatus === 'migrated'
          ? `  state: ${options.stateFile} (migrated from the JSON state file of an earlier version; the old file is kept as ${options.stateFile}.bak)`
          : `  state: ${options.stateFile} (${server.stateFileStatus ?? 'new'})`,
      );
    }
    lines.push('Press Ctrl+C to stop.');
    output.out(lines.join('\n'));
    return { server, failed };
  } catch (error) {
    if (error instanceof MockServerError || error instanceof MockFileError) {
      const message =
        error instanceof MockServerError && error.code === 'EADDRINUSE'
          ? `port ${options.port} is in use on ${options.host}: pick another with --port, or --port 0 for any free port`
          : error.message;
      output.err(`graphtoken-mock: ${message}`);
      return { exitCode: 1 };
    }
    throw error;
  }
}
