/** The shape of a `graphtoken` command, and what each one runs with. */
import type { CliIO } from '../io.js';

/** A command: `tokens list`, `scan`, `mock`… */
export interface Command {
  /** The name after `graphtoken` (`tokens list`, `scan`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full usage text, printed by `--help`. */
  readonly usage: string;
  /** Runs the command; resolves to its exit code. Throws a UsageError or an SDK error on failure. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}
