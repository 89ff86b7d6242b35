/**
 * `graphtoken`: dispatch, help, and how every failure becomes one message on stderr and an exit
 * code from {@link EXIT_CODES}. No output line ever holds a secret, except the secret a `create`
 * or `rotate` prints on purpose, once.
 */
import { DEFAULT_BASE_URL, isGraphTokenError, scrubSecrets } from '@graphtoken/sdk';
import { version } from '../package.json';
import { audit } from './commands/audit.js';
import type { Command } from './commands/command.js';
import { mock } from './commands/mock.js';
import { scan } from './commands/scan.js';
import { TOKEN_COMMANDS } from './commands/tokens/index.js';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage-error.js';

/** The version of @graphtoken/cli. */
export const VERSION: string = version;

const COMMANDS: readonly Command[] = [...TOKEN_COMMANDS, audit, scan, mock];

/** The overview printed by `graphtoken --help`. */
export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const line = (c: Command) => `  ${c.name.padEnd(width)}${c.summary}`;
  return `Usage: graphtoken <command> [options]

Tokens (GRAPHTOKEN_TOKEN: a token with the manage scope; introspect, rotate --self and revoke --self take any token):
${TOKEN_COMMANDS.map(line).join('\n')}
${line(audit)}

Secrets (no token needed; scan --report sends what it finds to the API for revocation):
${line(scan)}

Local API:
${line(mock)}

  ${'help [command]'.padEnd(width)}this, or a command's options: graphtoken help tokens create
  ${'--version'.padEnd(width)}print the version

Environment:
  GRAPHTOKEN_TOKEN     your token (never passed as a flag: command lines stay in shell history)
  GRAPHTOKEN_BASE_URL  the GraphToken API (default ${DEFAULT_BASE_URL}); --base-url overrides it

Exit codes: 0 done · 1 scan found secrets · 2 usage or configuration · 3 authentication ·
4 permission · 5 not found · 6 request rejected · 7 rate limited · 8 API unreachable · 9 bug`;
}

/** Finds the command an argument list names: `tokens list …`, `scan …`. */
function route(argv: readonly string[]): { command: Command; args: readonly string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, args: argv.slice(words.length) };
  }
  return undefined;
}

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/**
 * Runs one `graphtoken` command line and resolves to its exit code (see {@link EXIT_CODES}).
 *
 * @example
 * const code = await runCli(['tokens', 'list', '--json'], io);
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [first] = argv;
  if (first === undefined || isHelp(first)) {
    io.stdout(overview());
    return EXIT_CODES.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(VERSION);
    return EXIT_CODES.ok;
  }
  if (first === 'help') {
    const topic = argv.length > 1 ? route(argv.slice(1)) : undefined;
    io.stdout(topic ? topic.command.usage : overview());
    return EXIT_CODES.ok;
  }
  const found = route(argv);
  if (!found) {
    const what = first === 'tokens' && argv[1] !== undefined ? `tokens ${argv[1]}` : first;
    const known = first === 'tokens' ? TOKEN_COMMANDS.map((c) => c.name.slice(7)).join(', ') : undefined;
    io.stderr(
      first === 'tokens' && argv[1] === undefined
        ? `graphtoken tokens: which one? ${known} (graphtoken help)`
        : `graphtoken: unknown command "${scrubSecrets(what)}"${known ? `: use one of ${known}` : ''} (graphtoken help lists them)`,
    );
    return EXIT_CODES.usage;
  }
  const { command, args } = found;
  // The mock's own parser handles its --help; everyone else's help is printed here.
  if (command !== mock && args.some(isHelp)) {
    io.stdout(command.usage);
    return EXIT_CODES.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const code = exitCodeFor(error);
    io.stderr(scrubSecrets(describeFailure(command, error)));
    return code;
  }
}

function describeFailure(command: Command, error: unknown): string {
  const prefix = `graphtoken ${command.name}:`;
  if (error instanceof UsageError) return `${prefix} ${error.message}`;
  // SDK messages say what to check next and never contain a secret.
  if (isGraphTokenError(error)) return `${prefix} ${error.name}: ${error.message}`;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${prefix} unexpected error (${message}). This is a bug in graphtoken: please report it with the command you ran (leave any secret out).`;
}
