/**
 * Whether the code runs in a browser page or a browser worker (anything with a `document`, or a
 * worker with `importScripts`). The same in every build: the browser build's env.browser.ts reads
 * no environment, but the refusal of a static token in a browser (client.ts) asks this everywhere.
 */
export function isBrowser(): boolean {
  const g = globalThis as { document?: unknown; window?: unknown; importScripts?: unknown };
  return typeof g.document !== 'undefined' || typeof g.importScripts === 'function';
}
