/**
 * Lifecycle hooks, for logging, metrics and tracing. Every event is already redacted: the
 * `Authorization` header shows as `Bearer gt_…abcd` and any token-like text is scrubbed, so a
 * hook can log an event as it is.
 */
import type { OperationId } from '@graphtoken/contract';
import type { GraphTokenError } from './errors.js';

/** A request about to be sent (each retry is one; the SDK follows no redirect). */
export interface RequestEvent {
  readonly operationId: OperationId;
  readonly method: string;
  /** The URL, scrubbed. */
  readonly url: string;
  /** The request headers, credentials redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
}

/** A response received (a redirect the SDK refused included). */
export interface ResponseEvent {
  readonly operationId: OperationId;
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly status: number;
  /** `X-Request-Id`, to quote to support; scrubbed (a secret echoed there shows as its hint). */
  readonly requestId: string | undefined;
  /** The response headers, scrubbed. */
  readonly headers: Readonly<Record<string, string>>;
  /** Time from sending this attempt to its response headers. */
  readonly durationMs: number;
}

/** A failed attempt that is about to be retried. */
export interface RetryEvent {
  readonly operationId: OperationId;
  readonly method: string;
  readonly url: string;
  /** 1 for the first retry. */
  readonly retryCount: number;
  /** Why the previous attempt failed. */
  readonly error: GraphTokenError;
}

/** Hooks called during every call; they may be async (the call waits for them). */
export interface Hooks {
  /** Before every physical request. */
  onRequest?: ((event: RequestEvent) => void | Promise<void>) | undefined;
  /** After every response, successful or not. */
  onResponse?: ((event: ResponseEvent) => void | Promise<void>) | undefined;
  /** Before each retry. */
  onRetry?: ((event: RetryEvent) => void | Promise<void>) | undefined;
  /** When a call fails for good (after retries), with the error it rejects with. */
  onError?:
    | ((error: GraphTokenError, context: { readonly operationId: OperationId }) => void | Promise<void>)
    | undefined;
}

/**
 * The calling token stops working soon: its `GraphToken-Token-Expiration` (its `expiresAt`, or the
 * end of its rotation grace period) is within the client's `tokenExpiringWithinMs`. Never holds
 * the secret.
 */
export interface TokenExpiringEvent {
  /** When the token stops working. */
  readonly expiresAt: Date;
  /** The token's public hint (`gt_…abcd`), to find it in `graphtoken tokens list`. */
  readonly tokenHint: string;
  /** The call whose answer carried the header. */
  readonly operationId: OperationId;
  /** That answer's `X-Request-Id`, scrubbed (a secret echoed there shows as its hint). */
  readonly requestId: string | undefined;
}
