/**
 * Rotation on schedule: once the pipeline's token is older than `rotateAfterMs`, it replaces itself
 * with `tokens.rotateSelf` (no `manage` token needed), stores the successor's secret in the
 * {@link TokenStore} before anything uses it, and lets the old secret work for a grace period, so
 * whatever still holds it (a request in flight, a second worker) keeps working meanwhile.
 *
 * The client must read its token from the same store (`token: () => store.read()`): after the
 * rotation the SDK asks that provider again, so the next request goes out with the successor.
 */
import { randomUUID } from 'node:crypto';
import type { GraphToken } from '@graphtoken/sdk';
import type { TokenStore } from './token-store.ts';

/** Options of {@link SelfRotation}. */
export interface SelfRotationOptions {
  /** A client whose token provider reads `store`. */
  readonly client: GraphToken;
  readonly store: TokenStore;
  /** Rotate once the token is this old (ms since its `createdAt`), e.g. 30 days. */
  readonly rotateAfterMs: number;
  /** How long the old secret keeps working after a rotation, 0–604800 s; default 3600. */
  readonly gracePeriodSeconds?: number;
  /** The time now, in ms since the epoch; default `Date.now` (a test passes the mock's clock). */
  readonly now?: () => number;
}

/** What a rotation did: ids and hints, never a secret (it is safe to log). */
export interface Rotation {
  readonly tokenId: string;
  readonly successorId: string;
  /** The successor's hint (the last 4 characters of its secret), to recognise it in a token list. */
  readonly successorHint: string;
  /** When the old secret stops working (the end of the grace period). */
  readonly graceEndsAt: Date;
}

const DEFAULT_GRACE_PERIOD_SECONDS = 3600;

/** A rotation done by the API whose successor's secret the store has not taken yet. */
interface UnsavedRotation {
  readonly secret: string;
  /** The successor's id and creation time, the current token once stored. */
  readonly next: { id: string; createdAt: number };
  readonly rotation: Rotation;
}

/** Rotates the pipeline's token when it is due. */
export class SelfRotation {
  readonly #client: GraphToken;
  readonly #store: TokenStore;
  readonly #rotateAfterMs: number;
  readonly #gracePeriodSeconds: number;
  readonly #now: () => number;
  /** The current token's id and creation time, learned once by introspection, then from rotations. */
  #current: { id: string; createdAt: number } | undefined;
  /**
   * A rotation whose successor the store has not taken yet (its write failed): the client already
   * uses the successor (the SDK switches at once), so the next call stores it, rotating nothing.
   * Never shown: a private field is in neither JSON nor `util.inspect`.
   */
  #unsaved: UnsavedRotation | undefined;

  constructor(options: SelfRotationOptions) {
    if (!(options.rotateAfterMs > 0)) throw new RangeError('rotateAfterMs must be a positive number of ms');
    const grace = options.gracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
    if (!Number.isInteger(grace) || grace < 0 || grace > 604_800) {
      throw new RangeError('gracePeriodSeconds must be a whole number from 0 to 604800');
    }
    this.#client = options.client;
    this.#store = options.store;
    this.#rotateAfterMs = options.rotateAfterMs;
    this.#gracePeriodSeconds = grace;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Rotates when the token is due, else does nothing (one introspection the first time).
   * Call it only between requests that may be repeated with another token: an idempotency key is
   * kept per token, so a batch whose answer was lost must be resent with the token that sent it.
   * @returns the rotation, or `null` when none was due.
   * @throws the SDK's errors (e.g. `TokenNotActiveError` when the token was rotated elsewhere);
   *   the store's write error: the next call in this process writes the successor's secret again;
   *   a new process (after a crash, with the old secret, during its grace period) replays the
   *   same successor by its Idempotency-Key, a random one kept in the store before the request.
   */
  async rotateIfDue(): Promise<Rotation | null> {
    if (this.#unsaved) return await this.#save(this.#unsaved);
    if (!this.#current) {
      const { token } = await this.#client.tokens.introspect();
      this.#current = { id: token.id, createdAt: Date.parse(token.createdAt) };
    }
    const current = this.#current;
    if (this.#now() - current.createdAt < this.#rotateAfterMs) return null;
    // A random key, kept before the request goes out: a rerun after a crash sends it again and gets
    // the same successor back; no one else can rebuild it (a key derived from the public token id
    // would let whoever holds the leaked old secret replay the rotation and read the successor's).
    let pending = await this.#store.readPendingRotation();
    if (pending?.tokenId !== current.id) {
      pending = { tokenId: current.id, idempotencyKey: randomUUID() };
      await this.#store.writePendingRotation(pending);
    }
    const {
      data: { token, secret },
      response,
    } = await this.#client.tokens
      .rotateSelf({ gracePeriodSeconds: this.#gracePeriodSeconds, idempotencyKey: pending.idempotencyKey })
      .withResponse();
    return await this.#save({
      secret,
      next: { id: token.id, createdAt: Date.parse(token.createdAt) },
      rotation: {
        tokenId: current.id,
        successorId: token.id,
        successorHint: token.hint,
        // The answer's expiry header is the old secret's last moment (the end of the grace period).
        graceEndsAt: new Date(
          Date.parse(response.headers.get('graphtoken-token-expiration') ?? '') ||
            this.#now() + this.#gracePeriodSeconds * 1000,
        ),
      },
    });
  }

  /** Stores the successor's secret (before the client asks the store again), then forgets the key. */
  async #save(unsaved: UnsavedRotation): Promise<Rotation> {
    this.#unsaved = unsaved;
    await this.#store.write(unsaved.secret);
    this.#unsaved = undefined;
    await this.#store.writePendingRotation(undefined);
    this.#current = unsaved.next;
    return unsaved.rotation;
  }
}
