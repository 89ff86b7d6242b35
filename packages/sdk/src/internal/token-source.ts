/**
 * Where the client's token comes from: a fixed string, or a (possibly async) provider called on
 * first use and again after the API reports the token expired or revoked, which is how a pipeline
 * rotates secrets without downtime.
 *
 * Single flight: at most one provider call is in flight at a time, and every call that needs a
 * token meanwhile (the first calls of a new client; the ten calls that all got `token_revoked`
 * together) waits on that one. A provider that mints a successor per call mints one.
 */
import { TokenProviderError } from '../core/errors.js';
import { INSPECT } from './redact.js';

/** A token, or a function that returns one (from a vault, a file, a refresh flow). */
export type TokenProvider = () => string | Promise<string>;

/** Holds the current token; never exposes it through enumeration, JSON or inspect. */
export class TokenSource {
  readonly #provider: TokenProvider | undefined;
  /** The token last obtained: the static token, or the provider's last answer. */
  #value: string | undefined;
  /** Whether `#value` holds an answer (the provider is called on first use). */
  #loaded: boolean;
  /** The provider call in flight, shared by every call waiting for a token. */
  #pending: Promise<string> | undefined;
  /**
   * After a self-rotation: the retired secret and its successor's. While the provider still
   * answers the retired secret (the app is storing the new one), the successor's is used instead.
   */
  #retired: string | undefined;
  #successor: string | undefined;

  constructor(token: string | TokenProvider | undefined) {
    if (typeof token === 'function') {
      this.#provider = token;
      this.#loaded = false;
    } else {
      // Surrounding whitespace (the newline of a file read) is never part of a token. A non-string
      // (a number from a config file) is kept as text, so the call fails with the token-format error.
      this.#value = token == null ? undefined : String(token).trim();
      this.#loaded = true;
    }
  }

  /** Whether a fresh token can be asked for after `token_expired` / `token_revoked`. */
  get canRefresh(): boolean {
    return this.#provider !== undefined;
  }

  /**
   * The token to use now: a plain value once known; a promise while the provider is asked (on
   * first use, after a failed provider call, or while a refresh is in flight).
   */
  get(): string | undefined | Promise<string | undefined> {
    return this.#pending ?? (this.#loaded ? this.#value : this.#load());
  }

  /**
   * A token to replace `stale`: the refresh already in flight if there is one; the token another
   * call already got if it differs from `stale`; else the provider's next answer (which may be
   * `stale` again: then the caller gives up). Rejects with {@link TokenProviderError}.
   */
  refresh(stale: string): string | undefined | Promise<string | undefined> {
    return this.#pending ?? (this.#loaded && this.#value !== stale ? this.#value : this.#load());
  }

  /**
   * The calling token was replaced or revoked by its own call (self-rotation, self-revocation):
   * with a provider, the next call asks it again instead of sending `replaced`. A fixed token, or
   * one the provider already replaced, is kept. With `successor` (the secret a self-rotation
   * returned), the successor's secret is used whenever the provider answers `replaced`: the app
   * may still be storing the new secret meanwhile (a provider that answers anything else is obeyed).
   */
  invalidate(replaced: string, successor?: string): void {
    // Kept for a fixed token too: harmless, as only a provider's answers are mapped.
    this.#retired = replaced;
    this.#successor = successor;
    if (this.#provider && this.#value === replaced) this.#loaded = false;
  }

  /** Stops sharing `pending` (a call gave up waiting for it): the next call asks the provider again. */
  forget(pending: Promise<unknown>): void {
    if (this.#pending === pending) this.#pending = undefined;
  }

  #load(): Promise<string> {
    // Only reached with a provider: a fixed token is always loaded, and the transport asks for a
    // refresh only when `canRefresh`.
    const provider = this.#provider as TokenProvider;
    const pending = (async () => {
      let value: unknown;
      try {
        value = await provider();
      } catch (error) {
        throw new TokenProviderError('The token provider failed (see cause); the next call asks it again.', {
          cause: error,
        });
      }
      if (typeof value !== 'string') {
        throw new TokenProviderError(
          `The token provider returned ${value === null ? 'null' : typeof value}, not a string.`,
        );
      }
      const token = value.trim();
      // Read when the answer comes: a rotation may have succeeded while the provider was asked.
      return (token === this.#retired && this.#successor) || token;
    })();
    this.#pending = pending;
    // Registered before any caller's reaction, so callers resume with the state already updated.
    pending.then(
      (value) => {
        this.#value = value;
        this.#loaded = true;
        this.#pending = undefined;
      },
      () => {
        // A failed provider call is not cached: the next call asks again.
        this.#pending = undefined;
      },
    );
    return pending;
  }

  /** Never shows the token. */
  toJSON(): string {
    return '[TokenSource]';
  }

  /** Never shows the token. */
  [INSPECT](): string {
    return '[TokenSource]';
  }
}
