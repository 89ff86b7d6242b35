/**
 * How a refused redirect's error names where it pointed (see redirect-fetch.ts). The browser build
 * swaps in redirect-target.browser.ts: a browser hides a manual redirect's `Location` from scripts.
 */

/**
 * Where a `Location` leads: the path and query it resolves to against the request's URL (dot
 * segments resolved), after its origin when that differs; never credentials or a fragment. An
 * unparsable one is quoted as it came. At most 200 characters.
 *
 * @example redirectTarget('../self', new URL('https://api.graphtoken.dev/v1/tokens/tok_x')) // '/v1/self'
 */
export function redirectTarget(location: string, from: URL): string | undefined {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return JSON.stringify(location.slice(0, 200));
  }
  return `${to.origin === from.origin ? '' : `${to.protocol}//${to.host}`}${to.pathname}${to.search}`.slice(
    0,
    200,
  );
}
