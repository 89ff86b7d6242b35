/**
 * The scanner behind `graphtoken scan`: reads files, directory trees, streams and git blobs, and
 * collects the secrets {@link findSecrets} finds, by place and hint only. Every file is scanned
 * whole: binary files as bytes (a secret pasted into one is still a secret), files over the chunk
 * size in chunks (a secret across two chunks included); only `.git` and `node_modules` are left out.
 * A file that cannot be read is recorded as `unreadable`, so the scan says it is incomplete.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets, type SecretMatch, SecretStream } from './find-secrets.js';

/** A secret found in one input: where, and its public hint (never the secret). */
export interface Finding extends SecretMatch {
  /** The file, as given or found under a given directory (`-` for stdin; repository path for staged files). */
  readonly path: string;
}

/**
 * Why an input was not scanned. Only `unreadable` is reported: binary files and files over the
 * chunk size are scanned too (`binary` and `too-large` are kept for programs that match on them).
 */
export type SkipReason = 'binary' | 'too-large' | 'unreadable';

/** An input that was not scanned, and why. */
export interface Skipped {
  readonly path: string;
  readonly reason: SkipReason;
  /** For `unreadable`: the system's error code (`EACCES`, `ENOENT`…). */
  readonly code?: string;
}

/** What a scan looked at and what it found. */
export interface ScanResult {
  /** Every secret found, by path, line and column. */
  readonly findings: readonly Finding[];
  /** Files (or blobs, or stdin) read and scanned. */
  readonly files: number;
  /** Bytes read and scanned. */
  readonly bytes: number;
  /** Inputs that could not be read (a scan with any is incomplete). */
  readonly skipped: readonly Skipped[];
}

/** Options of a {@link Scanner}. */
export interface ScannerOptions {
  /**
   * The most bytes of one file held in memory at once: a larger file is read and scanned in
   * chunks of this size, never skipped. Default {@link DEFAULT_MAX_FILE_BYTES}.
   */
  readonly maxFileBytes?: number;
  /** Called after each input with the running totals (for progress output). */
  readonly onProgress?: (files: number, bytes: number) => void;
  /**
   * Keep the secrets found (each once) for {@link Scanner.secrets}: `scan --report` sends them to
   * the API. Default false: a scan then holds no secret, only positions and hints.
   */
  readonly keepSecrets?: boolean;
}

/** The default chunk size: 10 MiB, far above any source or config file (read whole, in one pass). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Directories never descended into: git's own store and installed dependencies. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Git's rule: a NUL byte in the first 8000 bytes makes a file binary. */
const BINARY_PROBE_BYTES = 8000;

/**
 * Whether bytes look binary (a NUL byte near the start), as git decides it. The scanner no longer
 * skips binary files (a secret in one is found); kept for programs that use it.
 */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) !== -1;
}

/** An input scanned piece by piece (a stream, a git blob): {@link Scanner.openStream}. */
export interface ScanStream {
  /** Scans the next piece (the caller may reuse its memory afterwards). */
  push(chunk: Uint8Array): void;
  /** Counts the input as scanned. */
  end(): void;
}

/**
 * Collects findings across many inputs. Files are read synchronously into one reused buffer:
 * for a tree of many small files that is faster than async reads, and memory stays at the
 * chunk size whatever the tree and its files.
 */
export class Scanner {
  readonly #maxFileBytes: number;
  readonly #onProgress: ((files: number, bytes: number) => void) | undefined;
  readonly #findings: Finding[] = [];
  readonly #skipped: Skipped[] = [];
  #files = 0;
  #bytes = 0;
  #buffer: Buffer = Buffer.allocUnsafe(64 * 1024);
  /** With `keepSecrets`: the distinct secrets found (bounded by the findings). */
  readonly #secrets: Set<string> | undefined;
  readonly #onSecret: ((secret: string) => void) | undefined;

  constructor(options: ScannerOptions = {}) {
    this.#maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.#onProgress = options.onProgress;
    const secrets = options.keepSecrets ? new Set<string>() : undefined;
    this.#secrets = secrets;
    this.#onSecret = secrets && ((secret) => secrets.add(secret));
  }

