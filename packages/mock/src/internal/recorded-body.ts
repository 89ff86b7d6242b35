/**
 * What the request journal keeps of a body: the parsed JSON (secrets scrubbed) up to 64 KiB, and
 * beyond that the first 64 KiB of its text with a marker, so a journal of 10,000 requests stays
 * bounded however large the bodies sent (a 401 with an 8 MiB body included). A body the request
 * does not need (one whose credentials fail) is read only that far.
 * @internal
 */
import { scrubEncodedSecrets } from '@graphtoken/contract';
import { RECORDED_BODY_LIMIT, TRUNCATED_MARKER } from '../requests.js';
import { scrubJson } from './redact.js';

/** The text of the first `limit` bytes of a body (then the rest is cancelled), and whether there was more. */
export async function readBodyPrefix(
  request: Request,
  limit: number = RECORDED_BODY_LIMIT,
): Promise<{ text: string; truncated: boolean }> {
  if (request.body === null) return { text: '', truncated: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > limit) {
      truncated = true;
      // Not awaited: a tee'd body (msw clones requests) settles a cancel only once every branch is cancelled.
      reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.length;
    if (at === bytes.length) break;
  }
  return { text: new TextDecoder().decode(bytes), truncated };
}

function cut(text: string): string {
  return `${scrubEncodedSecrets(text)}${TRUNCATED_MARKER}`;
}

/**
 * The recorded form of a body: null when empty; the first 64 KiB of the text plus the marker when
 * larger (or when only a prefix was read); else the parsed JSON, or the text when not JSON.
 */
export function recordedBody(
  text: string,
  parsed: { ok: true; value: unknown } | { ok: false } | undefined,
  truncated: boolean,
): unknown {
  if (truncated) return cut(text);
  if (parsed === undefined) return null;
  // Over 3 bytes per UTF-16 unit is impossible, so only a long text needs its bytes counted.
  if (text.length * 3 > RECORDED_BODY_LIMIT) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > RECORDED_BODY_LIMIT) {
      return cut(new TextDecoder().decode(bytes.subarray(0, RECORDED_BODY_LIMIT)));
    }
  }
  return scrubJson(parsed.ok ? parsed.value : text);
}
