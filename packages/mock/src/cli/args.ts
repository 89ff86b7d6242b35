import { parseArgs } from 'node:util';
import { isDateTime } from '@graphtoken/contract';
import type { GraphTokenMockServerOptions } from '../http/start-server.js';

/** The port the CLI listens on unless told otherwise. */
export const DEFAULT_PORT = 4010;

/** A command line the CLI cannot run; the message says what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What a command line asks for. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; options: GraphTokenMockServerOptions & { port: number; host: string }; quiet: boolean };

/**
 * Parses `N/SECONDS` (e.g. `100/60`: 100 requests per 60 seconds per token).
 *
 * @throws {UsageError} when the text is not of that form.
 */
export function parseRateLimit(
  text: string,
  flag = '--rate-limit',
): { limit: number; windowSeconds: number } {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || !(windowSeconds > 0)) {
    throw new UsageError(`${flag} must be N/SECONDS with N >= 1, e.g. 100/60 (got "${text}")`);
  }
  return { limit, windowSeconds };
}

function parseInteger(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  }
  return Number(text);
}

/**
 * Parses the `graphtoken-mock` command line with `util.parseArgs` (strict: an unknown flag or a
 * stray argument is a {@link UsageError}). `env` supplies `GRAPHTOKEN_MOCK_ADMIN_TOKEN` when
 * `--admin-token` is not given (a secret on the command line shows in `ps`).
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // parseArgs' messages are clear ("Unknown option '--prot'"); keep them, drop its error code.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const options: GraphTokenMockServerOptions & { port: number; host: string } = {
    port: values.port === undefined ? DEFAULT_PORT : parseInteger('--port', values.port, 0, 65535),
    host: values.host ?? '127.0.0.1',
  };
  if (options.host.trim() === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1');
  if (values.seed !== undefined) options.seed = values.seed;
  if (values['state-file'] !== undefined) options.stateFile = values['state-file'];
  if (values.latency !== undefined) options.latency = parseInteger('--latency', values.latency, 0, 60_000);
  if (values['rate-limit'] !== undefined) options.rateLimit = parseRateLimit(values['rate-limit']);
  if (values['leak-report-limit'] !== undefined) {
    options.leakReportLimit = parseRateLimit(values['leak-report-limit'], '--leak-report-limit');
  }
  if (values['cors-origin'] !== undefined) {
    for (const origin of values['cors-origin']) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+\/?$/i.test(origin)) {
        throw new UsageError(
          `--cors-origin must be * or an origin such as http://localhost:5173 (got "${origin}")`,
        );
      }
    }
    options.corsOrigins = values['cors-origin'];
  }
  if (values['allowed-host'] !== undefined) {
    for (const name of values['allowed-host']) {
      if (!/^[^\s/:]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/.test(name)) {
        throw new UsageError(`--allowed-host must be a host name, optionally with :port (got "${name}")`);
      }
    }
    options.allowedHosts = values['allowed-host'];
  }
  const adminToken = values['admin-token'] ?? env.GRAPHTOKEN_MOCK_ADMIN_TOKEN;
  if (adminToken !== undefined) {
    if (!/^[\x21-\x7e]{16,256}$/.test(adminToken)) {
      // Never echo the value: it is a secret.
      throw new UsageError('--admin-token must be 16 to 256 visible ASCII characters (no spaces)');
    }
    options.adminToken = adminToken;
  }
  if (values['journal-size'] !== undefined) {
    options.journalSize = parseInteger('--journal-size', values['journal-size'], 1, 10_000_000);
  }
  if (values['journal-body-bytes'] !== undefined) {
    options.journalBodyBytes = parseInteger('--journal-body-bytes', values['journal-body-bytes'], 0, 2 ** 32);
  }
  if (values.now !== undefined) {
    if (!isDateTime(values.now)) {
      throw new UsageError(
        `--now must be an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z (got "${values.now}")`,
      );
    }
    options.now = values.now;
  }
  return { kind: 'serve', options, quiet: values.quiet ?? false };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'H' },
      seed: { type: 'string', short: 's' },
      'state-file': { type: 'string' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'leak-report-limit': { type: 'string' },
      'journal-size': { type: 'string' },
      'journal-body-bytes': { type: 'string' },
      now: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
