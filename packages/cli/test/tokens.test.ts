/**
 * `graphtoken tokens …` end to end: the built command as a child process against the standalone
 * mock server (real HTTP), checking output, exit codes and that a secret is printed only once, by
 * the command that minted it, and only when asked.
 */
import { generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { type GraphTokenMockServer, startGraphTokenMockServer } from '@graphtoken/mock/http';
import { GraphToken, isTokenRevokedError } from '@graphtoken/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/exit-codes.ts';
import { graphtoken, SECRET } from './run-cli.ts';

let server: GraphTokenMockServer;
beforeAll(async () => {
  server = await startGraphTokenMockServer({ port: 0, host: '127.0.0.1' });
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

const { research, journal, shared, team } = seedIds.graphs;

/** Runs `graphtoken tokens …` as the given token (default: the mock's bootstrap `manage` token). */
function tokens(args: readonly string[], token: string | null = BOOTSTRAP_TOKEN) {
  return graphtoken(['tokens', ...args], {
    env: { GRAPHTOKEN_TOKEN: token ?? undefined, GRAPHTOKEN_BASE_URL: server.url },
  });
}

/** Creates a token through the CLI (`--json`) and returns it with its secret. */
async function created(args: readonly string[]) {
  const run = await tokens(['create', ...args, '--json']);
  expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
  const { token, secret } = JSON.parse(run.stdout) as { token: { id: string; hint: string }; secret: string };
  return { id: token.id, token, secret, run };
}

/** The SDK as a separate user of the same server. */
const client = (token: string) => new GraphToken({ baseUrl: server.url, token, maxRetries: 0 });

describe('tokens create', () => {
  it('prints the token and its secret once as JSON, with the warning on stderr', async () => {
    const { id, token, secret, run } = await created([
      '--name',
      'Search indexer',
      '--scopes',
      'read',
      '--graph',
      research,
      '--expires-in',
      '30d',
    ]);
    expect(token).toMatchObject({ name: 'Search indexer', scopes: ['read'], graphIds: [research] });
    expect(token.hint).toBe(secret.slice(-4));
    expect(run.stdout.match(SECRET)).toEqual([secret]);
    expect(run.stderr).toContain(`⚠ This is the only time the secret of ${id} is shown`);
    expect(run.stderr).not.toMatch(SECRET);
    // The printed secret is the real one.
    await expect(client(secret).tokens.introspect()).resolves.toMatchObject({ token: { id } });
  });

  it('prints only the secret with --secret-only, to pipe into a secret manager', async () => {
    const run = await tokens([
      'create',
      '--name',
      'ci',
      '--preset',
      'roam-append-only',
      '--graph',
      journal,
      '--secret-only',
    ]);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(run.stdout).toMatch(/^gt_[0-9A-Za-z]{36}\n$/);
    expect(run.stderr).toContain('⚠ This is the only time the secret');
    const me = await client(run.stdout.trim()).tokens.introspect();
    expect(me.token.scopes).toEqual(['append']);
  });

  it('refuses to print a secret into a pipe unless asked, before creating anything', async () => {
    const run = await tokens(['create', '--name', 'ci', '--scopes', 'read', '--graph', research]);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('stdout is not a terminal');
    expect(run.stderr).toContain('--secret-only');
    expect(run.stderr).toContain('Nothing was created.');
    expect(server.mock.requests.all()).toHaveLength(0);
  });

  it.each([
    { given: ['--scopes', 'read', '--graph', research], want: '--name is required' },
    { given: ['--name', 'x', '--graph', research], want: '--scopes or --preset is required' },
    {
      given: ['--name', 'x', '--scopes', 'read', '--preset', 'roam-read-only', '--graph', research],
      want: 'give either --scopes or --preset, not both',
    },
    { given: ['--name', 'x', '--scopes', 'admin', '--graph', research], want: 'unknown scope "admin"' },
    { given: ['--name', 'x', '--preset', 'zapier', '--graph', research], want: 'unknown preset "zapier"' },
    { given: ['--name', 'x', '--scopes', 'read'], want: '--graph is required' },
    { given: ['--name', 'x', '--scopes', 'read', '--graph', 'Research notes'], want: 'is not a graph id' },
    {
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--expires-in', '30 days'],
      want: '--expires-in takes a duration like 30d',
    },
    {
      // The API allows 365 days: one more must be a usage error here, not a 422 from the API.
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--expires-in', '366d'],
      want: '--expires-in must be between 1s and 1 year',
    },
    { given: ['--name', 'x', '--scope', 'read', '--graph', research], want: "Unknown option '--scope'" },
    {
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--json', '--secret-only'],
      want: 'not both',
    },
  ])('explains bad input with exit 2 and no request: $want', async ({ given, want }) => {
    const run = await tokens(['create', ...given, '--json']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('graphtoken tokens create: ');
    expect(run.stderr).toContain(want);
    expect(run.stdout).toBe('');
    expect(server.mock.requests.all()).toHaveLength(0);
  });

  it("exits 6 with the API's refusal of a read token on an encrypted graph", async () => {
    const run = await tokens([
      'create',
      '--name',
      'Journal reader',
      '--scopes',
      'read',
      '--graph',
      journal,
      '--json',
    ]);
    expect(run.code).toBe(EXIT_CODES.rejected);
    expect(run.stderr).toContain('EncryptedGraphScopeError');
    expect(run.stderr).toContain("bind only the 'append' scope");
  });

  it('exits 4 for a graph shared with you, and for a token without manage', async () => {
    const sharedGraph = await tokens([
      'create',
      '--name',
      'x',
      '--scopes',
      'read',
      '--graph',
      shared,
      '--json',
    ]);
    expect(sharedGraph.code).toBe(EXIT_CODES.permission);
    expect(sharedGraph.stderr).toContain('NotGraphAdminError');

    const { secret } = await created(['--name', 'reader', '--scopes', 'read', '--graph', research]);
    const run = await tokens(
      ['create', '--name', 'x', '--scopes', 'read', '--graph', research, '--json'],
      secret,
    );
    expect(run.code).toBe(EXIT_CODES.permission);
    expect(run.stderr).toContain('InsufficientScopeError');
    expect(run.stderr + run.stdout).not.toMatch(SECRET);
  });
});

describe('tokens list and get', () => {
  it('shows a table with id, name, scopes, graphs, status, hint and last use, never a secret', async () => {
    const reader = await created(['--name', 'Search indexer', '--scopes', 'read', '--graph', research]);
    const appender = await created(['--name', 'Zapier', '--preset', 'roam-append-only', '--graph', research]);
    await client(reader.secret).tokens.introspect();

    const run = await tokens(['list']);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+SCOPES\s+GRAPHS\s+STATUS\s+HINT\s+LAST USED$/);
    const row = (id: string) => lines.find((l) => l.startsWith(id)) ?? '';
    expect(row(reader.id)).toMatch(
      new RegExp(
        `Search indexer\\s+read\\s+gr_research\\s+active\\s+gt_…${reader.secret.slice(-4)}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`,
      ),
    );
    expect(row(appender.id)).toMatch(/Zapier\s+append\s+gr_research\s+active\s+gt_…\w{4}\s+never$/);
    expect(row(seedIds.tokens.bootstrap)).toMatch(/bootstrap\s+manage\s+—\s+active/);
    expect(run.stdout).toContain('3 tokens');
    expect(run.stdout + run.stderr).not.toMatch(SECRET);
  });

  it('filters by status and graph, limits, and prints JSON without secrets', async () => {
    const reader = await created(['--name', 'Search indexer', '--scopes', 'read', '--graph', research]);
    await created(['--name', 'Team bot', '--scopes', 'read', '--graph', team]);
    expect((await tokens(['revoke', reader.id])).code).toBe(EXIT_CODES.ok);

    const revoked = JSON.parse((await tokens(['list', '--status', 'revoked', '--json'])).stdout) as {
      id: string;
    }[];
    expect(revoked.map((t) => t.id)).toEqual([reader.id]);
    const teamRun = await tokens(['list', '--graph', team, '--json']);
    expect((JSON.parse(teamRun.stdout) as { name: string }[]).map((t) => t.name)).toEqual(['Team bot']);
    expect(teamRun.stdout).not.toMatch(SECRET);
    expect(JSON.parse((await tokens(['list', '--limit', '1', '--json'])).stdout)).toHaveLength(1);

    const bad = await tokens(['list', '--status', 'paused']);
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toContain('--status must be one of active, revoked, expired, not "paused"');
  });

  it('gets one token, and exits 5 when there is none', async () => {
    const { id } = await created([
      '--name',
      'Nightly sync',
      '--description',
      'Copies notes',
      '--scopes',
      'read',
      '--graph',
      research,
    ]);
    const run = await tokens(['get', id]);
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(run.stdout).toContain('description Copies notes');
    expect(JSON.parse((await tokens(['get', id, '--json'])).stdout)).toMatchObject({
      id,
      name: 'Nightly sync',
    });

    const missing = await tokens(['get', 'tok_doesnotexist00000']);
    expect(missing.code).toBe(EXIT_CODES.notFound);
    expect(missing.stderr).toContain('NotFoundError');
  });
});

describe('tokens rename', () => {
  it('renames and redescribes a token', async () => {
    const { id } = await created(['--name', 'Old', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['rename', id, 'New name', '--description', 'Exports every night', '--json']);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(JSON.parse(run.stdout)).toMatchObject({
      id,
      name: 'New name',
      description: 'Exports every night',
    });
    const cleared = await tokens(['rename', id, '--description', '', '--json']);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ name: 'New name', description: null });
  });

  it('asks for a name or a description', async () => {
    const run = await tokens(['rename', 'tok_abcdefghijklmnop']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('give the new name');
  });
});

describe('tokens rotate', () => {
  it('prints the new secret once and keeps the old one working for the grace period', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['rotate', old.id, '--grace', '1h', '--json']);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const { token, secret } = JSON.parse(run.stdout) as { token: { rotatedFrom: string }; secret: string };
    expect(token.rotatedFrom).toBe(old.id);
    expect(run.stdout.match(SECRET)).toEqual([secret]);
    expect(run.stderr).toContain('The old secret keeps working until');
    expect(run.stderr).not.toMatch(SECRET);

    const list = await tokens(['list']);
    expect(list.stdout.split('\n').find((l) => l.startsWith(old.id))).toMatch(
      /active until \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    server.mock.clock.advance({ hours: 1, seconds: 1 });
    await expect(client(old.secret).tokens.introspect()).rejects.toSatisfy(isTokenRevokedError);
    await expect(client(secret).tokens.introspect()).resolves.toBeTruthy();
  });

  it('refuses a secret passed as the id, without echoing it', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['rotate', old.secret, '--secret-only']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('that is a token secret, not a token id');
    expect(run.stderr + run.stdout).not.toContain(old.secret.slice(3, 20));
  });

  it('refuses a grace period over 7 days', async () => {
    const run = await tokens(['rotate', 'tok_abcdefghijklmnop', '--grace', '8d', '--json']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('--grace can be at most 7d');
  });

  it('exits 6 for a revoked token (token_not_active)', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    await tokens(['revoke', old.id]);
    const run = await tokens(['rotate', old.id, '--json']);
    expect(run.code).toBe(EXIT_CODES.rejected);
    expect(run.stderr).toContain('TokenNotActiveError');
  });
});

describe('tokens revoke', () => {
  it('revokes at once: the secret is refused from then on', async () => {
    const token = await created(['--name', 'Leaked', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['revoke', token.id]);
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(run.stdout).toBe(
      `Revoked ${token.id} ("Leaked", gt_…${token.secret.slice(-4)}). Anything still using it is now refused.\n`,
    );
    await expect(client(token.secret).tokens.introspect()).rejects.toSatisfy(isTokenRevokedError);
  });

  it('revokes the configured token itself with --self, then exits 3 with it', async () => {
    const token = await created(['--name', 'Leaked', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['revoke', '--self'], token.secret);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(run.stdout).toContain(`Revoked the configured token (gt_…${token.secret.slice(-4)})`);
    const after = await tokens(['introspect'], token.secret);
    expect(after.code).toBe(EXIT_CODES.authentication);
    expect(after.stderr).toContain('TokenRevokedError');
    expect(after.stderr + after.stdout).not.toContain(token.secret);
  });
});

describe('tokens introspect', () => {
  it('shows any token its account and grants', async () => {
    const { id, secret } = await created(['--name', 'reader', '--scopes', 'read', '--graph', research]);
    const run = await tokens(['introspect'], secret);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    expect(run.stdout).toContain(`id          ${id}`);
    expect(run.stdout).toContain('account     acc_ada (Ada Lovelace)');
    expect(run.stdout).toMatch(/grants {6}gr_research \(Research notes, owner\): read/);
    expect(run.stdout + run.stderr).not.toMatch(SECRET);
    const json = JSON.parse((await tokens(['introspect', '--json'], secret)).stdout);
    expect(json).toMatchObject({ token: { id }, account: { id: 'acc_ada' } });
  });
});

describe('configuration and exit codes', () => {
  it('asks for GRAPHTOKEN_TOKEN when it is not set (exit 2)', async () => {
    const run = await tokens(['list'], null);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('set GRAPHTOKEN_TOKEN to a token with the manage scope');
  });

  it('refuses a truncated token offline, without echoing it (exit 2)', async () => {
    const run = await tokens(['list'], BOOTSTRAP_TOKEN.slice(0, -1));
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('is not a complete GraphToken token');
    expect(run.stderr).not.toContain(BOOTSTRAP_TOKEN.slice(3, 30));
    expect(server.mock.requests.all()).toHaveLength(0);
  });

  it('reads the token from --token-file, and says when the file is missing', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/gt-`)}/token`;
    writeFileSync(file, `${BOOTSTRAP_TOKEN}\n`, { mode: 0o600 });
    const run = await tokens(['introspect', '--token-file', file, '--json'], null);
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const missing = await tokens(['introspect', '--token-file', `${file}.nope`], null);
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain('cannot read --token-file');
  });

  it('takes --base-url over GRAPHTOKEN_BASE_URL, and refuses plain http to a remote host (exit 2)', async () => {
    const run = await graphtoken(['tokens', 'introspect', '--base-url', server.url], {
      env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: 'https://unused.invalid' },
    });
    expect(run.code, run.stderr).toBe(EXIT_CODES.ok);
    const insecure = await tokens(['list', '--base-url', 'http://graphtoken.example.com']);
    expect(insecure.code).toBe(EXIT_CODES.usage);
    expect(insecure.stderr).toContain('plain http');
  });

  it('exits 3 for an unknown token', async () => {
    const unknown = generateTokenSecret();
    const run = await tokens(['list'], unknown);
    expect(run.code).toBe(EXIT_CODES.authentication);
    expect(run.stderr).toContain('InvalidTokenError');
    expect(run.stderr).not.toContain(unknown);
  });

  it('exits 7 when rate limited and 8 when the API fails or cannot be reached', async () => {
    server.mock.faults.add({ operationId: 'listTokens', status: 429, code: 'rate_limited', retryAfter: 1 });
    const limited = await tokens(['list']);
    expect(limited.code).toBe(EXIT_CODES.rateLimited);
    expect(limited.stderr).toContain('RateLimitError');
    server.mock.reset();

    server.mock.faults.add({ operationId: 'getToken', status: 500, code: 'internal_error' });
    const failing = await tokens(['get', 'tok_abcdefghijklmnop']);
    expect(failing.code).toBe(EXIT_CODES.unavailable);

    const closed = await graphtoken(['tokens', 'introspect'], {
      env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect(closed.code).toBe(EXIT_CODES.unavailable);
    expect(closed.stderr).toContain('ConnectionError');
  }, 60_000);

  it('names an unknown command and lists the right ones (exit 2)', async () => {
    const run = await graphtoken(['tokens', 'delete', 'tok_1']);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain(
      'unknown command "tokens delete": use one of list, get, create, rename, rotate, revoke, introspect',
    );
  });

  it("prints help and each command's usage", async () => {
    const help = await graphtoken(['--help']);
    expect(help.code).toBe(EXIT_CODES.ok);
    for (const name of ['tokens list', 'tokens create', 'tokens introspect', 'audit', 'scan', 'mock']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect((await graphtoken(['tokens', 'create', '--help'])).stdout).toContain('--preset <name>');
    expect((await graphtoken(['help', 'scan'])).stdout).toContain('--staged');
  });
});

describe('a secret typed where it does not belong', () => {
  const typed = generateTokenSecret();
  it.each([
    { name: 'as a --token flag', given: ['tokens', 'list', '--token', typed] },
    { name: 'as --token=…', given: ['tokens', 'list', `--token=${typed}`] },
    { name: 'as a token id', given: ['tokens', 'get', typed] },
    { name: 'as a graph id', given: ['tokens', 'list', '--graph', typed] },
    { name: 'as an extra argument', given: ['tokens', 'list', 'extra', typed] },
    {
      name: 'as a name',
      given: ['tokens', 'create', '--name', typed, '--scopes', 'read', '--graph', research, '--json'],
    },
    { name: 'in a new name', given: ['tokens', 'rename', 'tok_abcdefghijklmnop', `app ${typed}`] },
    { name: 'as a command', given: [typed] },
    { name: 'as a tokens command', given: ['tokens', typed] },
    { name: 'as a path to scan', given: ['scan', typed] },
    { name: 'as a search text', given: ['tokens', 'list', '--search', typed] },
    { name: 'as a sort field', given: ['tokens', 'list', '--sort', typed] },
    { name: 'as an audit token id', given: ['audit', '--token', typed] },
    { name: 'as an audit type', given: ['audit', '--type', typed] },
    { name: 'as an audit time', given: ['audit', '--since', typed] },
  ])('is refused with exit 2 and never echoed: $name', async ({ given }) => {
    const run = await graphtoken(given, {
      env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: server.url },
    });
    expect(run.code, run.stderr).toBe(EXIT_CODES.usage);
    expect(run.stderr).not.toBe('');
    expect(run.stdout + run.stderr).not.toContain(typed.slice(3, -4));
    expect(server.mock.requests.all()).toHaveLength(0);
  });
});

it('never shows a secret after the command that minted it', async () => {
  const token = await created(['--name', 'Once', '--scopes', 'read', '--graph', research]);
  const later = [
    await tokens(['list']),
    await tokens(['list', '--json']),
    await tokens(['get', token.id, '--json']),
    await tokens(['introspect'], token.secret),
    await tokens(['rotate', token.id, '--grace', '1h', '--json']),
    await tokens(['revoke', token.id]),
  ];
  for (const { stdout, stderr } of later) expect(`${stdout}${stderr}`).not.toContain(token.secret);
});
