/**
 * The client every `tokens` command uses, built from GRAPHTOKEN_TOKEN (or `--token-file`) and
 * GRAPHTOKEN_BASE_URL (or `--base-url`). The token is never taken as a flag value: command lines
 * end up in shell history and in `ps` output.
 */
import { readFileSync } from 'node:fs';
import {
  checkTokenFormat,
  DEFAULT_BASE_URL,
  describeTokenFormatProblem,
  GraphToken,
  redactToken,
} from '@graphtoken/sdk';
import type { CliIO } from '../../io.js';
import { UsageError } from '../../usage-error.js';

/** The options every `tokens` command takes, for `parseArgs`. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  'token-file': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Their usage lines. */
export const CONNECTION_USAGE = `Common options:
  --json                  machine-readable output on stdout (JSON)
  --base-url <url>        the GraphToken API (default: GRAPHTOKEN_BASE_URL, else ${DEFAULT_BASE_URL})
  --token-file <path>     read the token from this file instead of GRAPHTOKEN_TOKEN
  -h, --help              show this help`;

/** The connection flags, as parsed. */
export interface ConnectionValues {
  readonly 'base-url'?: string | undefined;
  readonly 'token-file'?: string | undefined;
}

/** The configured token (never printed) and the client that sends it. */
export interface Connection {
  readonly client: GraphToken;
  /** The token's public hint (`gt_…abcd`), to name it in messages. */
  readonly hint: string;
}

/**
 * Builds the client from the environment and the connection flags, checking the token's format
 * offline first.
 *
 * @param needs what the token must be able to do, for the message when none is configured
 * @throws {UsageError} when no token is configured, the file cannot be read, or the token is malformed
 */
export function connect(
  io: CliIO,
  values: ConnectionValues,
  needs = 'a token with the manage scope',
): Connection {
  const { token, source } = readToken(io, values['token-file'], needs);
  const format = checkTokenFormat(token);
  if (!format.ok) {
    throw new UsageError(
      `${source} is not a complete GraphToken token: ${describeTokenFormatProblem(format.problem)}.`,
    );
  }
  const client = new GraphToken({
    token,
    baseUrl: values['base-url'] || io.env.GRAPHTOKEN_BASE_URL || DEFAULT_BASE_URL,
  });
  return { client, hint: redactToken(token) };
}

function readToken(io: CliIO, file: string | undefined, needs: string): { token: string; source: string } {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      throw new UsageError(`cannot read --token-file ${file} (${code}): check the path and its permissions`);
    }
    const token = text.trim();
    if (!token) throw new UsageError(`--token-file ${file} is empty: put the token in it (one line)`);
    return { token, source: `the token in ${file}` };
  }
  const token = io.env.GRAPHTOKEN_TOKEN?.trim();
  if (!token) {
    throw new UsageError(
      `set GRAPHTOKEN_TOKEN to ${needs} (e.g. from your secret manager), or pass --token-file <path>.`,
    );
  }
  return { token, source: 'GRAPHTOKEN_TOKEN' };
}
