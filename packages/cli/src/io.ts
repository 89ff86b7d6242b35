/** What the CLI reads from and writes to: the process in `bin.ts`, a recording in tests. */

/** The CLI's surroundings. Every line written goes through here, so tests can check each one. */
export interface CliIO {
  /** Writes one line to standard output (results, and a secret only when the user asked for it). */
  readonly stdout: (line: string) => void;
  /** Writes one line to standard error (errors, warnings, progress). */
  readonly stderr: (line: string) => void;
  /** Writes raw text to standard error, without a line break (a progress line redrawn with `\r`). */
  readonly stderrRaw?: (text: string) => void;
  /** Whether standard output is a terminal (a person reads it, no log keeps it). */
  readonly stdoutIsTTY: boolean;
  /** Whether standard error is a terminal (progress is shown by default). */
  readonly stderrIsTTY: boolean;
  /** The environment: `GRAPHTOKEN_TOKEN`, `GRAPHTOKEN_BASE_URL`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for `scan -`. */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  /** The working directory (where `scan --staged` runs git). */
  readonly cwd: string;
  /** The current time (durations such as `--expires-in 30d` count from it). */
  readonly now: () => Date;
}
