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
  #rotated: { retired: string; successor: string } | undefined;

  constructor(token: string | TokenProvider | undefined) {
    if (typeof token === 'function') {
      this.#provider = token;
      this.#loaded = false;
    } else {
      this.#provider = undefined;
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
    if (this.#pending) return this.#pending;
    if (!this.#loaded) return this.#load();
    return this.#value;
  }

  /**
   * A token to replace `stale`: the refresh already in flight if there is one; the token another
   * call already got if it differs from `stale`; else the provider's next answer (which may be
   * `stale` again: then the caller gives up). Rejects with {@link TokenProviderError}.
   */
  refresh(stale: string): string | undefined | Promise<string | undefined> {
    if (this.#pending) return this.#pending;
    if (this.#loaded && this.#value !== stale) return this.#value;
    return this.#load();
  }

  /**
   * The calling token was replaced or revoked by its own call (self-rotation, self-revocation):
   * with a provider, the next call asks it again instead of sending `replaced`. A fixed token, or
   * one the provider already replaced, is kept. With `successor` (the secret a self-rotation
   * returned), the successor's secret is used whenever the provider still answers `replaced`
   * (until it answers something else): the app may still be storing the new secret meanwhile.
   */
  invalidate(replaced: string, successor?: string): void {
    if (!this.#provider) return;
    if (successor !== undefined) this.#rotated = { retired: replaced, successor };
    if (this.#value === replaced) this.#loaded = false;
  }

  /** Stops sharing `pending` (a call gave up waiting for it): the next call asks the provider again. */
  forget(pending: Promise<unknown>): void {
    if (this.#pending === pending) this.#pending = undefined;
  }

  #load(): Promise<string> {
    const provider = this.#provider;
    if (!provider) return Promise.resolve(this.#value ?? '');
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
      return this.#follow(value.trim());
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

  /** The provider's answer, or the successor's secret while the provider still answers the retired one. */
  #follow(value: string): string {
    const rotated = this.#rotated;
    if (!rotated) return value;
    if (value === rotated.retired) return rotated.successor;
    this.#rotated = undefined; // the provider hands out something else now: it is in charge again
    return value;
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
