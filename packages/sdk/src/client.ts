/**
 * The GraphToken client: one object per token, with a resource per spec tag (`tokens`, `graphs`,
 * `blocks`). Declare the token's scopes and the client only exposes, at the type level, the
 * methods those scopes allow.
 */
import { isScope, normalizeScopes, redactToken, type Scope } from '@graphtoken/contract';
import { AUTHORIZATION_HEADER_REFUSED, InvalidArgumentError } from './core/errors.js';
import type { Hooks, TokenExpiringEvent } from './core/hooks.js';
import type { RateLimitPacer } from './core/rate-limit-pacer.js';
import type { Scoped } from './core/scopes.js';
import { isBrowser, readEnv, runtimeName } from './internal/env.js';
import { INSPECT } from './internal/redact.js';
import type { FetchLike } from './internal/redirect-fetch.js';
import { ExpiryWatch } from './internal/token-expiry.js';
import { type TokenProvider, TokenSource } from './internal/token-source.js';
import { type RetrySettings, Transport } from './internal/transport.js';
import { AuditEvents, type auditEventsOperations } from './resources/audit-events.js';
import { Blocks, type blocksOperations } from './resources/blocks.js';
import { Graphs, type graphsOperations } from './resources/graphs.js';
import { Tokens, type tokensOperations } from './resources/tokens.js';
import { VERSION } from './version.js';

/** The production API. */
export const DEFAULT_BASE_URL = 'https://api.graphtoken.dev';

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). Same as the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** The first backoff delay in ms, doubled each retry (default 500). */
  baseDelayMs?: number | undefined;
  /** The longest backoff delay in ms (default 8000). */
  maxDelayMs?: number | undefined;
  /**
   * The longest `Retry-After` the SDK waits, in ms (default 60000). A server asking for longer, or
   * for longer than the call's `totalTimeout` has left, gets its error (a `RateLimitError` with
   * `retryAfter`) handed to you at once.
   */
  maxRetryAfterMs?: number | undefined;
  /** Randomise backoff delays so many clients do not retry in step (default true). */
  jitter?: boolean | undefined;
}

/** Options of {@link GraphToken}. */
export interface ClientOptions<S extends Scope = Scope> {
  /**
   * The API address, without `/v1` (default: `GRAPHTOKEN_BASE_URL` outside browsers, else
   * `https://api.graphtoken.dev`). One ending in `/v1` throws `InvalidArgumentError`.
   */
  baseUrl?: string | undefined;
  /**
   * The token secret, or a function returning it (sync or async). The function is called on
   * first use and again, once, when the API says the token expired or was revoked: return the new
   * secret there to rotate without downtime. Default: `GRAPHTOKEN_TOKEN` outside browsers.
   */
  token?: string | TokenProvider | undefined;
  /**
   * The token's scopes, if you know them: the client then only exposes (at the type level) and
   * only sends (at run time) the operations they allow.
   */
  scopes?: readonly S[] | undefined;
  /** The fetch implementation (default: the global `fetch`, looked up per request). */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout in ms, 1 to 2147483647 (default 30000; `false`: none). */
  timeout?: number | false | undefined;
  /** Overall timeout per call in ms, retries included, 1 to 2147483647 (default 120000; `false`: none). */
  totalTimeout?: number | false | undefined;
  /** Retries after a connection error, timeout, 408, 429 or 5xx (default 2; 0: none). */
  maxRetries?: number | undefined;
  /** Retry tuning, or `false` to never retry. */
  retry?: RetryOptions | false | undefined;
  /** Lifecycle hooks for logging and metrics; every event they get is already redacted. */
  hooks?: Hooks | undefined;
  /** Appended to the SDK's User-Agent (`my-app/1.2`); ignored in browsers, which set their own. */
  userAgent?: string | undefined;
  /** Validate every response against the spec's schemas (default true). */
  validateResponses?: boolean | undefined;
  /** Headers sent with every request. `Authorization` is refused: use `token`. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Allow `http:` to a host other than localhost (the token would cross the network in clear). Default false. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Allow a static `token` string in a browser (default false: construction throws
   * `InvalidArgumentError`). A token in client-side code can be read by anyone who can open the
   * page's developer tools, so API tokens belong on a server. In a browser, pass a token provider
   * function instead (`token: () => fetchShortLivedTokenFromYourBackend()`), which needs no opt-in.
   * Opt in only where the person using the page is the token's owner (a local tool where users
   * paste their own token), as openai-node's `dangerouslyAllowBrowser` does.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Called once per token (per client, not per request) when an answer's
   * `GraphToken-Token-Expiration` (the token's `expiresAt`, or the end of its rotation grace
   * period) is within `tokenExpiringWithinMs`: log a warning, page someone, rotate. Gets the expiry
   * as a `Date` and the token's hint, never the secret. Errors it throws are ignored.
   * @example onTokenExpiring: ({ expiresAt, tokenHint }) => console.warn(`${tokenHint} expires ${expiresAt.toISOString()}`)
   */
  onTokenExpiring?: ((event: TokenExpiringEvent) => void | Promise<void>) | undefined;
  /** How close the expiry must be for `onTokenExpiring`, in milliseconds (default 604800000: 7 days). */
  tokenExpiringWithinMs?: number | undefined;
  /**
   * Paces requests by the API's rate-limit headers, so none is refused with 429: pass
   * `createRateLimitPacer()` (one per token). Default: no pacing (a 429 is retried after its
   * `Retry-After`, as any retry).
   */
  rateLimit?: RateLimitPacer | undefined;
}

