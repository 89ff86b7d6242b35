/**
 * Dot segments in a raw request target. A URL parser resolves `.` and `..` (also percent-encoded
 * as `%2e`, and after a `\`, which it reads as `/`) before any router sees the path, so
 * `/v1/graphs/gr_x/blocks/%2e%2e` would reach getGraph. The standalone server refuses such a target
 * with `404 not_found` instead: it names no operation of the API.
 */

/** The path part of a request target (origin-form `/p?q` or absolute-form `http://h/p?q`). */
function targetPath(target: string): string {
  const withoutQuery = target.split(/[?#]/, 1)[0] ?? '';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/\\]*/i.exec(withoutQuery);
  return absolute ? withoutQuery.slice(absolute[0].length) : withoutQuery;
}

/**
 * Whether a URL parser would turn a raw request target's path into another path: it has a `\`
 * (read as `/`, so `tokens\self` becomes `tokens/self`), or a `.` or `..` segment, plain or
 * percent-encoded (`%2e`, `.%2E`…).
 * @example hasDotSegment('/v1/tokens/self/..') // true
 * @example hasDotSegment('/v1/tokens\\self') // true
 */
export function hasDotSegment(target: string): boolean {
  const path = targetPath(target);
  if (path.includes('\\')) return true;
  return path.split('/').some((segment) => {
    const dots = segment.replace(/%2e/gi, '.');
    return dots === '.' || dots === '..';
  });
}
