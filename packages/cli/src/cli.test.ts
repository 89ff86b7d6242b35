/**
 * `runCli` in-process, for what a child process cannot show: a terminal on stdout (the secret
 * printed with the token's details) and a failure nobody planned for (exit 9, scrubbed).
 */
import { generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { EXIT_CODES } from './exit-codes.ts';
import type { CliIO } from './io.ts';

let server: GraphTokenMockServer;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

function terminal(overrides: Partial<CliIO> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    stdoutIsTTY: true,
    stderrIsTTY: true,
    env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: server.url },
    cwd: process.cwd(),
    now: () => new Date(),
    ...overrides,
  };
  return { io, out: () => stdout.join('\n'), err: () => stderr.join('\n') };
}

it('prints the secret once on a terminal, with the details and the warning', async () => {
  const { io, out, err } = terminal();
  const code = await runCli(
    ['tokens', 'create', '--name', 'Search indexer', '--scopes', 'read', '--graph', seedIds.graphs.research],
    io,
  );
  expect(code, err()).toBe(EXIT_CODES.ok);
  const secret = /secret {6}(gt_\w+)/.exec(out())?.[1];
  expect(secret).toMatch(/^gt_[0-9A-Za-z]{36}$/);
  expect(out()).toMatch(/^Created token tok_\w+:\n {2}id {10}tok_\w+\n {2}name {8}Search indexer/);
  expect(out()).toContain(`hint        gt_…${secret!.slice(-4)}`);
  expect(out().split(secret!)).toHaveLength(2);
  expect(err()).toContain('⚠ This is the only time the secret');
  expect(err()).not.toContain(secret);
});

it('turns an unexpected failure into exit 9 with a scrubbed message', async () => {
  const secret = generateTokenSecret();
  const { io, err } = terminal({
    stdout: () => {
      throw new Error(`write failed near ${secret}`);
    },
  });
  const code = await runCli(['tokens', 'introspect'], io);
  expect(code).toBe(EXIT_CODES.internal);
  expect(err()).toContain('This is a bug in graphtoken');
  expect(err()).toContain(`gt_…${secret.slice(-4)}`);
  expect(err()).not.toContain(secret);
});

it('reports scan progress on a terminal stderr, erasing its line at the end', async () => {
  const raw: string[] = [];
  const { io, out, err } = terminal({ stderrRaw: (text) => raw.push(text) });
  const code = await runCli(['scan', new URL('.', import.meta.url).pathname], io);
  expect(code, err()).toBe(EXIT_CODES.ok);
  expect(out()).toBe('');
  expect(err()).toMatch(
    /^scanned \d+ files, \d+\.\d MB in \d+\.\d s \(\d+ MB\/s\)\nNo GraphToken secret found/,
  );
  const erase = '\r\u001b[2K';
  for (const text of raw) {
    expect(text.startsWith(erase)).toBe(true);
    expect(text.slice(erase.length)).toMatch(/^(scanning: \d+ files, .* MB\/s\))?$/);
  }
});
