/**
 * Opt-in pacing by the API's rate-limit headers: a pacer holds each request back until the
 * advertised window has room for it, so a pipeline sends nothing the API would refuse with 429.
 * Created with {@link createRateLimitPacer} and passed as the client's `rateLimit` option; a client
 * without one carries none of this code (it is tree-shaken away).
 *
 * How it counts: the `r` (requests left) of the newest answer in the current window, minus the
 * requests in flight (each may not have been counted yet when that answer was made), so N
 * concurrent calls never overrun `r`. When the window's `t` has passed it assumes the policy's full
 * `q` again (the in-flight requests still count). Until the first answer it sends one request at a
 * time, to learn the limit; an API that sends no rate-limit headers is not paced. Waiting uses
 * timers and is bounded by each call's `signal` and `totalTimeout`; retries (ky's) are paced too.
 *
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-09
 */
import { AbortError, InvalidArgumentError, TimeoutError } from './errors.js';
import { parseRateLimit } from './rate-limit.js';

/** Options of {@link createRateLimitPacer}. */
export interface RateLimitPacerOptions {
  /**
   * Added to every advertised reset time, in ms, 0 to 2147483647 (default 1000): `t` is in whole
   * seconds and a server may round it down, so the window may reset up to a second later than `t` says.
   */
  marginMs?: number | undefined;
}

/** @internal Gives back a request's place; idempotent. Pass the answer, if any, to learn from it. */
export type PacerRelease = (response?: Response) => void;

/** @internal What a call waits with. */
export interface PacerWait {
  signal: AbortSignal | undefined;
  /** Ms the call has left (undefined: no limit). */
  timeLeftMs: number | undefined;
  /** The call's `totalTimeout`, for the error. */
  totalTimeoutMs: number;
}

/** The longest delay `setTimeout` takes (2^31-1 ms, 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

interface Waiter {
  grant: () => void;
}

/** One policy's window, as far as the client knows it. */
class Window {
  /** Whether an answer was seen (until then, one request at a time). */
  known = false;
  /** Requests left (Infinity: no limit advertised). */
  remaining = Number.POSITIVE_INFINITY;
  /** `performance.now()` at which the window resets. */
  resetAt = 0;
  limit: number | undefined;
  windowMs: number | undefined;
  inFlight = 0;
  readonly waiters: Waiter[] = [];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Paces a client's requests by the API's `RateLimit` headers. Use one per token: the state is the
 * token's window. Not for `revoke-leaked` only: it keeps that operation's per-client window apart.
 */
export class RateLimitPacer {
  readonly #marginMs: number;
  readonly #windows = new Map<string, Window>();

  /** @throws {InvalidArgumentError} for options that are not an object, or a `marginMs` not from 0 to 2147483647 */
  constructor(options: RateLimitPacerOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new InvalidArgumentError(
        'createRateLimitPacer takes an options object, e.g. { marginMs: 1000 }.',
      );
    }
    const marginMs = options.marginMs ?? 1000;
    if (typeof marginMs !== 'number' || !(marginMs >= 0 && marginMs <= MAX_TIMER_MS)) {
      throw new InvalidArgumentError('marginMs must be a number of ms from 0 to 2147483647.');
    }
    this.#marginMs = marginMs;
  }

