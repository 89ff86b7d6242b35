/**
 * Percent-encodings in a raw request path that a router reads as another path. msw (and any URL
 * router) matches the decoded path: `/%5F%5Fmock/state` and `/__mock%2Fstate` route to
 * `/__mock/state`, while a guard that reads the raw path sees no admin path. The standalone server
 * refuses such a target with `404 not_found` before any guard or handler, so the path it screens
 * is the path that is routed. No path of the API or of the admin endpoints needs one: its literal
 * segments and ids are unreserved characters only.
 * @internal
 */

/** The path part of a request target (origin-form `/p?q` or absolute-form `http://h/p?q`). */
function targetPath(target: string): string {
  const withoutQuery = target.split(/[?#]/, 1)[0] ?? '';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i.exec(withoutQuery);
  return absolute ? withoutQuery.slice(absolute[0].length) : withoutQuery;
}

/**
 * An encoded unreserved character (RFC 3986 §2.3: letters, digits, `-._~`), an encoded `/` or `\`
 * (a segment break once decoded), or an encoded `%` (double encoding: `%255F` decodes to `%5F`).
 */
const ROUTING_ESCAPE = /%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2[def]|5[cf]|7e|25)/i;

/**
 * Whether a raw request target's path holds a percent-encoding that changes how it routes once
 * decoded (see {@link ROUTING_ESCAPE}).
 * @example hasRoutingEscape('/%5F%5Fmock/state') // true
 * @example hasRoutingEscape('/__mock%2fstate') // true
 * @example hasRoutingEscape('/v1/tokens/self') // false
 */
export function hasRoutingEscape(target: string): boolean {
  return ROUTING_ESCAPE.test(targetPath(target));
}
