/**
 * How a replay record (`Idempotency-Key`, spec: "Idempotency") is kept in an SQLite `replays` row
 * (the table of `state-schema.ts`), shared by the state file and the standalone server's spilled
 * replay records: the row is named by a salted hash of the token id and the key, and a secret in
 * the answer (a create's or a rotate's) is sealed with a key derived from the `Idempotency-Key`
 * (see `sealed-secret.ts`), so the file never holds it in plain text.
 * @internal
 */
import type { DatabaseSync, SQLInputValue, SQLOutputValue } from 'node:sqlite';
import { REPLAY_TTL_MS, type StoredResponse } from '../internal/replay-store.js';
import { openSecret, replayKeyHash, sealSecret } from './sealed-secret.js';

export { replayKeyHash };

/** The prepared statements that write, read and prune `replays` rows. */
export function replayStatements(db: DatabaseSync) {
  return {
    putReplay: db.prepare(
      'INSERT OR REPLACE INTO replays (key_hash, expires_at, fingerprint, status, headers, body, sealed_secret) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    getReplay: db.prepare(
      'SELECT expires_at, fingerprint, status, headers, body, sealed_secret FROM replays WHERE key_hash = ?',
    ),
    pruneReplays: db.prepare('DELETE FROM replays WHERE expires_at <= ?'),
  };
}

/** The columns a `replays` row is written with, in the order of `INSERT ... (key_hash, expires_at, fingerprint, status, headers, body, sealed_secret)`. */
export function replayRow(
  salt: string,
  tokenId: string,
  key: string,
  response: StoredResponse,
  nowMs: number,
): SQLInputValue[] {
  const keyHash = replayKeyHash(salt, tokenId, key);
  let body = response.body;
  let sealed: string | null = null;
  const parsed = body === undefined ? undefined : (JSON.parse(body) as unknown);
  if (
    parsed !== null &&
    typeof parsed === 'object' &&
    typeof (parsed as { secret?: unknown }).secret === 'string'
  ) {
    const { secret, ...rest } = parsed as { secret: string };
    sealed = sealSecret(secret, salt, tokenId, key, keyHash);
    body = JSON.stringify(rest);
  }
  return [
    keyHash,
    nowMs + REPLAY_TTL_MS,
    response.fingerprint,
    response.status,
    JSON.stringify(response.headers),
    body ?? null,
    sealed,
  ];
}

/**
 * The stored answer of a row read by its `key_hash` (`keyHash`, from {@link replayKeyHash}; columns
 * `expires_at, fingerprint, status, headers, body, sealed_secret`); undefined when there is none or
 * it expired at `nowMs`.
 *
 * @throws {Error} when a sealed secret was altered (its authentication tag does not match).
 */
export function replayFromRow(
  row: Record<string, SQLOutputValue> | undefined,
  salt: string,
  tokenId: string,
  key: string,
  keyHash: string,
  nowMs: number,
): StoredResponse | undefined {
  if (row === undefined || Number(row.expires_at) <= nowMs) return undefined;
  let body = row.body === null ? undefined : String(row.body);
  if (row.sealed_secret !== null && body !== undefined) {
    const secret = openSecret(String(row.sealed_secret), salt, tokenId, key, keyHash);
    body = JSON.stringify({ ...JSON.parse(body), secret });
  }
  return {
    fingerprint: String(row.fingerprint),
    status: Number(row.status),
    headers: JSON.parse(String(row.headers)) as Record<string, string>,
    body,
  };
}