/** Why a static token is refused in a browser without the opt-in. */
const BROWSER_TOKEN_REFUSED =
  "A static token in browser code is readable by anyone who opens the page. Pass a provider function that gets it from your backend (token: () => getToken()), or dangerouslyAllowBrowser: true if the page's user owns the token.";

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function normalizeBaseUrl(value: string, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`baseUrl is not a valid URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(`baseUrl must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
    if (!allowInsecureHttp) {
      throw new InvalidArgumentError(
        `baseUrl ${url.origin} is plain http: the token would cross the network in clear. Use https, or pass allowInsecureHttp: true.`,
      );
    }
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InvalidArgumentError('baseUrl must not carry a query, a fragment or credentials.');
  }
  const href = url.href.replace(/\/+$/, '');
  if (/\/v1$/i.test(href)) throw new InvalidArgumentError('baseUrl: drop /v1 (the SDK adds it).');
  return href;
}

function checkDuration(name: string, value: number | false | undefined): void {
  if (value === undefined || value === false) return;
  // Timers hold at most 2^31 - 1 ms (24.8 days).
  if (typeof value !== 'number' || !(value > 0 && value < 2 ** 31))
    throw new InvalidArgumentError(`${name} must be 1 to 2147483647 ms, or false.`);
}

function retrySettings(options: ClientOptions<Scope>): RetrySettings {
  const retry = options.retry === false ? { maxRetries: 0 } : (options.retry ?? {});
  const maxRetries = options.retry === false ? 0 : (retry.maxRetries ?? options.maxRetries ?? 2);
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new InvalidArgumentError('maxRetries must be a non-negative integer.');
  }
  return {
    maxRetries,
    baseDelayMs: retry.baseDelayMs ?? 500,
    maxDelayMs: retry.maxDelayMs ?? 8000,
    maxRetryAfterMs: retry.maxRetryAfterMs ?? 60_000,
    jitter: retry.jitter ?? true,
  };
}

/**
 * The GraphToken API client.
 *
 * @example
 * import { GraphToken } from '@graphtoken/sdk';
 * const client = new GraphToken({ token: process.env.GRAPHTOKEN_TOKEN });
 * for await (const block of client.blocks.list('gr_…')) console.log(block.content);
 *
 * @example A client declared with its token's scopes: `blocks.list` does not compile.
 * const appender = new GraphToken({ token, scopes: ['append'] });
 * await appender.blocks.append('gr_…', { blocks: [{ content: 'hello' }] });
 */
export class GraphToken<const S extends Scope = Scope> {
  /** Token management (`manage`), introspection and self-revocation (any token). */
  readonly tokens: Scoped<Tokens, typeof tokensOperations, S, 'tokens'>;
  /** The graphs the token can reach. */
  readonly graphs: Scoped<Graphs, typeof graphsOperations, S, 'graphs'>;
  /** Graph content. */
  readonly blocks: Scoped<Blocks, typeof blocksOperations, S, 'blocks'>;
  /** What happened to the tokens the account may see (`manage`). */
  readonly auditEvents: Scoped<AuditEvents, typeof auditEventsOperations, S, 'auditEvents'>;
  /** The API address requests go to (no trailing slash). */
  readonly baseUrl: string;
  /** The scopes the client was declared with, normalised; undefined if not declared. */
  readonly scopes: readonly Scope[] | undefined;
  readonly #tokens: TokenSource;

