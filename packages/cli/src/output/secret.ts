/**
 * The one place a secret is printed: by `tokens create` and `tokens rotate`, once, as the API
 * returns it once. On a terminal it is shown with the token; anywhere else (a pipe, a CI log) only
 * when the user asked for it with `--secret-only` or `--json`, decided before the request so a
 * secret is never minted and then lost.
 */
import type { Token } from '@graphtoken/sdk';
import type { CliIO } from '../io.js';
import { UsageError } from '../usage-error.js';
import { describeToken } from './format.js';

/** How the secret of a new token is printed. */
export type SecretOutput = 'terminal' | 'secret-only' | 'json';

/** The flags that choose it, for `parseArgs`. */
export const SECRET_OPTIONS = {
  'secret-only': { type: 'boolean', default: false },
} as const;

/**
 * Chooses where the secret goes, before any request.
 *
 * @throws {UsageError} when stdout is not a terminal and neither `--secret-only` nor `--json` was given
 */
export function chooseSecretOutput(
  io: CliIO,
  values: { json?: boolean | undefined; 'secret-only'?: boolean | undefined },
  action: string,
): SecretOutput {
  if (values.json && values['secret-only'])
    throw new UsageError('give either --json or --secret-only, not both');
  if (values.json) return 'json';
  if (values['secret-only']) return 'secret-only';
  if (io.stdoutIsTTY) return 'terminal';
  throw new UsageError(
    `stdout is not a terminal, so the new secret would end up in a pipe or a log. Say that you want it there: ` +
      `--secret-only prints only the secret (to pipe into a secret manager), --json prints the token and the secret. ` +
      `Nothing was ${action}.`,
  );
}

/** Prints a new token and its secret, this once, and the warning (on stderr, so a pipe gets only the data). */
export function printNewSecret(
  io: CliIO,
  output: SecretOutput,
  token: Token,
  secret: string,
  heading: string,
): void {
  if (output === 'secret-only') io.stdout(secret);
  else if (output === 'json') io.stdout(JSON.stringify({ token, secret }, null, 2));
  else {
    io.stdout(heading);
    for (const line of describeToken(token)) io.stdout(line);
    io.stdout('');
    io.stdout(`  secret      ${secret}`);
    io.stdout('');
  }
  io.stderr(
    `⚠ This is the only time the secret of ${token.id} is shown: store it now in your secret manager (or the\n` +
      '  environment of the app that uses it). It cannot be shown again; if you lose it, rotate the token.\n' +
      '  Never commit it or paste it into chats, issues or URLs (`graphtoken scan --staged` catches it in a commit).',
  );
}
