/**
 * How a replay record of a create or rotate keeps its secret on disk: encrypted (AES-256-GCM) with
 * a key derived (HKDF-SHA-256) from the `Idempotency-Key` that stored it, which the file does not
 * hold (it holds a salted SHA-256 of it, to find the record). Only a retry that presents the key
 * can read the secret back; the file alone never shows it.
 * @internal
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'graphtoken-mock replay secret';

/** The name of a replay record in the file: a salted hash of the token id and the key. */
export function replayKeyHash(salt: string, tokenId: string, key: string): string {
  return createHash('sha256').update(`${salt}\n${tokenId}\n${key}`, 'utf8').digest('hex');
}

function keyFor(salt: string, tokenId: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(key, 'utf8'), salt, `${INFO}\n${tokenId}`, 32));
}

/** Encrypts a secret for the record named `keyHash`: `iv.tag.ciphertext`, base64url each. */
export function sealSecret(
  secret: string,
  salt: string,
  tokenId: string,
  key: string,
  keyHash: string,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(salt, tokenId, key), iv);
  cipher.setAAD(Buffer.from(keyHash));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/**
 * Decrypts a sealed secret with the key the retry presented.
 *
 * @throws {Error} when the record was altered (the authentication tag does not match).
 */
export function openSecret(
  sealed: string,
  salt: string,
  tokenId: string,
  key: string,
  keyHash: string,
): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) throw new Error('a sealed replay secret is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(salt, tokenId, key), iv);
  decipher.setAAD(Buffer.from(keyHash));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
