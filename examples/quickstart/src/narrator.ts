/**
 * The walkthrough's voice: numbered steps, ✓ for what worked, ✗ for what the API refused (on
 * purpose), and a record of every outcome so the test can check the story it tells.
 */

/** How a request turned out: it worked, or the API refused it with an error. */
export type Outcome =
  | { readonly kind: 'ok'; readonly text: string }
  | {
      readonly kind: 'refused';
      readonly text: string;
      /** The error class the SDK threw (`TokenRevokedError`, ...). */
      readonly errorName: string;
      /** The API error code (`token_revoked`, ...), when the server answered. */
      readonly code: string | undefined;
      readonly status: number | undefined;
      /** The message a user of your app would see. */
      readonly message: string;
    };

/** One numbered step of the walkthrough and what happened in it. */
export interface StepRecord {
  readonly number: number;
  readonly title: string;
  readonly outcomes: Outcome[];
}

/** The fields of an SDK error that the transcript shows. */
export interface ErrorLike {
  readonly name: string;
  readonly message: string;
  readonly status?: number | undefined;
  readonly code?: string | undefined;
}

const INDENT = '   ';
const WIDTH = 96;

/** Splits a long text into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes the walkthrough as readable text and records each step's outcomes. */
export class Narrator {
  readonly steps: StepRecord[] = [];
  readonly #write: (line: string) => void;

  /** @param write receives each line of the transcript (`console.log` in the CLI, an array in tests). */
  constructor(write: (line: string) => void) {
    this.#write = write;
  }

  /** A title line, underlined. */
  heading(text: string): void {
    this.#write(text);
    this.#write('='.repeat(text.length));
  }

  /** A paragraph outside any step. */
  say(text = ''): void {
    this.#write(text);
  }

  /** Starts the next numbered step, with a one-line explanation of why it matters. */
  step(title: string, why?: string): void {
    const record: StepRecord = { number: this.steps.length + 1, title, outcomes: [] };
    this.steps.push(record);
    this.#write('');
    this.#write(`${record.number}. ${title}`);
    if (why) this.#write(`${INDENT}${why}`);
  }

  /** A request that worked. */
  ok(text: string): void {
    this.#current().outcomes.push({ kind: 'ok', text });
    this.#write(`${INDENT}✓ ${text}`);
  }

  /** A request the API refused, as the walkthrough expected: shows the error a user would see. */
  refused(text: string, error: ErrorLike): void {
    this.#current().outcomes.push({
      kind: 'refused',
      text,
      errorName: error.name,
      code: error.code,
      status: error.status,
      message: error.message,
    });
    const label = error.code ? `${error.name} (${error.status} ${error.code})` : error.name;
    this.#write(`${INDENT}✗ ${text}: ${label}`);
    for (const line of wrap(`"${error.message}"`, WIDTH)) this.#write(`${INDENT}  ${line}`);
  }

  /** A detail under the current step (a value, a hint). */
  detail(text: string): void {
    this.#write(`${INDENT}  ${text}`);
  }

  /** A piece of advice, set apart so a reader notices it. */
  note(text: string): void {
    this.#write(`${INDENT}! ${text}`);
  }

  #current(): StepRecord {
    const step = this.steps.at(-1);
    if (!step) throw new Error('call step() before recording an outcome');
    return step;
  }
}
