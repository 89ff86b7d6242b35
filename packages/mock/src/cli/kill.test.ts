/**
 * Nothing acknowledged is lost when the server is killed: a real `graphtoken-mock --state-file`
 * child process is SIGKILLed a few times during concurrent appends and restarted; every appended
 * block it acknowledged is there afterwards, and a same-key retry of an unanswered one never
 * appends it twice. (The durability benchmark runs the same harness with 50+ kills.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTokenSecret } from '@graphtoken/contract';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDurability } from '../../bench/durability-harness.ts';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(packageDir, 'node_modules/.cache/graphtoken-mock-kill-test');
const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-kill-'));

beforeAll(async () => {
  await build({
    entry: { 'cli/index': join(packageDir, 'src/cli/index.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    config: false,
    silent: true,
    clean: true,
    dts: false,
    sourcemap: false,
    external: [/^[^./]/],
  });
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kill -9', () => {
  it('loses no acknowledged append and duplicates none over 3 SIGKILLs and restarts', async () => {
    const result = await runDurability({
      bin: join(outDir, 'cli/index.js'),
      dir: tmp,
      kills: 3,
      workers: 4,
      runMs: [150, 300],
      secret: generateTokenSecret(),
    });
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result).toMatchObject({ kills: 3, lost: 0, duplicated: 0, corruptFiles: 0 });
  }, 90_000);
});
