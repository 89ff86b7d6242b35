/**
 * Environment access that is safe in every runtime. Browsers (anything with a `document`, or a
 * worker without `process`) read nothing; Node, Deno, Bun and workers with `process.env` read
 * `GRAPHTOKEN_*` variables. No `node:` import, so the browser bundle stays clean. The browser build
 * keeps this module as it is (no `.browser.ts` variant): a runtime that picks the `browser`
 * condition without being a browser (`node --conditions=browser`, a bundle made for browsers run
 * by Node) still reads its `GRAPHTOKEN_*` variables, `GRAPHTOKEN_BASE_URL` included, so a token
 * meant for a local or staging API never goes to the default one.
 */

/** Whether the code runs in a browser page or a browser worker. */
export function isBrowser(): boolean {
  const g = globalThis as { document?: unknown; window?: unknown; importScripts?: unknown };
  return typeof g.document !== 'undefined' || typeof g.importScripts === 'function';
}

/** A non-empty environment variable, or undefined (always undefined in browsers). */
export function readEnv(name: string): string | undefined {
  if (isBrowser() || typeof process === 'undefined') return undefined;
  try {
    const value = process.env?.[name]?.trim();
    return value ? value : undefined;
  } catch {
    // Deno without --allow-env throws on access: treat as unset.
    return undefined;
  }
}

/** A short runtime description for the User-Agent (`node/24.1.0`, `bun/1.2`, `deno/2.1`), outside browsers. */
export function runtimeName(): string {
  const g = globalThis as { Bun?: { version?: string }; Deno?: { version?: { deno?: string } } };
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (typeof process !== 'undefined' && process.versions?.node) return `node/${process.versions.node}`;
  return 'unknown';
}
