/**
 * The token lifecycle, step by step: introspect, create, use, get refused, rotate, revoke, and
 * the encrypted-graph rule. Every call is a real SDK call; only where the server runs differs
 * (the embedded mock for `npm start`, your GraphToken service when you point it there).
 */
import { APIError, type Graph, GraphToken, presets, redactToken, type Token } from '@graphtoken/sdk';
import type { ErrorLike, Narrator } from './narrator.ts';

/** What the walkthrough needs to run. */
export interface WalkthroughOptions {
  /** The API's base URL (the mock's, or your service's). */
  readonly baseUrl: string;
  /** A token with the `manage` scope: it creates, rotates and revokes the others. */
  readonly manageToken: string;
  /** What to call that token in the transcript ("the bootstrap token"). */
  readonly manageTokenLabel: string;
  readonly narrator: Narrator;
  /** The rotation grace period, in seconds. */
  readonly gracePeriodSeconds: number;
  /** Lets that much time pass: the mock's clock jumps ahead, a real service is waited for. */
  passTime(seconds: number): Promise<void>;
  /** How the passing of time is described ("advance the mock clock by 1 hour"). */
  describeTimePassing(seconds: number): string;
}

/** Thrown when a step does not turn out as the walkthrough says it will. */
export class UnexpectedOutcomeError extends Error {
  override readonly name = 'UnexpectedOutcomeError';
}

/**
 * Runs the whole walkthrough, narrating each step. Tokens it creates are revoked at the end,
 * so running it against a real account leaves nothing usable behind.
 *
 * @throws UnexpectedOutcomeError when a step does not turn out as expected.
 */
export async function runWalkthrough(options: WalkthroughOptions): Promise<void> {
  const n = options.narrator;
  const admin = new GraphToken({ baseUrl: options.baseUrl, token: options.manageToken });
  const created: Token[] = [];
  try {
    await walk(options, admin, created);
  } finally {
    // Also after a failure: leave no usable token behind (on a real account, that matters).
    await Promise.allSettled(created.map((t) => admin.tokens.revoke(t.id)));
  }
  n.say();
  n.say(`Cleaned up: revoked the ${created.length} tokens this walkthrough created.`);
  summarize(n);
}

