/**
 * What a journal entry keeps once the journal's byte budget drops it to its lean form: no body,
 * at most {@link LEAN_HEADER_BYTES} of headers and {@link LEAN_URL_LENGTH} characters of its path
 * and URL. An ordinary request (a few headers, a short URL) is its own lean form but for its body,
 * so only bodies are ever dropped from it; a request with oversized headers or URL costs the budget
 * its excess, and loses it first when the budget is full.
 * @internal
 */
import { recordedBodyBytes } from './internal/recorded-size.js';
import type { RecordedRequest } from './requests.js';

/** The estimated heap bytes of headers an entry keeps in its lean form (2 KiB). */
export const LEAN_HEADER_BYTES = 2 * 1024;

/** The characters of path and URL an entry keeps in its lean form. */
export const LEAN_URL_LENGTH = 256;

/**
 * The header name under which a lean entry says how many headers it dropped: not a valid header
 * name (it starts with `…`), so it never stands for one a client sent.
 */
export const DROPPED_HEADERS_KEY = '…[dropped headers]';

/** What ends a path or URL cut to {@link LEAN_URL_LENGTH} characters. */
export const CUT_URL_MARKER = '…[cut: the journal keeps the newest long URLs only, see journalBodyBytes]';

/** The marker a lean body stands as; given by the journal (its public constant). */
type BodyMarker = string;

/**
 * A new flat copy of a short string. `slice` and friends give V8 sliced strings that keep their
 * whole original alive: the recorded path, a few characters cut from the request URL, kept an 8 KB
 * URL alive (measured: 8.8 KiB retained per lean entry). Copied through JSON (runtime-neutral).
 */
const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** The first {@link LEAN_URL_LENGTH} characters and the marker, as a flat string. */
const cut = (text: string): string =>
  flat(text.length <= LEAN_URL_LENGTH ? text : text.slice(0, LEAN_URL_LENGTH) + CUT_URL_MARKER);

/** The headers that fit in {@link LEAN_HEADER_BYTES}, in order, the rest named by count only. */
function leanHeaders(headers: Record<string, string>): Record<string, string> {
  if (recordedBodyBytes(headers) <= LEAN_HEADER_BYTES) return headers;
  const kept: Record<string, string> = {};
  let bytes = recordedBodyBytes({});
  let dropped = 0;
  for (const [name, value] of Object.entries(headers)) {
    const size = recordedBodyBytes({ [name]: value }) - recordedBodyBytes({});
    if (bytes + size > LEAN_HEADER_BYTES) {
      dropped++;
      continue;
    }
    kept[name] = value;
    bytes += size;
  }
  kept[DROPPED_HEADERS_KEY] =
    `${dropped} of ${Object.keys(headers).length} headers dropped (${LEAN_HEADER_BYTES} bytes kept per old entry, see journalBodyBytes)`;
  return kept;
}

/** An entry's lean form: its body replaced by `bodyMarker` (null stays null), headers and URL cut. */
export function leanEntry(r: RecordedRequest, bodyMarker: BodyMarker): RecordedRequest {
  return {
    ...r,
    body: r.body === null ? null : bodyMarker,
    path: cut(r.path),
    url: cut(r.url),
    headers: leanHeaders(r.headers),
  };
}

/** The estimated heap bytes of what is dropped from an entry to its lean form. */
export function droppableBytes(r: RecordedRequest): number {
  let bytes = r.body === null ? 0 : recordedBodyBytes(r.body);
  if (r.path.length > LEAN_URL_LENGTH) bytes += 2 * (r.path.length - LEAN_URL_LENGTH);
  if (r.url.length > LEAN_URL_LENGTH) bytes += 2 * (r.url.length - LEAN_URL_LENGTH);
  const headerBytes = recordedBodyBytes(r.headers);
  if (headerBytes > LEAN_HEADER_BYTES) bytes += headerBytes - LEAN_HEADER_BYTES;
  return bytes;
}
