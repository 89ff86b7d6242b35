/**
 * The app: read one graph's blocks with a read-only token from the environment, and print them.
 * Everything it needs comes in through {@link AppContext}, so tests run it in-process against
 * the mock and check what it prints and the exit code it returns.
 */
import {
  type ClientOptions,
  DEFAULT_BASE_URL,
  GraphToken,
  isRateLimitError,
  scopesCover,
} from '@graphtoken/sdk';
import { ExitCode } from './exit-codes.ts';
import { explain } from './explain.ts';

/** The longest Retry-After the app waits out by itself (once, after the SDK's own retries). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** What the app reads from its surroundings. */
export interface AppContext {
  /** GRAPHTOKEN_TOKEN (required), GRAPHTOKEN_BASE_URL, GRAPHTOKEN_GRAPH_ID. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Normal output: the blocks. */
  readonly stdout: (line: string) => void;
  /** Progress, warnings and errors. */
  readonly stderr: (line: string) => void;
  /** Waits (for a rate limit); tests pass one that does not really wait. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Extra client options (tests shorten timeouts and retries). */
  readonly client?: Partial<ClientOptions>;
}

/**
 * Runs the app and returns its exit code (see {@link ExitCode}).
 *
 * @example
 * process.exitCode = await runApp({ env: process.env, stdout: console.log, stderr: console.error, sleep });
 */
export async function runApp(context: AppContext): Promise<ExitCode> {
  const { env, stderr } = context;
  const baseUrl = env.GRAPHTOKEN_BASE_URL || DEFAULT_BASE_URL;
  // The graph being read, once known (error messages name it), and whether output has begun.
  const target: ReadTarget = { graphId: env.GRAPHTOKEN_GRAPH_ID || undefined, printed: false };

  // The token comes from the environment (or your secret manager), never from code or a file in the repo.
  const token = env.GRAPHTOKEN_TOKEN?.trim();
  if (!token) {
    stderr(
      'Error: No token: set GRAPHTOKEN_TOKEN to a read-only GraphToken token. Ask the graph owner for one.',
    );
    return ExitCode.config;
  }
  let client: GraphToken;
  try {
    client = new GraphToken({
      ...context.client,
      baseUrl,
      token,
      // Called once per token (not per request) when the API's GraphToken-Token-Expiration header
      // comes within 7 days: the expiry, or the end of a rotation grace period. Never the secret.
      onTokenExpiring: ({ expiresAt, tokenHint }) => stderr(expiryWarning(expiresAt, tokenHint)),
    });
  } catch (error) {
    // The SDK refuses unsafe settings up front, e.g. a plain-http URL that would send the token in clear.
    stderr(
      `Error: GRAPHTOKEN_BASE_URL is not usable: ${error instanceof Error ? error.message : String(error)}`,
    );
    return ExitCode.config;
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return await readGraph(client, target, context);
    } catch (error) {
      // The SDK already retried the 429s it could (up to maxRetries, each Retry-After up to 60 s).
      // Still rate limited with a short Retry-After: wait it out here once more, unless blocks were
      // already printed (starting over would print them twice). A longer one is reported instead.
      if (
        isRateLimitError(error) &&
        attempt === 1 &&
        !target.printed &&
        (error.retryAfter ?? Number.POSITIVE_INFINITY) <= MAX_RATE_LIMIT_WAIT_SECONDS
      ) {
        stderr(`Rate limited by GraphToken: waiting ${error.retryAfter} seconds, then retrying…`);
        await context.sleep(error.retryAfter! * 1000);
        continue;
      }
      const { exitCode, message } = explain(error, { baseUrl, graphId: target.graphId });
      stderr(`Error: ${message}`);
      return exitCode;
    }
  }
}

/**
 * The warning for a token that stops working soon: when, and what to do (the hint names the
 * token; the secret is never shown).
 */
export function expiryWarning(expiresAt: Date, tokenHint: string, now = Date.now()): string {
  const hours = Math.max(0, Math.round((expiresAt.getTime() - now) / 3_600_000));
  const left =
    hours >= 48 ? `in ${Math.round(hours / 24)} days` : `in ${hours} hour${hours === 1 ? '' : 's'}`;
  return (
    `Warning: token ${tokenHint} stops working on ${expiresAt.toISOString()} (${left}). ` +
    'Ask the graph owner for a new read-only token and deploy it before then.'
  );
}

/** The graph being read, and whether any of it has been printed. */
interface ReadTarget {
  graphId: string | undefined;
  printed: boolean;
}

/** Reads and prints one graph: the one named by GRAPHTOKEN_GRAPH_ID, or the token's first. */
async function readGraph(client: GraphToken, target: ReadTarget, context: AppContext): Promise<ExitCode> {
  // Who am I: which graphs, which scopes. Any valid token may ask.
  const { token, grants } = await client.tokens.introspect();
  const extra = token.scopes.filter((s) => s !== 'read');
  if (scopesCover(token.scopes, ['read']) && extra.length > 0) {
    context.stderr(
      `Warning: this app only reads, but token "${token.name}" also has ${extra.join(', ')}. ` +
        'Give it a read-only token: a leaked token can then do less harm.',
    );
  }

  const graphId = target.graphId ?? token.graphIds[0];
  target.graphId = graphId;
  if (!graphId) {
    context.stderr(
      `Error: token "${token.name}" is not bound to any graph, so it cannot read one. ` +
        'Ask the graph owner for a read-only token for the graph this app should read.',
    );
    return ExitCode.accessDenied;
  }
  const name = grants.find((g) => g.graphId === graphId)?.graphName ?? graphId;

  let count = 0;
  // Lazily paginated: one page in memory at a time, however big the graph. The heading waits for
  // the first page, so a refusal is not preceded by half an output.
  for await (const page of client.blocks.list(graphId).pages()) {
    if (!target.printed) context.stdout(`${name} (${graphId})`);
    target.printed = true;
    for (const block of page.data) context.stdout(`- ${block.content}`);
    count += page.data.length;
  }
  context.stdout(`${count} block${count === 1 ? '' : 's'}`);
  return ExitCode.ok;
}
