import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { GraphToken, type Scope } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { type AppContext, runApp } from './app.ts';
import { ExitCode } from './exit-codes.ts';

// Starts the mock before the tests, resets it (state, clock, faults, recorded requests) after each.
const mock = useGraphTokenMock();

const { research, team } = seedIds.graphs;
const admin = new GraphToken({ baseUrl: mock.baseUrl, token: BOOTSTRAP_TOKEN });

/** Mints a token the way a graph owner would, and returns its secret. */
async function mint(scopes: Scope[], graphIds: string[] = [research], expiresAt?: string) {
  const { token, secret } = await admin.tokens.create({
    name: 'Reader app',
    scopes,
    graphIds,
    ...(expiresAt ? { expiresAt } : {}),
  });
  return { id: token.id, secret };
}

/** Runs the app in-process with this environment; collects its output. */
async function run(env: Record<string, string>, client: AppContext['client'] = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sleeps: number[] = [];
  const code = await runApp({
    env: { GRAPHTOKEN_BASE_URL: mock.baseUrl, ...env },
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    // Tests check what the app does once the SDK gives up, so the SDK does not retry here.
    client: { maxRetries: 0, ...client },
  });
  const out = { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), sleeps };
  // Whatever happened, no secret may reach the output: only a hint (gt_…abcd).
  expect(`${out.stdout}\n${out.stderr}`).not.toMatch(/gt_[0-9A-Za-z]{5,}/);
  return out;
}

describe('with a working read-only token', () => {
  it("prints the blocks of the token's first graph and exits 0", async () => {
    const { secret } = await mint(['read']);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('Research notes (gr_research)');
    expect(result.stdout).toContain('- Note G: computing Bernoulli numbers');
    expect(result.stdout).toMatch(/\d+ blocks$/);
    expect(result.stderr).toBe('');
  });

  it('reads the graph GRAPHTOKEN_GRAPH_ID names', async () => {
    const { secret } = await mint(['read'], [research, team]);
    const result = await run({ GRAPHTOKEN_TOKEN: secret, GRAPHTOKEN_GRAPH_ID: team });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('Team wiki (gr_team)');
  });

  it('reads a big graph page by page', async () => {
    mock.store.addBlocks(
      research,
      Array.from({ length: 120 }, (_, i) => `Imported note ${i + 1}`),
    );
    const { secret } = await mint(['read']);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('- Imported note 120');
    expect(result.stdout).toMatch(/\n123 blocks$/);
    expect(mock.requests.count({ operationId: 'listBlocks' })).toBe(3); // 50 per page by default
  });

  it('warns when the token can do more than read', async () => {
    const { secret } = await mint(['write']);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain('Warning: this app only reads, but token "Reader app" also has write');
  });
});

describe('when the token is missing or incomplete', () => {
  it('asks for a token when GRAPHTOKEN_TOKEN is not set, without calling the API', async () => {
    const result = await run({});
    expect(result.code).toBe(ExitCode.config);
    expect(result.stderr).toContain('No token: set GRAPHTOKEN_TOKEN');
    expect(mock.requests.all()).toHaveLength(0);
  });

  it('refuses a plain-http GRAPHTOKEN_BASE_URL, which would send the token in clear', async () => {
    const { secret } = await mint(['read']);
    const result = await run({
      GRAPHTOKEN_TOKEN: secret,
      GRAPHTOKEN_BASE_URL: 'http://graphtoken.example.com',
    });
    expect(result.code).toBe(ExitCode.config);
    expect(result.stderr).toContain('Error: GRAPHTOKEN_BASE_URL is not usable: ');
    expect(result.stderr).toContain('plain http');
  });

  it.each([
    { given: 'truncated', mangle: (s: string) => s.slice(0, -3) },
    {
      given: 'mistyped',
      mangle: (s: string) => `${s.slice(0, 10)}${s[10] === 'a' ? 'b' : 'a'}${s.slice(11)}`,
    },
    { given: 'quoted', mangle: (s: string) => `"${s}"` },
    { given: 'a token id instead of the secret', mangle: () => 'tok_abc123' },
  ])('tells the user to copy the full token when it is $given, offline', async ({ mangle }) => {
    const { secret } = await mint(['read']);
    mock.requests.clear();
    const result = await run({ GRAPHTOKEN_TOKEN: mangle(secret) });
    expect(result.code).toBe(ExitCode.config);
    expect(result.stderr).toContain('GRAPHTOKEN_TOKEN is not a complete GraphToken token: ');
    expect(result.stderr).toContain('Copy the full token again');
    expect(mock.requests.all()).toHaveLength(0);
  });
});

