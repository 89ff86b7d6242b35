/** Runs the built `graphtoken` as a child process, as a user's shell or script does. */
import { spawn } from 'node:child_process';

/** The built command. */
export const BIN = new URL('../dist/bin.js', import.meta.url).pathname;

/** What a run left behind. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link graphtoken}. */
export interface RunOptions {
  /** Extra environment (GRAPHTOKEN_TOKEN…); the parent's is not passed on, except PATH and HOME. */
  readonly env?: Record<string, string | undefined>;
  /** Written to stdin, then closed. Default: stdin closed at once. */
  readonly input?: string | Buffer;
  readonly cwd?: string;
}

/** Runs `graphtoken <args>` and collects its exit code and output. */
export function graphtoken(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
    ...options.env,
  })) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on('error', () => {});
  child.stdin.end(options.input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A whole well-formed secret, anywhere: what must never be printed but once. */
export const SECRET = /gt_[0-9A-Za-z]{36}/g;
