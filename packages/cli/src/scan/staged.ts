/**
 * The staged changes, read from git's index (not the working tree): what `git commit` is about to
 * record. `git diff --cached --raw` names the staged blobs of added and modified regular files;
 * `git cat-file --batch` streams their content, one blob at a time.
 */
import { spawn } from 'node:child_process';
import { UsageError } from '../usage-error.js';
import type { Scanner, ScanStream } from './scanner.js';

/** A staged regular file: its path from the repository root and the id of its staged blob. */
export interface StagedBlob {
  readonly path: string;
  readonly blob: string;
}

/** File modes of regular files; symbolic links (120000) and submodules (160000) hold no file text. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/**
 * Lists the staged blobs of added, modified and type-changed regular files, in the repository
 * that contains `cwd` (the index git itself uses: `GIT_INDEX_FILE` is honoured, as in a hook).
 *
 * @throws {UsageError} when git is missing or `cwd` is not in a git repository
 */
export async function listStagedBlobs(cwd: string, env: NodeJS.ProcessEnv): Promise<StagedBlob[]> {
  const raw = await git(
    ['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', '--diff-filter=AMT'],
    cwd,
    env,
  );
  const fields = raw.toString('utf8').split('\0');
  const staged: StagedBlob[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // `:<old mode> <new mode> <old blob> <new blob> <status>` then the path.
    const [, mode, , blob] = fields[i]!.slice(1).split(' ');
    if (mode && blob && REGULAR_FILE_MODES.has(mode)) staged.push({ path: fields[i + 1]!, blob });
  }
  return staged;
}

/**
 * Scans the staged blobs, each one streamed from `git cat-file --batch` and scanned as it arrives
 * (binary or large blobs too: never skipped, never held whole).
 */
export async function scanStaged(scanner: Scanner, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const staged = await listStagedBlobs(cwd, env);
  if (staged.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = exitOf(child);
  child.stdin.end(`${staged.map((s) => s.blob).join('\n')}\n`);
  let next = 0;
  let current: ScanStream | undefined;
  const reader = new BatchReader({
    missing: () => scanner.skip(staged[next++]!.path, 'unreadable', 'ENOENT'),
    start: () => {
      current = scanner.openStream(staged[next++]!.path);
    },
    data: (bytes) => current!.push(bytes),
    end: () => current!.end(),
  });
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) reader.push(chunk);
  const { code, stderr } = await exited;
  if (code !== 0 || next !== staged.length || !reader.idle) {
    throw new UsageError(
      `git could not read the staged files (git cat-file exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}): check the repository with git fsck`,
    );
  }
}

/** What {@link BatchReader} reports, object by object. */
interface BatchHandler {
  /** `<id> missing`: the object is not in the repository. */
  missing(): void;
  /** An object's content begins. */
  start(): void;
  /** The next piece of its content (valid only during the call). */
  data(bytes: Buffer): void;
  /** Its content is complete. */
  end(): void;
}

/**
 * Parses `git cat-file --batch` output: for each object `<id> <type> <size>\n<content>\n`, or
 * `<id> missing\n`. Content is handed on as it streams by, never held whole.
 */
class BatchReader {
  #pending: Buffer = Buffer.alloc(0);
  /** Content bytes of the current object still to come. */
  #remaining = 0;
  /** Whether inside an object: its content, then the newline that ends it. */
  #inObject = false;
  readonly #handler: BatchHandler;

  constructor(handler: BatchHandler) {
    this.#handler = handler;
  }

  /** Whether the output ended between objects (not cut off inside one). */
  get idle(): boolean {
    return !this.#inObject && this.#pending.length === 0;
  }

  push(chunk: Buffer): void {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.#inObject) {
        if (this.#remaining > 0) {
          const take = Math.min(this.#remaining, data.length);
          this.#handler.data(data.subarray(0, take));
          this.#remaining -= take;
          data = data.subarray(take);
          continue;
        }
        // The newline after the content.
        data = data.subarray(1);
        this.#inObject = false;
        this.#handler.end();
        continue;
      }
      const end = data.indexOf(0x0a);
      if (end === -1) {
        this.#pending = Buffer.from(data);
        break;
      }
      const header = data.toString('utf8', 0, end).split(' ');
      data = data.subarray(end + 1);
      if (header[1] === 'missing') {
        this.#handler.missing();
        continue;
      }
      this.#remaining = Number(header[2]);
      this.#inObject = true;
      this.#handler.start();
    }
  }
}

function exitOf(child: ReturnType<typeof spawn>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new UsageError('--staged needs git: install it, or make sure `git` is on PATH')
          : error,
      ),
    );
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs git and returns its stdout; a failure becomes a UsageError with git's own words. */
async function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = exitOf(child);
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) chunks.push(chunk);
  const { code, stderr } = await exited;
  if (code !== 0) {
    const said = stderr.trim().split('\n')[0] ?? '';
    throw new UsageError(
      `--staged reads the changes staged for commit, but git failed (${said || `exit ${code}`}): run it inside a git repository`,
    );
  }
  return Buffer.concat(chunks);
}
