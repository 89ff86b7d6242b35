/**
 * Webhook signatures as the Standard Webhooks spec defines them (https://www.standardwebhooks.com):
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed
 * with the base64 part of a `whsec_…` secret. Web Crypto only, so it runs in Node and edge workers.
 */

/** How far `webhook-timestamp` may be from now, in seconds, before a delivery is refused as a replay. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** Why a signature was refused. */
export type SignatureProblem = 'missing_headers' | 'stale_timestamp' | 'bad_signature';

function keyBytes(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

function importKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', keyBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const signedContent = (id: string, timestamp: string, body: string) =>
  new TextEncoder().encode(`${id}.${timestamp}.${body}`);

/**
 * Signs a delivery the way a Standard Webhooks sender does; returns the `webhook-signature` value.
 * Used by the tests, and handy to send yourself a test delivery.
 */
export async function signWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await importKey(secret, 'sign');
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, signedContent(id, String(timestamp), body)),
  );
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}

/**
 * Checks a delivery's signature headers against its raw body. The comparison is Web Crypto's
 * `verify` (constant time); every `v1` signature in the header is tried (senders list several
 * while they rotate their secret).
 */
export async function verifyWebhookSignature(
  secret: string,
  headers: Headers,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SignatureProblem | null> {
  const id = headers.get('webhook-id');
  const timestamp = headers.get('webhook-timestamp');
  const signatures = headers.get('webhook-signature');
  if (!id || !timestamp || !signatures) return 'missing_headers';
  const sentAt = Number(timestamp);
  if (!Number.isInteger(sentAt) || Math.abs(nowSeconds - sentAt) > TIMESTAMP_TOLERANCE_SECONDS) {
    return 'stale_timestamp';
  }
  const key = await importKey(secret, 'verify');
  const content = signedContent(id, timestamp, body);
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    let mac: Uint8Array<ArrayBuffer>;
    try {
      mac = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    } catch {
      continue;
    }
    if (await crypto.subtle.verify('HMAC', key, mac, content)) return null;
  }
  return 'bad_signature';
}