  /**
   * @internal Waits for room in the `policy` window (`token`, or `client` for operations without a
   * token) and takes a place: the release is given at once when there is room, else by a promise.
   * @throws {AbortError} when the signal aborts first; {@link TimeoutError} when the time runs out.
   */
  acquire(policy: string, wait: PacerWait): PacerRelease | Promise<PacerRelease> {
    let w = this.#windows.get(policy);
    if (!w) {
      w = new Window();
      this.#windows.set(policy, w);
    }
    if (w.waiters.length === 0 && this.#hasRoom(w)) return this.#take(w);
    return new Promise<PacerRelease>((resolve, reject) => {
      const { signal, timeLeftMs } = wait;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = w.waiters.indexOf(waiter);
        if (at !== -1) w.waiters.splice(at, 1);
      };
      const waiter: Waiter = {
        grant: () => {
          done();
          resolve(this.#take(w));
        },
      };
      const onAbort = () => {
        done();
        reject(
          new AbortError('The call was aborted by its AbortSignal while it waited for rate-limit room.'),
        );
        this.#pump(w);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      if (timeLeftMs !== undefined) {
        timer = setTimeout(
          () => {
            done();
            reject(new TimeoutError('total', wait.totalTimeoutMs));
            this.#pump(w);
          },
          Math.max(0, timeLeftMs),
        );
      }
      w.waiters.push(waiter);
      this.#pump(w);
    });
  }

  #hasRoom(w: Window): boolean {
    if (!w.known) return w.inFlight === 0;
    if (w.remaining !== Number.POSITIVE_INFINITY && performance.now() >= w.resetAt) {
      // The window has reset: the full quota again (or one probe when the quota is unknown).
      w.remaining = w.limit ?? 1;
      w.resetAt = performance.now() + (w.windowMs ?? 1000);
    }
    return w.inFlight < w.remaining;
  }

  #take(w: Window): PacerRelease {
    w.inFlight++;
    let released = false;
    return (response) => {
      if (released) return;
      released = true;
      w.inFlight--;
      if (response) this.#learn(w, response);
      this.#pump(w);
    };
  }

  #learn(w: Window, response: Response): void {
    const states = parseRateLimit(response);
    if (states.length === 0) {
      // No headers on a real answer: no limit applies (a failing proxy's 5xx teaches nothing).
      if (response.status < 500 && !w.known) w.known = true;
      return;
    }
    const now = performance.now();
    // The most restrictive policy the answer names (they come sorted by requests left).
    const state = states[0]!;
    const resetAt = now + state.resetSeconds * 1000 + this.#marginMs;
    const tolerance = 1000 + this.#marginMs;
    if (state.limit !== undefined) w.limit = state.limit;
    if (state.windowSeconds !== undefined) w.windowMs = state.windowSeconds * 1000;
    if (!w.known || w.remaining === Number.POSITIVE_INFINITY || resetAt > w.resetAt + tolerance) {
      // The first answer, or one from a newer window.
      w.remaining = state.remaining;
      w.resetAt = resetAt;
    } else if (resetAt >= w.resetAt - tolerance) {
      // The same window (answers may arrive out of order): the fewest left wins.
      w.remaining = Math.min(w.remaining, state.remaining);
      w.resetAt = Math.max(w.resetAt, resetAt);
    }
    // Else an answer from an older window that arrived late: nothing to learn.
    w.known = true;
  }

  /** Grants waiting requests in order while there is room; else wakes up when the window resets. */
  #pump(w: Window): void {
    while (w.waiters.length > 0 && this.#hasRoom(w)) w.waiters[0]!.grant();
    clearTimeout(w.timer);
    w.timer = undefined;
    if (w.waiters.length > 0 && w.known && w.remaining !== Number.POSITIVE_INFINITY) {
      // Capped: a longer window wakes up early, finds no room and waits again.
      w.timer = setTimeout(
        () => this.#pump(w),
        Math.min(MAX_TIMER_MS, Math.max(0, w.resetAt - performance.now())),
      );
    }
  }

  /** A secret-free description, for logs. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(
      [...this.#windows].map(([policy, w]) => [
        policy,
        { remaining: w.remaining, inFlight: w.inFlight, waiting: w.waiters.length },
      ]),
    );
  }
}

/**
 * Creates a pacer for the client's `rateLimit` option: requests wait (with timers) until the
 * API's advertised rate-limit window has room, instead of being refused with 429.
 *
 * @throws {InvalidArgumentError} for options that are not an object, or a `marginMs` that is not a
 *   number from 0 to 2147483647 (NaN, negative, a string), when the pacer is created
 *
 * @example
 * import { GraphToken, createRateLimitPacer } from '@graphtoken/sdk';
 * const client = new GraphToken({ token, rateLimit: createRateLimitPacer() });
 * await Promise.all(ids.map((id) => client.tokens.get(id))); // never a RateLimitError from the window
 */
export function createRateLimitPacer(options?: RateLimitPacerOptions): RateLimitPacer {
  return new RateLimitPacer(options);
}
