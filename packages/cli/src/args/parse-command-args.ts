/** `parseArgs` from node:util, strict, with its errors turned into a {@link UsageError}. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';

/**
 * Parses a command's arguments strictly (an unknown flag or a missing value is a usage error).
 *
 * @param command the command's name, to point at its help (`graphtoken tokens create --help`)
 * @throws {UsageError} with parseArgs' message and where to read the command's options
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs' own hint ("To specify a positional argument starting with a '-'…") confuses more than it helps.
    throw new UsageError(`${message.replace(/\. To specify.*$/s, '')} (see: graphtoken ${command} --help)`);
  }
}

/** Refuses positionals beyond the `expected` count. */
export function noExtraArguments(positionals: readonly string[], expected = 0): void {
  const extra = positionals[expected];
  if (extra !== undefined) throw new UsageError(`unexpected argument "${redactIfSecret(extra)}"`);
}

/** A value that looks like a secret is never echoed back, even in an error. */
export function redactIfSecret(value: string): string {
  return value.includes('gt_') ? '(a token secret: not repeated here)' : value;
}
