/**
 * Durability benchmark: at least 50 SIGKILLs of a real `graphtoken-mock --state-file` process
 * during concurrent appends (each with its own Idempotency-Key), each followed by a restart and a
 * same-key retry of every unanswered append. Goal: 0 acknowledged appends lost, 0 duplicated, 0
 * state files that fail to open.
 *
 * Run (after `pnpm --filter @graphtoken/mock build`):
 *   node packages/mock/bench/durability.ts [--kills 50] [--workers 8]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTokenSecret } from '@graphtoken/contract';
import { runDurability } from './durability-harness.ts';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '50' }, workers: { type: 'string', default: '8' } },
});
const bin = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'graphtoken-durability-'));
const started = performance.now();
try {
  const result = await runDurability({
    bin,
    dir,
    kills: Number(values.kills),
    workers: Number(values.workers),
    secret: generateTokenSecret(),
    log: (line) => console.log(line),
  });
  console.log(`\n${JSON.stringify(result)}`);
  console.log(
    `${result.kills} SIGKILLs in ${((performance.now() - started) / 1000).toFixed(0)} s: ` +
      `${result.acknowledged} appends acknowledged (${result.retried} of them by a same-key retry after a restart, ` +
      `${result.replayed} of which the killed server had committed: replayed, not appended again); ` +
      `lost ${result.lost}, duplicated ${result.duplicated}, state files refused ${result.corruptFiles} ` +
      `(goal 0/0/0: ${result.lost + result.duplicated + result.corruptFiles === 0 ? 'ok' : 'NOT MET'})`,
  );
  if (result.lost + result.duplicated + result.corruptFiles > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
