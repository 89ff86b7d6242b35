/**
 * Environment access that is safe in every runtime. Browsers (anything with a `document`, or a
 * worker without `process`) read nothing; Node, Deno, Bun and workers with `process.env` read
 * `GRAPHTOKEN_*` variables. No `node:` import, so the browser bundle stays clean. The browser build
 * swaps in env.browser.ts, which reads nothing and names no runtime: what this module does in a
 * browser.
 */
import { isBrowser } from './is-browser.js';

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
