/**
 * Where the client's token comes from: a fixed string, or a (possibly async) provider called on
 * first use and again, once, after the API reports the token expired or revoked, which is how a
 * pipeline rotates secrets without downtime. Concurrent calls share one provider call.
 */

/** A token, or a function that returns one (from a vault, a file, a refresh flow). */
export type TokenProvider = () => string | Promise<string>;

/** Holds the current token; never exposes it through enumeration, JSON or inspect. */
export class TokenSource {
  readonly #provider: TokenProvider | undefined;
  #current: Promise<string | undefined>;
  #loaded: boolean;

  constructor(token: string | TokenProvider | undefined) {
    if (typeof token === 'function') {
      this.#provider = token;
      this.#current = Promise.resolve(undefined);
      this.#loaded = false;
    } else {
      this.#provider = undefined;
      this.#current = Promise.resolve(token?.trim());
      this.#loaded = true;
    }
  }

  /** Whether a fresh token can be asked for after `token_expired` / `token_revoked`. */
  get canRefresh(): boolean {
    return this.#provider !== undefined;
  }

  /** The token to use now; calls the provider on first use (and after a failed call). */
  get(): Promise<string | undefined> {
    if (!this.#loaded) this.#load();
    return this.#current;
  }

  /**
   * A token to replace `stale`: if another call already replaced it, that one; else the
   * provider's next answer (which may be the same token: then the caller gives up).
   */
  async refresh(stale: string): Promise<string | undefined> {
    const current = await this.#current.catch(() => undefined);
    if (current !== undefined && current !== stale) return current;
    this.#load();
    return this.#current;
  }

  #load(): void {
    const provider = this.#provider;
    if (!provider) return;
    this.#loaded = true;
    const next = Promise.resolve()
      .then(provider)
      .then((value) => {
        if (typeof value !== 'string') throw new TypeError('the token provider must return a string');
        return value.trim();
      });
    // A failed provider call is retried on the next request instead of being cached.
    next.catch(() => {
      if (this.#current === next) this.#loaded = false;
    });
    this.#current = next;
  }

  /** Never shows the token. */
  toJSON(): string {
    return '[TokenSource]';
  }

  /** Never shows the token. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[TokenSource]';
  }
}
