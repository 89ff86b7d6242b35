/**
 * The package root and the browser entry must run wherever msw runs (browsers, workers, Deno, Bun):
 * no `node:` import may be reachable from them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  // Comments hold examples (`import { setupServer } from 'msw/node'`), not imports.
  const text = readFileSync(entry, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  for (const [, spec] of text.matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)) {
    if (spec!.startsWith('.')) reachable(resolve(dirname(entry), spec!.replace(/\.js$/, '.ts')), seen);
    else seen.add(spec!);
  }
  return seen;
}

describe('runtime neutrality', () => {
  it.each(['index.ts', 'browser/index.ts'])('imports nothing from node: in %s', (entry) => {
    const modules = [...reachable(join(src, entry))];
    expect(modules.filter((m) => m.startsWith('node:') || m === 'msw/node')).toEqual([]);
    expect(modules.length).toBeGreaterThan(10);
  });
});
