/**
 * The `onTokenExpiring` hook: reads `GraphToken-Token-Expiration` on every answer and tells the
 * app once per token (per client) when that time comes within the warning window, so a pipeline
 * is warned before its token stops working.
 *
 * @see ../../../../spec/openapi.yaml `info.description` "Expiry warning"
 */
import type { OperationId } from '@graphtoken/contract';
import { redactToken } from '@graphtoken/contract';
import type { TokenExpiringEvent } from '../core/hooks.js';
import { requestIdOf } from './redact.js';

/** The tokens a client remembers having warned about; past it, the oldest is forgotten. */
const REMEMBERED = 64;

/** Warns once per token; one per client. */
export class ExpiryWatch {
  readonly #hook: (event: TokenExpiringEvent) => void | Promise<void>;
  readonly #windowMs: number;
  /** The tokens already warned about (held in memory only, as the client holds its token). */
  readonly #warned = new Set<string>();

  constructor(hook: (event: TokenExpiringEvent) => void | Promise<void>, windowMs: number) {
    this.#hook = hook;
    this.#windowMs = windowMs;
  }

  /** Checks one answer to a request made with `token`; a missing or unreadable header is ignored. */
  check(response: Response, token: string, operationId: OperationId): void {
    if (this.#warned.has(token)) return;
    const value = response.headers.get('graphtoken-token-expiration');
    const at = value === null ? Number.NaN : Date.parse(value);
    if (Number.isNaN(at) || at - Date.now() > this.#windowMs) return;
    this.#warned.add(token);
    if (this.#warned.size > REMEMBERED) this.#warned.delete(this.#warned.values().next().value as string);
    const event: TokenExpiringEvent = {
      expiresAt: new Date(at),
      tokenHint: redactToken(token),
      operationId,
      requestId: requestIdOf(response.headers, [token]),
    };
    try {
      // A warning must never fail the call that carried it.
      Promise.resolve(this.#hook(event)).catch(() => undefined);
    } catch {
      // The hook threw synchronously: ignored, for the same reason.
    }
  }
}
