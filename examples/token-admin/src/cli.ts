/**
 * token-admin: create, list, rotate and revoke GraphToken tokens with a `manage` token.
 * The manage token comes from GRAPHTOKEN_TOKEN, never from a flag: command lines end up in shell
 * history and in `ps` output.
 */
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  GraphToken,
  isAPIError,
  isGraphTokenError,
  isInvalidArgumentError,
} from '@graphtoken/sdk';
import { UsageError } from './args.ts';
import type { CliIO, Command } from './command.ts';
import { create } from './commands/create.ts';
import { list } from './commands/list.ts';
import { revoke } from './commands/revoke.ts';
import { rotate } from './commands/rotate.ts';

const COMMANDS: readonly Command[] = [create, list, rotate, revoke];

/** Exit codes: 0 done, 1 the API refused or failed, 2 bad command line or configuration. */
export const EXIT = { ok: 0, apiError: 1, usage: 2 } as const;

/** What the CLI reads from its surroundings. */
export interface CliContext extends CliIO {
  /** GRAPHTOKEN_TOKEN (a `manage` token) and GRAPHTOKEN_BASE_URL. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Extra client options (tests shorten retries). */
  readonly client?: Partial<ClientOptions>;
}

/** The overview printed by `token-admin help`. */
export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: token-admin <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show this, or a command's options: token-admin help create`,
    '',
    'Environment:',
    '  GRAPHTOKEN_TOKEN     a token with the manage scope (required)',
    `  GRAPHTOKEN_BASE_URL  the GraphToken API (default ${DEFAULT_BASE_URL})`,
  ].join('\n');
}

/**
 * Runs one command line and returns the exit code.
 *
 * @example
 * await runCli(['list', '--status', 'active'], { env: process.env, stdout: console.log, stderr: console.error, now: () => new Date() })
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = COMMANDS.find((c) => c.name === args[0]);
    context.stdout(topic ? topic.usage : overview());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    context.stderr(`token-admin: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    context.stdout(command.usage);
    return EXIT.ok;
  }

  const token = context.env.GRAPHTOKEN_TOKEN?.trim();
  if (!token) {
    context.stderr(
      'token-admin: set GRAPHTOKEN_TOKEN to a token with the manage scope (e.g. from your secret manager).',
    );
    return EXIT.usage;
  }
  try {
    const client = new GraphToken({
      ...context.client,
      baseUrl: context.env.GRAPHTOKEN_BASE_URL || DEFAULT_BASE_URL,
      token,
    });
    await command.run({ args, client, io: context });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`token-admin ${name}: ${error.message}`);
      return EXIT.usage;
    }
    if (isInvalidArgumentError(error)) {
      // A setting the SDK refused before any request, e.g. a plain-http GRAPHTOKEN_BASE_URL.
      context.stderr(`token-admin: ${error.message}`);
      return EXIT.usage;
    }
    if (isAPIError(error) && error.code === 'malformed_token') {
      // Caught offline by the SDK: the configuration is wrong, nothing was sent.
      context.stderr(`token-admin: GRAPHTOKEN_TOKEN is not a complete token. ${error.message}`);
      return EXIT.usage;
    }
    if (isGraphTokenError(error)) {
      // SDK messages say what to check next and never contain a secret.
      context.stderr(`token-admin ${name}: ${error.name}: ${error.message}`);
      return EXIT.apiError;
    }
    throw error;
  }
}
