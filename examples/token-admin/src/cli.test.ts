import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { GraphToken, isTokenRevokedError } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from './cli.ts';

// Starts the mock before the tests, resets it (state, clock, faults, recorded requests) after each.
const mock = useGraphTokenMock();

const { research, journal, shared } = seedIds.graphs;
/** A well-formed secret, whole: what must never appear in a list. */
const SECRET = /gt_[0-9A-Za-z]{36}/g;

/** Runs one token-admin command line against the mock, as the bootstrap (manage) token. */
async function cli(line: string[], token: string = BOOTSTRAP_TOKEN) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(line, {
    env: { GRAPHTOKEN_TOKEN: token, GRAPHTOKEN_BASE_URL: mock.baseUrl },
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    now: () => mock.clock.now(),
    client: { maxRetries: 0 },
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** Creates a token through the CLI and returns its id and the secret it printed. */
async function created(line: string[]) {
  const result = await cli(['create', ...line]);
  expect(result.code, result.stderr).toBe(EXIT.ok);
  const id = /Created token (tok_\w+)/.exec(result.stdout)?.[1];
  const secret = /secret\s+(gt_\w+)/.exec(result.stdout)?.[1];
  if (!id || !secret) throw new Error(`unexpected output:\n${result.stdout}`);
  return { id, secret, ...result };
}

describe('help', () => {
  it('lists the commands and the environment it needs', async () => {
    const { code, stdout } = await cli(['help']);
    expect(code).toBe(EXIT.ok);
    for (const command of ['create', 'list', 'rotate', 'revoke'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(stdout).toContain('GRAPHTOKEN_TOKEN     a token with the manage scope (required)');
  });

  it("shows a command's options", async () => {
    const { stdout } = await cli(['create', '--help']);
    expect(stdout).toContain('--preset <name>');
  });

  it('refuses an unknown command', async () => {
    const { code, stderr } = await cli(['delete', 'tok_1']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('token-admin: unknown command "delete"');
  });

  it('refuses a plain-http GRAPHTOKEN_BASE_URL before sending the token anywhere', async () => {
    const stderr: string[] = [];
    const code = await runCli(['list'], {
      env: { GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN, GRAPHTOKEN_BASE_URL: 'http://graphtoken.example.com' },
      stdout: () => {},
      stderr: (l) => stderr.push(l),
      now: () => mock.clock.now(),
    });
    expect(code).toBe(EXIT.usage);
    expect(stderr.join('\n')).toContain('plain http');
  });

  it('asks for GRAPHTOKEN_TOKEN when it is not set', async () => {
    const { code, stderr } = await cli(['list'], '');
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('set GRAPHTOKEN_TOKEN to a token with the manage scope');
  });
});

describe('create', () => {
  it('creates a token and prints its secret once, with a warning to store it', async () => {
    const { id, secret, stdout } = await created([
      '--name',
      'Search indexer',
      '--scopes',
      'read',
      '--graph',
      research,
      '--expires-in',
      '30d',
    ]);
    const in30days = new Date(mock.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(stdout).toContain(`Created token ${id}:`);
    expect(stdout).toMatch(/ {2}scopes {6}read\n {2}graphs {6}gr_research/);
    expect(stdout).toContain(`expires     ${in30days}`);
    expect(stdout).toContain(`hint        gt_…${secret.slice(-4)}`);
    expect(stdout).toContain('⚠ This is the only time the secret is shown: store it now');
    expect(stdout.match(SECRET)).toEqual([secret]);

    // The printed secret is the real one.
    const me = await new GraphToken({ baseUrl: mock.baseUrl, token: secret }).tokens.introspect();
    expect(me.token).toMatchObject({ id, name: 'Search indexer', scopes: ['read'], graphIds: [research] });
  });

  it('applies a preset', async () => {
    const { stdout } = await created([
      '--name',
      'Zapier',
      '--preset',
      'roam-append-only',
      '--graph',
      journal,
    ]);
    expect(stdout).toMatch(/scopes {6}append\n/);
  });

  it('binds several graphs, with a description', async () => {
    const { stdout } = await created([
      '--name',
      'Nightly sync',
      '--description',
      'Copies notes into the wiki',
      '--scopes',
      'read,append',
      '--graph',
      `${research},gr_team`,
    ]);
    expect(stdout).toContain('description Copies notes into the wiki');
    expect(stdout).toContain('graphs      gr_research, gr_team');
  });

  it('prints only the secret with --quiet, for a secret manager to read', async () => {
    const { code, stdout } = await cli([
      'create',
      '--name',
      'ci',
      '--scopes',
      'append',
      '--graph',
      research,
      '--quiet',
    ]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^gt_[0-9A-Za-z]{36}$/);
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
    {
      given: ['--name', 'x', '--scopes', 'read'],
      want: '--graph is required: read, append and write apply to specific graphs',
    },
    { given: ['--name', 'x', '--scopes', 'read', '--graph', 'Research notes'], want: 'is not a graph id' },
    {
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--expires-in', '30 days'],
      want: '--expires-in takes a duration like 30d',
    },
    {
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--expires-in', '400d'],
      want: '--expires-in must be between 1s and 1 year',
    },
    {
      // The API allows 365 days: one more must be a usage error here, not a 422 from the API.
      given: ['--name', 'x', '--scopes', 'read', '--graph', research, '--expires-in', '366d'],
      want: '--expires-in must be between 1s and 1 year',
    },
    { given: ['--name', 'x', '--scope', 'read', '--graph', research], want: "Unknown option '--scope'" },
  ])('explains bad input without calling the API: $want', async ({ given, want }) => {
    const { code, stderr } = await cli(['create', ...given]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(`token-admin create: `);
    expect(stderr).toContain(want);
    expect(mock.requests.all()).toHaveLength(0);
  });

  it("relays the API's refusal of a read token on an encrypted graph", async () => {
    const { code, stderr } = await cli([
      'create',
      '--name',
      'Journal reader',
      '--scopes',
      'read',
      '--graph',
      journal,
    ]);
    expect(code).toBe(EXIT.apiError);
    expect(stderr).toContain('token-admin create: EncryptedGraphScopeError: ');
    expect(stderr).toContain("bind only the 'append' scope");
  });

  it('relays the refusal to mint a token for a graph shared with you', async () => {
    const { code, stderr } = await cli([
      'create',
      '--name',
      'Reading list',
      '--scopes',
      'read',
      '--graph',
      shared,
    ]);
    expect(code).toBe(EXIT.apiError);
    expect(stderr).toContain('NotGraphAdminError');
  });

  it('needs a manage token', async () => {
    const { secret } = await created(['--name', 'reader', '--scopes', 'read', '--graph', research]);
    const { code, stderr } = await cli(
      ['create', '--name', 'x', '--scopes', 'read', '--graph', research],
      secret,
    );
    expect(code).toBe(EXIT.apiError);
    expect(stderr).toContain('InsufficientScopeError');
    expect(stderr).not.toContain(secret);
  });
});

describe('list', () => {
  it('shows a table with id, name, scopes, graphs, status, hint and last use, never a secret', async () => {
    const reader = await created(['--name', 'Search indexer', '--scopes', 'read', '--graph', research]);
    const appender = await created(['--name', 'Zapier', '--preset', 'roam-append-only', '--graph', research]);
    await new GraphToken({ baseUrl: mock.baseUrl, token: reader.secret }).tokens.introspect();

    const { code, stdout } = await cli(['list']);
    expect(code).toBe(EXIT.ok);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+SCOPES\s+GRAPHS\s+STATUS\s+HINT\s+LAST USED$/);
    const row = (id: string) => lines.find((l) => l.startsWith(id)) ?? '';
    expect(row(reader.id)).toMatch(
      new RegExp(
        `Search indexer\\s+read\\s+gr_research\\s+active\\s+gt_…${reader.secret.slice(-4)}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`,
      ),
    );
    expect(row(appender.id)).toMatch(/Zapier\s+append\s+gr_research\s+active\s+gt_…\w{4}\s+never$/);
    expect(row(seedIds.tokens.bootstrap)).toMatch(/bootstrap\s+manage\s+—\s+active/);
    expect(stdout).toContain('3 tokens');
    expect(stdout).not.toMatch(SECRET);
    expect(stdout).not.toContain(reader.secret.slice(3, 20));
  });

  it('filters by status and graph', async () => {
    const reader = await created(['--name', 'Search indexer', '--scopes', 'read', '--graph', research]);
    await created(['--name', 'Team bot', '--scopes', 'read', '--graph', 'gr_team']);
    await cli(['revoke', reader.id]);

    const revoked = await cli(['list', '--status', 'revoked']);
    expect(revoked.stdout).toContain(reader.id);
    expect(revoked.stdout).toContain('1 token');
    const team = await cli(['list', '--graph', 'gr_team']);
    expect(team.stdout).toContain('Team bot');
    expect(team.stdout).not.toContain('Search indexer');
    expect((await cli(['list', '--status', 'paused'])).stderr).toContain(
      '--status must be one of active, revoked, expired, not "paused"',
    );
  });
});

describe('rotate', () => {
  it('prints the new secret once and keeps the old one working for the grace period', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    const { code, stdout } = await cli(['rotate', old.id, '--grace', '1h']);
    expect(code).toBe(EXIT.ok);
    const next = /secret\s+(gt_\w+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(new RegExp(`^Rotated ${old.id} → tok_\\w+:`));
    expect(stdout).toContain('⚠ This is the only time the new secret is shown');
    expect(stdout).toContain('The old secret keeps working until');
    expect(stdout.match(SECRET)).toEqual([next]);

    const list = await cli(['list']);
    expect(list.stdout.split('\n').find((l) => l.startsWith(old.id))).toMatch(
      /active until \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );

    mock.clock.advance({ hours: 1, seconds: 1 });
    const oldClient = new GraphToken({ baseUrl: mock.baseUrl, token: old.secret, maxRetries: 0 });
    await expect(oldClient.tokens.introspect()).rejects.toSatisfy(isTokenRevokedError);
    const newClient = new GraphToken({ baseUrl: mock.baseUrl, token: next!, maxRetries: 0 });
    await expect(newClient.tokens.introspect()).resolves.toMatchObject({ token: { rotatedFrom: old.id } });
  });

  it('says the old secret stopped working without a grace period', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    expect((await cli(['rotate', old.id])).stdout).toContain('The old secret has stopped working.');
  });

  it('refuses a secret passed as the id, without echoing it', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    const { code, stderr } = await cli(['rotate', old.secret]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('that is a token secret, not a token id');
    expect(stderr).not.toContain(old.secret.slice(3, 20));
  });

  it('refuses a grace period over 7 days', async () => {
    const { code, stderr } = await cli(['rotate', 'tok_G5KdR5pNKRaVTet6', '--grace', '8d']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('--grace can be at most 7d');
  });

  it('relays token_not_active for a revoked token', async () => {
    const old = await created(['--name', 'Pipeline', '--scopes', 'read', '--graph', research]);
    await cli(['revoke', old.id]);
    const { code, stderr } = await cli(['rotate', old.id]);
    expect(code).toBe(EXIT.apiError);
    expect(stderr).toContain('TokenNotActiveError');
  });
});

describe('revoke', () => {
  it('revokes at once: the secret is refused from then on', async () => {
    const token = await created(['--name', 'Leaked', '--scopes', 'read', '--graph', research]);
    const { code, stdout } = await cli(['revoke', token.id]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe(
      `Revoked ${token.id} ("Leaked", gt_…${token.secret.slice(-4)}). Anything still using it is now refused.`,
    );
    const client = new GraphToken({ baseUrl: mock.baseUrl, token: token.secret, maxRetries: 0 });
    await expect(client.tokens.introspect()).rejects.toSatisfy(isTokenRevokedError);
  });

  it('says when the token does not exist', async () => {
    const { code, stderr } = await cli(['revoke', 'tok_doesnotexist0000']);
    expect(code).toBe(EXIT.apiError);
    expect(stderr).toContain('NotFoundError');
  });
});

it('never shows a secret after the create command that minted it', async () => {
  const token = await created(['--name', 'Once', '--scopes', 'read', '--graph', research]);
  const later = [
    await cli(['list']),
    await cli(['rotate', token.id, '--grace', '1h']),
    await cli(['revoke', token.id]),
  ];
  for (const { stdout, stderr } of later) expect(`${stdout}${stderr}`).not.toContain(token.secret);
});
