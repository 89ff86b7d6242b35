/** `graphtoken mock`: the standalone mock server, started and stopped as a user does. */
import { type ChildProcess, spawn } from 'node:child_process';
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { BIN, graphtoken } from './run-cli.ts';

/** Starts `graphtoken mock --port 0` and resolves with its URL once it prints its banner. */
function startMock(): Promise<{ child: ChildProcess; url: string; banner: () => string }> {
  const child = spawn(process.execPath, [BIN, 'mock', '--port', '0', '--quiet'], { stdio: 'pipe' });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock did not start:\n${out}`)), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, url, banner: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}:\n${out}`)));
  });
}

it('serves the API until SIGTERM, with the options passed through', async () => {
  const { child, url, banner } = await startMock();
  try {
    // The banner's ready-to-paste line and its note on the token (packages/mock/src/cli/banner.ts).
    expect(banner()).toContain(`  GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}\n`);
    expect(banner()).toContain(
      'the bootstrap token (scope manage: it mints the others), a public test secret',
    );
    const run = await graphtoken(['tokens', 'introspect', '--json'], {
      env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: url },
    });
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(run.stdout)).toMatchObject({ token: { id: 'tok_bootstrap0000000' } });
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});

it("prints the mock's own help, and exits 2 on an option it does not know", async () => {
  const help = await graphtoken(['mock', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('--state-file <file>');
  const bad = await graphtoken(['mock', '--prot', '1']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Unknown option '--prot'");
});
