/**
 * The browser build's stand-in for redirect-target.ts. A browser answers a `redirect: 'manual'`
 * fetch with an opaque response whose `Location` scripts cannot read, so the code that names it is
 * dead weight there; the refusal itself (redirect-fetch.ts) is the same in every build.
 */

/** Nothing: the error says the redirect was refused without naming its target. */
export function redirectTarget(_location: string, _from: URL): string | undefined {
  return undefined;
}