describe('when the token no longer works', () => {
  it('asks for a new token when it was revoked', async () => {
    const { id, secret } = await mint(['read']);
    await admin.tokens.revoke(id);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.tokenInvalid);
    expect(result.stderr).toMatch(/The token in GRAPHTOKEN_TOKEN \(gt_…\w{4}\) has been revoked/);
    expect(result.stderr).toContain('Ask the graph owner for a new read-only token');
  });

  it('asks for a new token when it has expired', async () => {
    const tomorrow = new Date(mock.clock.now().getTime() + 86_400_000).toISOString();
    const { secret } = await mint(['read'], [research], tomorrow);
    mock.clock.advance({ days: 2 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.tokenInvalid);
    expect(result.stderr).toContain('has expired. Ask the graph owner for a new read-only token');
  });

  it('points at the old secret after a rotation grace period ends', async () => {
    const { id, secret } = await mint(['read']);
    await admin.tokens.rotate(id, { gracePeriodSeconds: 3600 });
    expect((await run({ GRAPHTOKEN_TOKEN: secret })).code).toBe(ExitCode.ok);
    mock.clock.advance({ hours: 1, seconds: 1 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.tokenInvalid);
    expect(result.stderr).toContain('If it was rotated, deploy its new secret');
  });
});

describe('when the token may not read this graph', () => {
  it('names the missing scope for an append-only token', async () => {
    const { secret } = await mint(['append']);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.accessDenied);
    expect(result.stderr).toContain(
      'This app needs the "read" scope on graph gr_research, but the token only has: append',
    );
  });

  it('names the graph the token is not bound to', async () => {
    const { secret } = await mint(['read'], [research]);
    const result = await run({ GRAPHTOKEN_TOKEN: secret, GRAPHTOKEN_GRAPH_ID: team });
    expect(result.code).toBe(ExitCode.accessDenied);
    expect(result.stderr).toContain('The token is not valid for graph gr_team. Set GRAPHTOKEN_GRAPH_ID');
    expect(result.stdout).toBe('');
  });

  it('says when the graph does not exist', async () => {
    const { secret } = await mint(['read']);
    const result = await run({ GRAPHTOKEN_TOKEN: secret, GRAPHTOKEN_GRAPH_ID: 'gr_doesnotexist' });
    expect(result.code).toBe(ExitCode.accessDenied);
    expect(result.stderr).toContain('Graph gr_doesnotexist does not exist');
  });
});

