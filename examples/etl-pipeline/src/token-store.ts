/**
 * Where the pipeline keeps its token: it reads the secret from here (the client's token provider)
 * and writes the successor here after a self-rotation. Not the checkpoint (that file is shared,
 * copied and logged); not the output. A file readable by its owner only, or a vault of yours.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { inspect } from 'node:util';

/** The one place the pipeline's secret lives. Implementations never show it (logs, JSON, inspect). */
export interface TokenStore {
  /** The current secret. Throws when there is none (a missing file, an empty vault entry). */
  read(): Promise<string>;
  /** Replaces the secret with `secret`, durably, before the pipeline sends anything with it. */
  write(secret: string): Promise<void>;
}

/**
 * The secret in a file (mode 0600), replaced atomically: written to a temporary file beside it
 * and renamed over it, so a crash mid-write leaves the previous secret, never half of one.
 */
export class FileTokenStore implements TokenStore {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<string> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The message names the file, never its content.
      throw new Error(
        `cannot read the token file ${this.path} (${code ?? 'error'}): put the token (gt_…) in it`,
        {
          cause: error,
        },
      );
    }
    const secret = text.trim();
    if (secret === '') throw new Error(`the token file ${this.path} is empty: put the token (gt_…) in it`);
    return secret;
  }

  async write(secret: string): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${secret}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600); // in case the file existed with a wider mode
    await rename(temporary, this.path);
  }

  toJSON(): string {
    return `[FileTokenStore ${this.path}]`;
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}

/** The secret in memory: for tests, or a process that got it from a vault at start. */
export class MemoryTokenStore implements TokenStore {
  #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  async read(): Promise<string> {
    return this.#secret;
  }

  async write(secret: string): Promise<void> {
    this.#secret = secret;
  }

  toJSON(): string {
    return '[MemoryTokenStore]';
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}
