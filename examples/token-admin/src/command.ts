/** What every subcommand gets, and the shape each one has. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { GraphToken } from '@graphtoken/sdk';
import { UsageError } from './args.ts';

/** Where a command writes, and what time it is (the mock's clock in tests). */
export interface CliIO {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => Date;
}

/** What a command runs with: its arguments, a client holding the manage token, and its output. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly client: GraphToken;
  readonly io: CliIO;
}

/** A subcommand: `create`, `list`, `rotate`, `revoke`. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full usage text for `token-admin help <command>`. */
  readonly usage: string;
  run(context: CommandContext): Promise<void>;
}

/** `parseArgs` from node:util, strict, with its errors turned into a {@link UsageError}. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.replace(/\. To specify.*$/s, '')} (see: token-admin help ${command})`);
  }
}
