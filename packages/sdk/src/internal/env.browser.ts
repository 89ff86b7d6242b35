/**
 * The browser build's stand-in for env.ts (see tsup.config.ts). In a browser, env.ts reads no
 * environment variable (`isBrowser()` is true there) and its runtime name is never asked for (the
 * browser sets its own User-Agent), so the code that reads `process.env` and names Node, Deno or
 * Bun is dead weight in that build. This module answers what env.ts answers in a browser.
 *
 * Outside a browser (a runtime that resolves the `browser` export condition without being one),
 * the browser build reads no `GRAPHTOKEN_*` variable: pass `token` and `baseUrl` to the client.
 */

/** Nothing: a browser has no environment variables. */
export function readEnv(_name: string): string | undefined {
  return undefined;
}

/** `unknown`, what env.ts names a runtime that is not Node, Deno or Bun (a browser). */
export function runtimeName(): string {
  return 'unknown';
}