  constructor(options: ClientOptions<S> = {}) {
    const browser = isBrowser();
    this.baseUrl = normalizeBaseUrl(
      options.baseUrl ?? readEnv('GRAPHTOKEN_BASE_URL') ?? DEFAULT_BASE_URL,
      options.allowInsecureHttp ?? false,
    );
    if (options.scopes !== undefined) {
      if (!Array.isArray(options.scopes))
        throw new InvalidArgumentError(`scopes must be an array, e.g. ['read'].`);
      const bad = options.scopes.filter((s) => !isScope(s));
      if (bad.length > 0) throw new InvalidArgumentError(`unknown scope(s): ${bad.join(', ')}`);
    }
    this.scopes = options.scopes === undefined ? undefined : Object.freeze(normalizeScopes(options.scopes));
    checkDuration('timeout', options.timeout);
    checkDuration('totalTimeout', options.totalTimeout);
    const defaultHeaders = { ...options.defaultHeaders };
    if (Object.keys(defaultHeaders).some((h) => h.toLowerCase() === 'authorization')) {
      throw new InvalidArgumentError(AUTHORIZATION_HEADER_REFUSED);
    }
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new InvalidArgumentError('fetch must be a function.');
    }
    try {
      // An invalid header name or value (a CR/LF) fails here, not on every call.
      new Headers(defaultHeaders).set('user-agent', options.userAgent ?? '');
    } catch {
      throw new InvalidArgumentError('defaultHeaders/userAgent: invalid header (no CR/LF).');
    }
    const token = options.token ?? readEnv('GRAPHTOKEN_TOKEN');
    if (browser && typeof token === 'string' && options.dangerouslyAllowBrowser !== true) {
      throw new InvalidArgumentError(BROWSER_TOKEN_REFUSED);
    }
    this.#tokens = new TokenSource(token);
    const onTokenExpiring = options.onTokenExpiring;
    if (onTokenExpiring !== undefined && typeof onTokenExpiring !== 'function') {
      throw new InvalidArgumentError('onTokenExpiring must be a function.');
    }
    const within = options.tokenExpiringWithinMs ?? 604_800_000;
    if (typeof within !== 'number' || !(within >= 0)) {
      throw new InvalidArgumentError('tokenExpiringWithinMs must be a number of milliseconds, 0 or more.');
    }
    const transport = new Transport({
      baseUrl: this.baseUrl,
      tokens: this.#tokens,
      scopes: this.scopes,
      fetch: options.fetch,
      timeout: options.timeout ?? 30_000,
      totalTimeout: options.totalTimeout ?? 120_000,
      retry: retrySettings(options),
      hooks: { ...options.hooks },
      userAgent: browser
        ? undefined
        : `graphtoken-sdk-js/${VERSION} ${runtimeName()}${options.userAgent ? ` ${options.userAgent}` : ''}`,
      validateResponses: options.validateResponses ?? true,
      defaultHeaders,
      pacer: options.rateLimit,
      expiry: onTokenExpiring ? new ExpiryWatch(onTokenExpiring, within) : undefined,
    });
    // Every method exists at run time (a refused one fails offline); the types narrow them to S.
    this.tokens = new Tokens(transport) as never;
    this.graphs = new Graphs(transport) as never;
    this.blocks = new Blocks(transport) as never;
    this.auditEvents = new AuditEvents(transport) as never;
  }

  /** A secret-free description of the client, for logs. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, scopes: this.scopes };
  }

  /** What `util.inspect` / `console.log` print: no token. */
  [INSPECT](): string {
    return `GraphToken ${JSON.stringify(this.toJSON())}`;
  }

  /** The public hint of the token in use (`gt_…abcd`), resolving a provider if needed; undefined if none. */
  async tokenHint(): Promise<string | undefined> {
    const token = await this.#tokens.get();
    return token ? redactToken(token) : undefined;
  }
}

/**
 * Creates a client; the same as `new GraphToken(options)`, handy when naming the scopes type
 * explicitly.
 *
 * @example
 * const reader = createClient<'read'>({ token, scopes: ['read'] });
 */
export function createClient<const S extends Scope = Scope>(options: ClientOptions<S> = {}): GraphToken<S> {
  return new GraphToken<S>(options);
}