describe('when GraphToken is busy or unreachable', () => {
  it('waits out a short Retry-After once, then reads', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', retryAfter: 30, times: 1 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain('Rate limited by GraphToken: waiting 30 seconds, then retrying');
    expect(result.sleeps).toEqual([30_000]);
  });

  it('gives up with a try-again time when still rate limited', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', retryAfter: 30 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.rateLimited);
    expect(result.stderr).toContain('GraphToken is rate limiting this token. Try again in 30 seconds.');
  });

  it('does not start over once blocks were printed', async () => {
    mock.store.addBlocks(
      research,
      Array.from({ length: 60 }, (_, i) => `Imported note ${i + 1}`),
    );
    const { secret } = await mint(['read']);
    // Two requests a minute per token: introspection and the first page pass, the second page is refused.
    mock.rateLimit = { limit: 2, windowSeconds: 60 };
    try {
      const result = await run({ GRAPHTOKEN_TOKEN: secret });
      expect(result.code).toBe(ExitCode.rateLimited);
      expect(result.sleeps).toEqual([]);
      expect(result.stdout.match(/Research notes/g)).toHaveLength(1);
      expect(result.stderr).toMatch(/Try again in \d+ seconds\./);
    } finally {
      mock.rateLimit = false;
    }
  });

  it('does not sit through a long Retry-After', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', retryAfter: 3600 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.rateLimited);
    expect(result.sleeps).toEqual([]);
    expect(result.stderr).toContain('Try again in 3600 seconds.');
  });

  it('says to retry later when the connection drops', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', drop: true });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.unavailable);
    expect(result.stderr).toContain(`Could not reach GraphToken at ${mock.baseUrl}`);
    expect(result.stderr).toContain('try again later');
  });

  it('says to retry later when the API does not answer in time', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', latencyMs: 1000 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret }, { timeout: 50 });
    expect(result.code).toBe(ExitCode.unavailable);
    expect(result.stderr).toContain('did not answer in time');
  });

  it('says to retry later, with the request id, when the API fails', async () => {
    const { secret } = await mint(['read']);
    mock.faults.add({ operationId: 'listBlocks', status: 500, code: 'internal_error' });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.unavailable);
    expect(result.stderr).toMatch(
      /GraphToken failed to answer \(500\)\. Try again later.*Request id: req_\w+/,
    );
  });
});

describe('node src/main.ts', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const exec = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, [main], { env: { ...process.env, GRAPHTOKEN_TOKEN: '', ...env } });

  it('exits 2 and asks for a token when GRAPHTOKEN_TOKEN is empty', async () => {
    await expect(exec({})).rejects.toMatchObject({
      code: ExitCode.config,
      stderr: expect.stringContaining('No token: set GRAPHTOKEN_TOKEN'),
    });
  });

  it('exits 2 on a truncated token before any network request, without echoing it', async () => {
    const truncated = 'gt_0123456789abcdefghijABCDEFGHIJ';
    await expect(exec({ GRAPHTOKEN_TOKEN: truncated })).rejects.toMatchObject({
      code: ExitCode.config,
      stderr: expect.not.stringContaining(truncated),
    });
  });
});

describe('a token that stops working soon', () => {
  const DAY = 86_400_000;
  const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Warning: token'));

  it('warns once, with the date and the hint, for a token expiring within 7 days', async () => {
    const expiresAt = new Date(Date.now() + 3 * DAY);
    const { secret } = await mint(['read'], [research], expiresAt.toISOString());
    mock.store.addBlocks(
      research,
      Array.from({ length: 250 }, (_, i) => `Observation ${i}`),
    );
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    // Every answer carried the header (introspect and each page): one warning all the same.
    expect(mock.requests.count({ tokenId: mock.store.findTokenBySecret(secret)!.id })).toBeGreaterThan(2);
    expect(warnings(result.stderr)).toEqual([
      `Warning: token gt_…${secret.slice(-4)} stops working on ${expiresAt.toISOString()} (in 3 days). ` +
        'Ask the graph owner for a new read-only token and deploy it before then.',
    ]);
    expect(result.stderr).not.toContain(secret);
  });

  it('warns when the rotation grace period of the token ends within the window', async () => {
    const { id, secret } = await mint(['read']);
    await admin.tokens.rotate(id, { gracePeriodSeconds: 3600 });
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(warnings(result.stderr)).toHaveLength(1);
    expect(warnings(result.stderr)[0]).toMatch(/stops working on \S+Z \(in 1 hour\)/);
  });

  it.each([
    ['expires in 30 days', new Date(Date.now() + 30 * DAY).toISOString()],
    ['never expires', undefined],
  ])('says nothing for a token that %s', async (_, expiresAt) => {
    const { secret } = await mint(['read'], [research], expiresAt);
    const result = await run({ GRAPHTOKEN_TOKEN: secret });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toBe('');
  });
});