/** The steps. Every token created is pushed to `created`, for the clean-up. */
async function walk(options: WalkthroughOptions, admin: GraphToken, created: Token[]): Promise<void> {
  const { narrator: n, baseUrl } = options;
  const client = (token: string) => new GraphToken({ baseUrl, token });

  // ── 1. Who am I? ────────────────────────────────────────────────────────────
  n.step(
    `Introspect ${options.manageTokenLabel}`,
    'Any valid token can ask who it is (GET /v1/tokens/self); this one needs the `manage` scope.',
  );
  const self = await admin.tokens.introspect();
  n.ok(
    `"${self.token.name}" (${self.token.id}, hint …${self.token.hint}) acts for ${self.account.name} ` +
      `with scopes [${self.token.scopes.join(', ')}], ${expiry(self.token)}`,
  );

  // ── 2. Which graphs can it mint tokens for? ──────────────────────────────────
  n.step(
    'List the graphs this account can reach',
    'A `manage` token sees the graphs its creator owns or administers; only those can get tokens.',
  );
  const graphs: Graph[] = [];
  for await (const graph of admin.graphs.list()) graphs.push(graph);
  for (const g of graphs) {
    n.detail(
      `${g.id.padEnd(12)} ${g.name.padEnd(16)} you are ${g.role}${g.encrypted ? ', encrypted (append-only)' : ''}`,
    );
  }
  const plain = graphs.find((g) => !g.encrypted && mayMint(g));
  const encrypted = graphs.find((g) => g.encrypted && mayMint(g));
  if (!plain) throw new UnexpectedOutcomeError('no unencrypted graph you own or administer to try tokens on');
  n.ok(`${graphs.length} graphs; the walkthrough uses "${plain.name}" (${plain.id})`);

  // ── 3. A read-only token ─────────────────────────────────────────────────────
  n.step(
    'Create a read-only token',
    'Name it after the app that will use it; give it the least scope it needs, on one graph.',
  );
  const reader = await admin.tokens.create({
    name: 'Search indexer',
    description: 'Reads research notes for the search index',
    scopes: ['read'],
    graphIds: [plain.id],
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  created.push(reader.token);
  n.ok(`created ${describeToken(reader.token)}`);
  n.detail(`secret: ${redactToken(reader.secret)}`);
  n.note('The full secret is in this response only, never again: store it in your secret manager now.');

  // ── 4. An append-only token ──────────────────────────────────────────────────
  n.step(
    'Create an append-only token',
    'Roam\'s "append-only" preset: the holder can add blocks, but never read or change them.',
  );
  const appender = await admin.tokens.create({
    name: 'Zapier capture',
    scopes: [...presets.roamAppendOnly],
    graphIds: [plain.id],
  });
  created.push(appender.token);
  n.ok(`created ${describeToken(appender.token)}`);
  n.detail(`secret: ${redactToken(appender.secret)} (shown once, like every secret)`);

  const readClient = client(reader.secret);
  const appendClient = client(appender.secret);

  // ── 5. Read ──────────────────────────────────────────────────────────────────
  n.step('Read blocks with the read token', 'GET /v1/graphs/{graphId}/blocks needs `read`.');
  const blocks = await firstBlocks(readClient, plain.id, 3);
  n.ok(`read ${blocks.length} blocks from "${plain.name}"`);
  for (const b of blocks) n.detail(`${b.id}  ${truncate(b.content, 60)}`);

  // ── 6. Append ────────────────────────────────────────────────────────────────
  n.step('Append blocks with the append-only token', 'POST /v1/graphs/{graphId}/blocks needs `append`.');
  const appended = await appendClient.blocks.append(plain.id, {
    blocks: [{ content: 'Captured from Zapier: meeting notes' }, { content: 'Captured from Zapier: a link' }],
  });
  n.ok(`appended ${appended.data.length} blocks: ${appended.data.map((b) => b.id).join(', ')}`);

  // ── 7. Refused: wrong scope ──────────────────────────────────────────────────
  n.step(
    'Try to append with the read token',
    "The API checks every call against the token's scopes; your app gets an error it can act on.",
  );
  const denied = await refusal(
    readClient.blocks.append(plain.id, { blocks: [{ content: 'should not land' }] }),
    'insufficient_scope',
  );
  n.refused('refused', denied);

  // ── 8. Rotate with a grace period ────────────────────────────────────────────
  const grace = options.gracePeriodSeconds;
  n.step(
    `Rotate the read token with a grace period of ${duration(grace)}`,
    'The successor keeps name, scopes and graphs; the old secret keeps working until the grace period ends.',
  );
  const rotated = await admin.tokens.rotate(reader.token.id, { gracePeriodSeconds: grace });
  created.push(rotated.token);
  n.ok(`rotated ${reader.token.id} → ${rotated.token.id} (rotatedFrom: ${rotated.token.rotatedFrom})`);
  n.detail(`new secret: ${redactToken(rotated.secret)} (shown once: store it, then deploy it)`);
  const newReadClient = client(rotated.secret);
  await firstBlocks(readClient, plain.id, 1);
  n.ok(`the old secret ${redactToken(reader.secret)} still reads (grace period)`);
  await firstBlocks(newReadClient, plain.id, 1);
  n.ok(`the new secret ${redactToken(rotated.secret)} reads too`);

  // ── 9. The grace period ends ─────────────────────────────────────────────────
  n.step(
    'Let the grace period run out',
    `${options.describeTimePassing(grace + 1)}; after that, only the new secret works.`,
  );
  await options.passTime(grace + 1);
  const oldRevoked = await refusal(firstBlocks(readClient, plain.id, 1), 'token_revoked');
  n.refused(`the old secret ${redactToken(reader.secret)} is refused`, oldRevoked);
  await firstBlocks(newReadClient, plain.id, 1);
  n.ok(`the new secret ${redactToken(rotated.secret)} still reads`);

  // ── 10. Revoke ───────────────────────────────────────────────────────────────
  n.step(
    'Revoke the new token',
    'Revocation is immediate and cannot be undone: do it as soon as a token may have leaked.',
  );
  await admin.tokens.revoke(rotated.token.id);
  const after = await admin.tokens.get(rotated.token.id);
  n.ok(`revoked ${after.id}; it stays listable with status "${after.status}", for debugging`);
  const revoked = await refusal(firstBlocks(newReadClient, plain.id, 1), 'token_revoked');
  n.refused('using it now is refused', revoked);

  // ── 11. Encrypted graphs are append-only ─────────────────────────────────────
  n.step(
    'Ask for a read token on an encrypted graph',
    'Encrypted graphs accept only `append`: the server cannot read them, so no token can either.',
  );
  if (encrypted) {
    const notAllowed = await refusal(
      admin.tokens.create({ name: 'Journal reader', scopes: ['read'], graphIds: [encrypted.id] }),
      'scope_not_allowed_for_encrypted_graph',
    );
    n.refused(`a read token for "${encrypted.name}" is refused at creation`, notAllowed);
    const journal = await admin.tokens.create({
      name: 'Journal capture',
      scopes: [...presets.roamAppendOnly],
      graphIds: [encrypted.id],
    });
    created.push(journal.token);
    n.ok(`an append-only token for it is fine: ${describeToken(journal.token)}`);
  } else {
    n.detail('(skipped: this account has no encrypted graph)');
  }
}

/** The summary: what each step showed, and where to go next. */
function summarize(n: Narrator): void {
  const outcomes = n.steps.flatMap((s) => s.outcomes);
  const refusals = outcomes.filter((o) => o.kind === 'refused').length;
  n.say();
  n.heading('Summary');
  n.say(
    `${n.steps.length} steps, ${outcomes.length - refusals} ✓ successes and ${refusals} ✗ refusals, all as expected:`,
  );
  n.say('  • introspection tells any token who it is, which scopes it has and when it expires');
  n.say('  • a secret is shown once, at creation or rotation: store it, and print only its hint');
  n.say('  • scopes are enforced per call: read, append (add only), write, manage');
  n.say('  • rotation with a grace period swaps secrets without downtime');
  n.say('  • revocation is immediate; revoked tokens stay listable for debugging');
  n.say('  • encrypted graphs accept append-only tokens only');
  n.say();
  n.say('Next: examples/node-app (a production app and its error handling), the graphtoken CLI');
  n.say(
    '(packages/cli: manage tokens, scan for leaked secrets), examples/testing-with-vitest (test your code with this mock).',
  );
}

/** Awaits a call the walkthrough expects to fail with an API error code, and returns that error. */
async function refusal(call: PromiseLike<unknown>, code: string): Promise<ErrorLike> {
  try {
    await call;
  } catch (error) {
    if (error instanceof APIError && error.code === code) return error;
    throw new UnexpectedOutcomeError(`expected ${code}, got ${String(error)}`, { cause: error });
  }
  throw new UnexpectedOutcomeError(`expected ${code}, but the call succeeded`);
}

/** The first `count` blocks of a graph: the list is paginated lazily, so stop early. */
async function firstBlocks(client: GraphToken, graphId: string, count: number) {
  const out = [];
  for await (const block of client.blocks.list(graphId, { limit: count })) {
    out.push(block);
    if (out.length >= count) break;
  }
  return out;
}

/** Whether the account can mint tokens for a graph (owners and admins only). */
function mayMint(graph: Graph): boolean {
  return graph.role === 'owner' || graph.role === 'admin';
}

function describeToken(t: Token): string {
  return `"${t.name}" ${t.id}: scopes [${t.scopes.join(', ')}] on [${t.graphIds.join(', ')}], hint …${t.hint}, ${expiry(t)}`;
}

function expiry(t: Token): string {
  return t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'never expires';
}

/** A duration in words: `3601` → `1 hour 1 second`, `3600` → `1 hour`. */
export function duration(seconds: number): string {
  const parts: string[] = [];
  const units = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const;
  let rest = seconds;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  return parts.join(' ') || '0 seconds';
}

function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
