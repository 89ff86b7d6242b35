#!/usr/bin/env node
/**
 * Long fuzz runs of the standalone server: `pnpm --filter @graphtoken/mock fuzz -- --requests 50000
 * [--seed N]`. Runs the fuzz test of the test command (src/http/fuzz.test.ts) with that many
 * requests and prints its figures: requests, duration, 5xx, unanswered, violations and the
 * statuses histogram. Exits 1 when any promise was broken.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = 'Usage: pnpm --filter @graphtoken/mock fuzz -- [--requests N] [--seed N]';
let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      requests: { type: 'string', default: '50000' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
for (const name of ['requests', 'seed']) {
  if (values[name] !== undefined && !/^\d+$/.test(values[name])) {
    console.error(`--${name} must be a whole number (got "${values[name]}")\n${usage}`);
    process.exit(2);
  }
}

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'graphtoken-fuzz-'));
const report = join(dir, 'report.txt');
try {
  const run = spawnSync('pnpm', ['exec', 'vitest', 'run', 'src/http/fuzz.test.ts', '--reporter=dot'], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      GRAPHTOKEN_FUZZ_REQUESTS: values.requests,
      GRAPHTOKEN_FUZZ_REPORT: report,
      ...(values.seed !== undefined && { GRAPHTOKEN_FUZZ_SEED: values.seed }),
    },
  });
  let text;
  try {
    text = readFileSync(report, 'utf8');
  } catch {
    console.error(`the fuzz run produced no report (vitest exited with ${run.status})`);
    process.exit(1);
  }
  console.log(text);
  process.exit(run.status === 0 ? 0 : 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
