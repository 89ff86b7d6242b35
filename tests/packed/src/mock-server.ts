/**
 * The standalone mock server, started from the installed tarball's `graphtoken-mock` bin, as a
 * user would. Its banner is parsed for the ready-to-paste `GRAPHTOKEN_BASE_URL=…` and
 * `GRAPHTOKEN_TOKEN=…` lines, so the banner itself is under test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A running mock server: what the SDK needs, and how to stop it. */
export interface RunningMock {
  readonly baseUrl: string;
  readonly token: string;
  readonly banner: string;
  stop(): Promise<void>;
}

/** Starts `graphtoken-mock --port 0` from `consumerDir` and resolves once its banner is complete. */
export function startMockServer(
  nodeBin: string,
  consumerDir: string,
  timeoutMs = 30_000,
): Promise<RunningMock> {
  const bin = join(consumerDir, 'node_modules', '@graphtoken', 'mock', 'dist', 'cli', 'index.js');
  const child: ChildProcess = spawn(nodeBin, [bin, '--port', '0', '--quiet'], {
    cwd: consumerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`graphtoken-mock printed no complete banner within ${timeoutMs / 1000} s:\n${output}`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      const baseUrl = /^\s*GRAPHTOKEN_BASE_URL=(\S+)/m.exec(output)?.[1];
      const token = /^\s*GRAPHTOKEN_TOKEN=(\S+)/m.exec(output)?.[1];
      if (!baseUrl || !token) {
        void stop();
        reject(new Error(`the banner has no GRAPHTOKEN_BASE_URL=… and GRAPHTOKEN_TOKEN=… lines:\n${output}`));
        return;
      }
      resolve({ baseUrl, token, banner: output.trim(), stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`graphtoken-mock exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}
