/**
 * How the mock keeps secrets: only as SHA-256 hashes (as GitHub and Stripe store API keys), compared
 * in constant time so the time a lookup takes says nothing about how much of a guess was right.
 */
import { sha256Hex } from './sha256.js';

/** The stored form of a secret. */
export function hashSecret(secret: string): string {
  return `sha256:${sha256Hex(secret)}`;
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
