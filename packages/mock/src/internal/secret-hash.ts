/**
 * How the mock keeps secrets: only as SHA-256 hashes (as GitHub and Stripe store API keys). A
 * lookup is by hash (a Map key), so the time it takes depends on the hash of the guess, which says
 * nothing about how much of the secret was right.
 */
import { sha256Hex } from './sha256.js';

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return `sha256:${sha256Hex(secret)}`;
}