  /** The distinct secrets found so far, when created with `keepSecrets` (else none). Never print them. */
  secrets(): string[] {
    return [...(this.#secrets ?? [])];
  }

  /** The chunk size in bytes (files larger than this are scanned in chunks). */
  get maxFileBytes(): number {
    return this.#maxFileBytes;
  }

  /** Scans bytes already in memory, whatever they hold (text or binary). */
  scanBytes(path: string, bytes: Uint8Array): void {
    for (const match of findSecrets(bytes, undefined, this.#onSecret))
      this.#findings.push({ path, ...match });
    this.#count(bytes.length);
  }

  /**
   * Starts scanning an input that arrives in pieces (a git blob, a stream): a secret across two
   * pieces is found; only a few bytes are carried from one piece to the next.
   */
  openStream(path: string): ScanStream {
    const secrets = new SecretStream(this.#onSecret);
    let bytes = 0;
    return {
      push: (chunk) => {
        bytes += chunk.length;
        for (const match of secrets.push(chunk)) this.#findings.push({ path, ...match });
      },
      end: () => this.#count(bytes),
    };
  }

  /** Records an input that was not scanned. */
  skip(path: string, reason: SkipReason, code?: string): void {
    this.#skipped.push(code === undefined ? { path, reason } : { path, reason, code });
  }

  /**
   * Scans a path: a regular file, or a directory tree (recursively, without following symbolic
   * links, skipping {@link SKIPPED_DIRECTORIES}). Read errors are recorded as `unreadable`.
   */
  scanPath(path: string): void {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      this.skip(path, 'unreadable', errorCode(error));
      return;
    }
    if (isDirectory) this.#scanDirectory(path);
    else this.#scanFile(path);
  }

  /**
   * Scans a stream (stdin, a pipe) chunk by chunk, however long: it is never held whole. A stream
   * that fails (a socket that cannot be opened by path) is recorded as `unreadable`.
   */
  async scanStream(path: string, stream: AsyncIterable<Uint8Array | string>): Promise<void> {
    try {
      await this.#scanStream(path, stream);
    } catch (error) {
      this.skip(path, 'unreadable', errorCode(error));
    }
  }

  async #scanStream(path: string, stream: AsyncIterable<Uint8Array | string>): Promise<void> {
    const scan = this.openStream(path);
    for await (const part of stream) scan.push(typeof part === 'string' ? Buffer.from(part) : part);
    scan.end();
  }

  /** The findings (sorted by path, line, column) and totals so far. */
  result(): ScanResult {
    const findings = [...this.#findings].sort(
      (a, b) => compare(a.path, b.path) || a.line - b.line || a.column - b.column,
    );
    return { findings, files: this.#files, bytes: this.#bytes, skipped: [...this.#skipped] };
  }

  #count(bytes: number): void {
    this.#files++;
    this.#bytes += bytes;
    this.#onProgress?.(this.#files, this.#bytes);
  }

  #scanDirectory(root: string): void {
    const pending = [root];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        this.skip(dir, 'unreadable', errorCode(error));
        continue;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
        } else if (entry.isFile()) {
          this.#scanFile(path);
        }
        // Symbolic links are not followed (no loops, no scanning outside the tree); FIFOs,
        // sockets and devices would block or never end.
      }
    }
  }

  #scanFile(path: string): void {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      this.skip(path, 'unreadable', errorCode(error));
      return;
    }
    try {
      const size = fstatSync(fd).size;
      const chunk = Math.min(size, this.#maxFileBytes);
      if (this.#buffer.length < chunk)
        this.#buffer = Buffer.allocUnsafe(
          Math.min(this.#maxFileBytes, Math.max(chunk, this.#buffer.length * 2)),
        );
      if (size <= this.#maxFileBytes) {
        let length = 0;
        // Up to the size seen when opened: a file being appended to (a log) is read as it was then.
        while (length < size) {
          const n = readSync(fd, this.#buffer, length, size - length, null);
          if (n === 0) break;
          length += n;
        }
        this.scanBytes(path, this.#buffer.subarray(0, length));
        return;
      }
      // Larger than a chunk: read and scanned piece by piece, never held whole, never skipped.
      const scan = this.openStream(path);
      for (let read = 0; read < size; ) {
        const n = readSync(fd, this.#buffer, 0, Math.min(chunk, size - read), null);
        if (n === 0) break;
        read += n;
        scan.push(this.#buffer.subarray(0, n));
      }
      scan.end();
    } catch (error) {
      this.skip(path, 'unreadable', errorCode(error));
    } finally {
      closeSync(fd);
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}
