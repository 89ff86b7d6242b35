/**
 * Issue 11 from the command line, end to end against the standalone mock: stale and expiring
 * tokens, self-rotation, the audit log, and `scan --report` (which needs no token). Every run is
 * checked for leaked secrets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken, isTokenRevokedError } from '@graphtoken/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { graphtoken, type Run, SECRET } from './run-cli.ts';

const DAY = 86_400_000;
const { research } = seedIds.graphs;

let server: GraphTokenMockServer;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, host: '127.0.0.1' });
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

function run(
  args: readonly string[],
  token: string | null = BOOTSTRAP_TOKEN,
  extra: Record<string, string> = {},
) {
  return graphtoken(args, {
    env: { GRAPHTOKEN_TOKEN: token ?? undefined, GRAPHTOKEN_BASE_URL: server.url, ...extra },
  });
}

async function create(name: string, more: string[] = []) {
  const result = await run([
    'tokens',
    'create',
    '--name',
    name,
    '--scopes',
    'read',
    '--graph',
    research,
    ...more,
    '--json',
  ]);
  expect(result.code, result.stderr).toBe(EXIT_CODES.ok);
  return JSON.parse(result.stdout) as { token: { id: string }; secret: string };
}

const ids = (result: Run) => (JSON.parse(result.stdout) as { id: string }[]).map((t) => t.id);

function expectNoSecret(result: Run, ...secrets: string[]) {
  for (const s of secrets) {
    expect(result.stdout).not.toContain(s.slice(3, -4));
    expect(result.stderr).not.toContain(s.slice(3, -4));
  }
}

describe('tokens list: stale and expiring tokens', () => {
  it('--stale 90d lists tokens unused for 90 days; --never-used, --search and --sort combine', async () => {
    server.mock.clock.set(new Date(Date.now() - 100 * DAY));
    const old = await create('Old Zapier capture');
    server.mock.clock.set(new Date());
    const fresh = await create('Fresh zapier sync');

    const stale = await run(['tokens', 'list', '--stale', '90d', '--json']);
    expect(stale.code, stale.stderr).toBe(EXIT_CODES.ok);
    expect(ids(stale)).toContain(old.token.id);
    expect(ids(stale)).not.toContain(fresh.token.id);

    const searched = await run([
      'tokens',
      'list',
      '--never-used',
      '--search',
      'ZAPIER',
      '--sort',
      'name',
      '--json',
    ]);
    expect(ids(searched)).toEqual([fresh.token.id, old.token.id]);
    expectNoSecret(searched, old.secret, fresh.secret);
  });

  it('--expiring 7d lists active tokens expiring within 7 days, with an EXPIRES column; --status expired the expired ones', async () => {
    const soon = await create('soon', ['--expires-in', '3d']);
    const later = await create('later', ['--expires-in', '30d']);
    const table = await run(['tokens', 'list', '--expiring', '7d']);
    expect(table.code, table.stderr).toBe(EXIT_CODES.ok);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+NAME\s+SCOPES\s+GRAPHS\s+STATUS\s+HINT\s+EXPIRES\s+LAST USED$/,
    );
    expect(table.stdout).toContain(soon.token.id);
    expect(table.stdout).not.toContain(later.token.id);

    server.mock.clock.advance({ days: 4 });
    // Expired now: out of the default (active) view, in with --status expired.
    const active = await run(['tokens', 'list', '--expiring', '7d', '--json']);
    expect(ids(active)).not.toContain(soon.token.id);
    const expired = await run(['tokens', 'list', '--expiring', '7d', '--status', 'expired', '--json']);
    expect(ids(expired)).toEqual([soon.token.id]);
  });

  it.each([
    { given: ['--stale', '90'], want: '--stale takes a duration' },
    { given: ['--expiring', 'soon'], want: '--expiring takes a duration' },
    { given: ['--sort', 'hint'], want: '--sort must be one of' },
    { given: ['--search', 'x'.repeat(101)], want: '--search takes 1 to 100 characters' },
    { given: ['--search', '😀'.repeat(101)], want: '--search takes 1 to 100 characters, not 101' },
    {
      given: ['--stale', '9999999999999999999d'],
      want: '--stale 9999999999999999999d reaches before the year 0000',
    },
    { given: ['--expiring', '999999999w'], want: '--expiring 999999999w reaches past the year 9999' },
  ])('refuses $given (exit 2), sending nothing', async ({ given, want }) => {
    const before = server.mock.requests.all().length;
    const result = await run(['tokens', 'list', ...given]);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(want);
    expect(server.mock.requests.all()).toHaveLength(before);
  });
});

describe('tokens list: lengths and ranges as the spec counts them', () => {
  it('--search and --name take emoji as one character each (60 emoji, 120 UTF-16 units; up to 100)', async () => {
    const name = '😀'.repeat(60);
    const token = await create(name);
    const result = await run(['tokens', 'list', '--search', name, '--json']);
    expect(result.code, result.stderr).toBe(EXIT_CODES.ok);
    expect(ids(result)).toEqual([token.token.id]);
    const hundred = await run(['tokens', 'list', '--search', '😀'.repeat(100), '--json']);
    expect(hundred.code, hundred.stderr).toBe(EXIT_CODES.ok);
  });

  it('--stale and audit --since name the flag, never the SDK field, for a duration past the calendar', async () => {
    for (const args of [
      ['tokens', 'list', '--stale', '9999999999999999999d'],
      ['audit', '--since', '9999999999999999999d'],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(EXIT_CODES.usage);
      expect(result.stderr).toContain(`${args.at(-2)} 9999999999999999999d reaches before the year 0000`);
      expect(result.stderr).not.toMatch(/lastUsedBefore|since:/);
    }
  });
});

describe('tokens rotate --self', () => {
  it('rotates the configured token without manage; both secrets work during the grace period', async () => {
    const { token, secret } = await create('pipeline');
    const result = await run(['tokens', 'rotate', '--self', '--grace', '1h', '--json'], secret);
    expect(result.code, result.stderr).toBe(EXIT_CODES.ok);
    const rotated = JSON.parse(result.stdout) as {
      token: { id: string; rotatedFrom: string };
      secret: string;
    };
    expect(rotated.token.rotatedFrom).toBe(token.id);
    expect(result.stdout.match(SECRET)).toEqual([rotated.secret]);
    const client = (s: string) => new GraphToken({ baseUrl: server.url, token: s, maxRetries: 0 });
    await expect(client(rotated.secret).tokens.introspect()).resolves.toBeDefined();
    await expect(client(secret).tokens.introspect()).resolves.toBeDefined();
    server.mock.clock.advance({ hours: 1, seconds: 1 });
    expect(await client(secret).tokens.introspect().catch(isTokenRevokedError)).toBe(true);
  });

  it('refuses a token id together with --self (exit 2)', async () => {
    const result = await run(['tokens', 'rotate', '--self', 'tok_G5KdR5pNKRaVTet6', '--json']);
    expect(result.code).toBe(EXIT_CODES.usage);
  });
});

describe('graphtoken audit', () => {
  it('shows what happened to a token, newest first, filtered by type and since', async () => {
    const { token, secret } = await create('audited');
    await run(['tokens', 'rotate', '--self', '--json'], secret);
    const all = await run(['audit', '--token', token.id, '--since', '7d', '--json']);
    expect(all.code, all.stderr).toBe(EXIT_CODES.ok);
    const events = JSON.parse(all.stdout) as { type: string; reason: string | null }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['token.created', 'token.rotated']));
    expectNoSecret(all, secret);

    const table = await run(['audit', '--token', token.id, '--type', 'token.rotated']);
    expect(table.code, table.stderr).toBe(EXIT_CODES.ok);
    expect(table.stdout.split('\n')[0]).toMatch(/^WHEN\s+EVENT\s+TOKEN\s+ACTOR\s+DETAIL$/);
    expect(table.stdout).toContain('token.rotated');
    expect(table.stdout).not.toContain('token.created');

    const future = await run(['audit', '--since', new Date(Date.now() + DAY).toISOString()]);
    expect(future.stdout).toContain('No audit events match.');
  });

  it('exits 2 for a bad --type or --since, and 4 without manage', async () => {
    expect((await run(['audit', '--type', 'token.deleted'])).code).toBe(EXIT_CODES.usage);
    expect((await run(['audit', '--since', 'last week'])).stderr).toContain('--since takes a duration');
    const { secret } = await create('reader');
    expect((await run(['audit'], secret)).code).toBe(EXIT_CODES.permission);
  });
});

describe('scan --report', () => {
  it('reports what it found in batches of 100 without a token; live ones are revoked; no secret printed', async () => {
    const live = await create('leaked');
    const decoys = Array.from({ length: 150 }, () => generateTokenSecret());
    const dir = mkdtempSync(join(tmpdir(), 'graphtoken-report-'));
    try {
      writeFileSync(
        join(dir, 'config.env'),
        `TOKEN=${live.secret}\nOTHER=${live.secret}\n${decoys.join('\n')}\n`,
      );
      const result = await graphtoken(['scan', '--report', dir], {
        env: { GRAPHTOKEN_BASE_URL: server.url },
      });
      expect(result.code, result.stderr).toBe(EXIT_CODES.secretsFound);
      expect(result.stderr).toContain('Reported 151 distinct secrets');
      expectNoSecret(result, live.secret, ...decoys);
      const reports = server.mock.requests.filter({ operationId: 'revokeLeakedTokens' });
      expect(reports.map((r) => (r.body as { secrets: string[] }).secrets.length)).toEqual([100, 51]);
      expect(reports.every((r) => r.headers.authorization === undefined)).toBe(true);
      const client = new GraphToken({ baseUrl: server.url, token: live.secret, maxRetries: 0 });
      expect(await client.tokens.introspect().catch(isTokenRevokedError)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes --base-url, and exits 8 when the API cannot be reached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphtoken-report-'));
    try {
      const secret = generateTokenSecret();
      writeFileSync(join(dir, 'a.txt'), secret);
      const result = await graphtoken(['scan', '--report', '--base-url', 'http://127.0.0.1:9', dir], {});
      expect(result.code).toBe(EXIT_CODES.unavailable);
      expectNoSecret(result, secret);
      const misuse = await graphtoken(['scan', '--base-url', server.url, dir], {});
      expect(misuse.code).toBe(EXIT_CODES.usage);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
