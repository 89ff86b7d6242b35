import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { startGraphTokenMockServer } from '@graphtoken/mock/http';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Narrator, type Outcome } from './narrator.ts';
import { embeddedMockOptions } from './quickstart.ts';
import { runWalkthrough } from './walkthrough.ts';

/** Anything that looks like a secret, or a piece of one longer than the public hint. */
const SECRET_LIKE = /gt_[0-9A-Za-z]{5,}/;

describe('the quickstart walkthrough', () => {
  const mock = useGraphTokenMock();
  const lines: string[] = [];
  const secrets: string[] = [];
  const narrator = new Narrator((line) => lines.push(line));

  beforeAll(async () => {
    // Collect every secret the API hands out, to prove that none of them reaches the transcript.
    mock.server.events.on('response:mocked', async ({ response }) => {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (body && typeof body === 'object' && 'secret' in body && typeof body.secret === 'string') {
        secrets.push(body.secret);
      }
    });
    await runWalkthrough(embeddedMockOptions(mock, narrator));
  });

  const transcript = () => lines.join('\n');
  const step = (title: string) => {
    const found = narrator.steps.find((s) => s.title.startsWith(title));
    if (!found) throw new Error(`no step "${title}" in:\n${transcript()}`);
    return found;
  };
  const summary = (outcomes: Outcome[]) =>
    outcomes.map((o) => (o.kind === 'ok' ? 'ok' : `${o.errorName} ${o.status} ${o.code}`));

  it('walks through the eleven steps in order', () => {
    expect(narrator.steps.map((s) => `${s.number}. ${s.title}`)).toEqual([
      '1. Introspect the bootstrap token',
      '2. List the graphs this account can reach',
      '3. Create a read-only token',
      '4. Create an append-only token',
      '5. Read blocks with the read token',
      '6. Append blocks with the append-only token',
      '7. Try to append with the read token',
      '8. Rotate the read token with a grace period of 1 hour',
      '9. Let the grace period run out',
      '10. Revoke the new token',
      '11. Ask for a read token on an encrypted graph',
    ]);
  });

  it.each([
    { given: 'Introspect the bootstrap token', want: ['ok'] },
    { given: 'List the graphs', want: ['ok'] },
    { given: 'Create a read-only token', want: ['ok'] },
    { given: 'Create an append-only token', want: ['ok'] },
    { given: 'Read blocks', want: ['ok'] },
    { given: 'Append blocks', want: ['ok'] },
    { given: 'Try to append with the read token', want: ['InsufficientScopeError 403 insufficient_scope'] },
    { given: 'Rotate the read token', want: ['ok', 'ok', 'ok'] },
    { given: 'Let the grace period run out', want: ['TokenRevokedError 401 token_revoked', 'ok'] },
    { given: 'Revoke the new token', want: ['ok', 'TokenRevokedError 401 token_revoked'] },
    {
      given: 'Ask for a read token on an encrypted graph',
      want: ['EncryptedGraphScopeError 422 scope_not_allowed_for_encrypted_graph', 'ok'],
    },
  ])('step "$given" ends with $want', ({ given, want }) => {
    expect(summary(step(given).outcomes)).toEqual(want);
  });

  it('introspects the bootstrap token as Ada with the manage scope', () => {
    expect(transcript()).toMatch(
      /✓ "bootstrap" \(tok_\w+, hint …\w{4}\) acts for Ada Lovelace with scopes \[manage\]/,
    );
  });

  it('shows the scope a user is missing, in the message they would see', () => {
    const [refusal] = step('Try to append with the read token').outcomes;
    expect(refusal?.kind === 'refused' && refusal.message).toMatch(/'read'.*'append'/);
    expect(transcript()).toContain('✗ refused: InsufficientScopeError (403 insufficient_scope)');
  });

  it('keeps the old secret working during the grace period, and only then refuses it', () => {
    expect(transcript()).toMatch(/✓ the old secret gt_…\w{4} still reads \(grace period\)/);
    expect(transcript()).toMatch(
      /✗ the old secret gt_…\w{4} is refused: TokenRevokedError \(401 token_revoked\)/,
    );
  });

  it('tells the reader to store each secret, since it is shown once', () => {
    expect(transcript()).toContain('The full secret is in this response only, never again');
  });

  it('ends with a summary of what it showed', () => {
    expect(transcript()).toContain('Summary\n=======');
    expect(transcript()).toMatch(/11 steps, \d+ ✓ successes and 4 ✗ refusals, all as expected/);
    expect(transcript()).toContain('Cleaned up: revoked the 4 tokens this walkthrough created.');
  });

  it('never prints a secret, not even in part', () => {
    expect(secrets).toHaveLength(4); // read, append, rotated, journal
    for (const secret of [...secrets, BOOTSTRAP_TOKEN]) {
      expect(transcript()).not.toContain(secret);
      expect(transcript()).not.toContain(secret.slice(3, 20));
    }
    expect(transcript()).not.toMatch(SECRET_LIKE);
    expect(transcript()).toMatch(/gt_…\w{4}/); // redacted secrets show their public hint only
  });
});

describe('npm start', () => {
  it('runs the walkthrough against the embedded mock and exits 0', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const env = { ...process.env, GRAPHTOKEN_BASE_URL: '', GRAPHTOKEN_TOKEN: '' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [main], { env });
    expect(stdout).toContain('GraphToken quickstart: the life of an API token');
    expect(stdout).toContain('Running against the embedded GraphToken mock');
    expect(stdout).toContain('11. Ask for a read token on an encrypted graph');
    expect(stdout).toContain('all as expected');
    expect(stdout).not.toMatch(SECRET_LIKE);
    expect(stderr).not.toMatch(SECRET_LIKE);
  });

  it('runs against a real HTTP service given GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN', async () => {
    // The mock's standalone HTTP server stands in for a GraphToken service: nothing is in-process.
    await using service = await startGraphTokenMockServer({ port: 0 });
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const env = { ...process.env, GRAPHTOKEN_BASE_URL: service.url, GRAPHTOKEN_TOKEN: BOOTSTRAP_TOKEN };
    const { stdout } = await promisify(execFile)(process.execPath, [main], { env });
    expect(stdout).toContain(`Running against ${service.url}, with your token.`);
    expect(stdout).toContain('1. Introspect your manage token');
    expect(stdout).toContain('Wait 4 seconds; after that, only the new secret works.');
    expect(stdout).toContain('all as expected');
    expect(stdout).not.toMatch(SECRET_LIKE);
    // Nothing it created still works.
    const active = service.mock.store.listTokens().filter((t) => t.status === 'active' && !t.revokedAt);
    expect(active.map((t) => t.name)).toEqual(['bootstrap']);
  }, 20_000);

  it('asks for both variables when only one points at a real service', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const env = {
      ...process.env,
      GRAPHTOKEN_BASE_URL: 'https://graphtoken.example.com',
      GRAPHTOKEN_TOKEN: '',
    };
    const run = promisify(execFile)(process.execPath, [main], { env });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stdout: expect.stringContaining('Set both GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN'),
    });
  });
});
