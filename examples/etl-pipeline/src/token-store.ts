/**
 * Where the pipeline keeps its token: it reads the secret from here (the client's token provider)
 * and writes the successor here after a self-rotation. Not the checkpoint (that file is shared,
 * copied and logged); not the output. A file readable by its owner only, or a vault of yours.
 */
import { type FileHandle, open, readFile, rename, unlink } from 'node:fs/promises';
import { inspect } from 'node:util';

/**
 * A self-rotation that was asked for but whose successor is not stored yet: the token it rotates
 * and the random `Idempotency-Key` it sends. Kept before the request goes out, so a rerun after a
 * crash sends the same key and the API replays the same successor instead of minting a second one.
 * The key protects the successor's secret during the grace period: keep it as private as the secret.
 */
export interface PendingRotation {
  readonly tokenId: string;
  readonly idempotencyKey: string;
}

/** The one place the pipeline's secret lives. Implementations never show it (logs, JSON, inspect). */
export interface TokenStore {
  /** The current secret. Throws when there is none (a missing file, an empty vault entry). */
  read(): Promise<string>;
  /** Replaces the secret with `secret`, durably, before the pipeline sends anything with it. */
  write(secret: string): Promise<void>;
  /** The self-rotation in progress, if any (see {@link PendingRotation}). */
  readPendingRotation(): Promise<PendingRotation | undefined>;
  /** Keeps `pending` durably (before the rotation is sent), or clears it (`undefined`, once the successor is stored). */
  writePendingRotation(pending: PendingRotation | undefined): Promise<void>;
}

/**
 * Writes `text` to `path` atomically with mode 0600: into a temporary file beside it, created
 * exclusively (`wx`: never through a planted file or symlink; one left there is removed, not
 * followed), then renamed over `path`.
 */
async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A leftover of a crash, or something planted: unlink removes the entry itself (a symlink, not its target).
    await unlink(temporary);
    handle = await open(temporary, 'wx', 0o600);
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
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
    await writeFileAtomically(this.path, `${secret}\n`);
  }

  /** The pending rotation lives beside the secret, in `<path>.rotation` (mode 0600). */
  get #rotationPath(): string {
    return `${this.path}.rotation`;
  }

  async readPendingRotation(): Promise<PendingRotation | undefined> {
    let text: string;
    try {
      text = await readFile(this.#rotationPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    const { tokenId, idempotencyKey } = (parsed ?? {}) as Partial<PendingRotation>;
    if (typeof tokenId !== 'string' || typeof idempotencyKey !== 'string') {
      throw new Error(
        `the rotation file ${this.#rotationPath} is damaged: delete it to start a new rotation`,
      );
    }
    return { tokenId, idempotencyKey };
  }

  async writePendingRotation(pending: PendingRotation | undefined): Promise<void> {
    if (pending) {
      await writeFileAtomically(this.#rotationPath, `${JSON.stringify(pending)}\n`);
      return;
    }
    await unlink(this.#rotationPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
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
  #pending: PendingRotation | undefined;

  constructor(secret: string) {
    this.#secret = secret;
  }

  async read(): Promise<string> {
    return this.#secret;
  }

  async write(secret: string): Promise<void> {
    this.#secret = secret;
  }

  async readPendingRotation(): Promise<PendingRotation | undefined> {
    return this.#pending;
  }

  async writePendingRotation(pending: PendingRotation | undefined): Promise<void> {
    this.#pending = pending;
  }

  toJSON(): string {
    return '[MemoryTokenStore]';
  }

  [inspect.custom](): string {
    return this.toJSON();
  }
}
