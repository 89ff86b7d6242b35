/**
 * `graphtoken scan` throughput: generates a source-like tree in a temp directory (text files of
 * mixed sizes with `gt_` look-alikes, planted real secrets, binary files (graphtoken scans them,
 * grep -I skips them), and `.git` and `node_modules` directories that both tools skip), then times the built `graphtoken scan` and
 * `grep -rE` for the same pattern on the same tree, interleaved, after a warm-up pass so both read
 * from the page cache. Prints MB/s beside the goal (50 MB/s) and the same-run ratio to grep.
 *
 * Run: `pnpm --filter @graphtoken/cli build && pnpm --filter @graphtoken/cli bench`
 * Options: `--mb <n>` size of the scanned text (default 128), `--rounds <n>` (default 5),
 * `--keep` leaves the tree in place.
 *
 * It fails (exit 1) unless graphtoken finds exactly the planted secrets, so a scanner that skips
 * work cannot post a good figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateTokenSecret, TOKEN_PREFIX, tokenHint } from '@graphtoken/contract';

const GOAL_MB_PER_S = 50;
const BIN = new URL('../dist/bin.js', import.meta.url).pathname;

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '128' },
    rounds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const targetBytes = Number(args.mb) * 1e6;
const rounds = Number(args.rounds);

// A deterministic generator, so every run scans the same kind of tree.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const alnum = (n: number) => Array.from({ length: n }, () => pick([...ALNUM])).join('');

const WORDS =
  'const let function return import export from async await token graph block scope read write append manage client request response error status config value result items page cursor name description created expires'.split(
    ' ',
  );

/** One line of source-like text; some carry `gt_` look-alikes that must not match. */
function line(): string {
  const r = random();
  if (r < 0.01) return `  const fake = '${TOKEN_PREFIX}${alnum(36)}'; // a look-alike: wrong checksum`;
  if (r < 0.03) return `  // see ${TOKEN_PREFIX}docs and ${TOKEN_PREFIX}${alnum(12)}`;
  const words = Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(WORDS));
  return `  ${words.join(' ')}(${Math.floor(random() * 1e6)});`;
}

/** 4 MB of text to cut files from. */
const POOL = Array.from({ length: 80_000 }, line).join('\n');

function text(bytes: number): string {
  const start = Math.floor(random() * (POOL.length - bytes));
  return POOL.slice(start, start + bytes);
}

const root = mkdtempSync(join(tmpdir(), 'graphtoken-scan-bench-'));
const planted: string[] = [];
let written = 0;
let files = 0;
process.stderr.write(`generating ~${args.mb} MB in ${root}…\n`);
while (written < targetBytes) {
  const dir = join(root, `pkg${files % 40}`, `src${files % 7}`, files % 3 === 0 ? 'deep/er' : '');
  mkdirSync(dir, { recursive: true });
  // Mostly small source files, some larger ones (generated code, fixtures, logs).
  const r = random();
  const size = r < 0.9 ? 2_000 + Math.floor(random() * 30_000) : 200_000 + Math.floor(random() * 800_000);
  let body = text(Math.min(size, POOL.length - 1));
  if (files % 97 === 0) {
    const secret = generateTokenSecret();
    planted.push(secret);
    const at = Math.floor(body.length / 2);
    body = `${body.slice(0, at)}\nGRAPHTOKEN_TOKEN=${secret}\n${body.slice(at)}`;
  }
  writeFileSync(join(dir, `file${files}.ts`), body);
  written += Buffer.byteLength(body);
  files++;
}
// Binary files: graphtoken scans them as bytes (each holds a planted secret it must find).
for (let i = 0; i < 5; i++) {
  const secret = generateTokenSecret();
  planted.push(secret);
  const binary = Buffer.alloc(1_000_000, 7);
  binary[10] = 0;
  binary.write(secret, 500_000, 'latin1');
  writeFileSync(join(root, `pkg${i}`, `image${i}.png`), binary);
}
// Skipped by both tools: .git and node_modules (each holds a secret that must not count).
for (const skipped of ['.git/objects', 'node_modules/some-lib']) {
  mkdirSync(join(root, skipped), { recursive: true });
  for (let i = 0; i < 20; i++) {
    writeFileSync(join(root, skipped, `f${i}.js`), `${text(200_000)}\n${generateTokenSecret()}\n`);
  }
}

/** Runs a tool that must report matches (graphtoken exits 1 when it finds secrets, grep 0). */
function time(command: string, argv: readonly string[], found: number): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, argv, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== found) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

const empty = mkdtempSync(join(tmpdir(), 'graphtoken-scan-bench-empty-'));

const tools = {
  graphtoken: () => time(process.execPath, [BIN, 'scan', root, '--json'], 1),
  // The fixed cost of a run (starting Node, loading the CLI), to tell it from the scanning.
  startup: () => time(process.execPath, [BIN, 'scan', empty, '--json'], 0),
  grep: () =>
    time(
      'grep',
      ['-rEIn', '--exclude-dir=.git', '--exclude-dir=node_modules', `${TOKEN_PREFIX}[0-9A-Za-z]{36}`, root],
      0,
    ),
};

try {
  // Warm-up (fills the page cache) and the correctness check.
  const report = JSON.parse(tools.graphtoken().stdout) as {
    findings: { hint: string }[];
    scanned: { files: number; bytes: number };
  };
  tools.grep();
  const want = planted.map(tokenHint).sort();
  const got = report.findings.map((f) => f.hint).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`graphtoken found ${got.length} secrets, ${want.length} were planted`);
  }
  const samples: Record<keyof typeof tools, number[]> = { graphtoken: [], startup: [], grep: [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(tools) as (keyof typeof tools)[])
      samples[name].push(tools[name]().seconds);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mb = report.scanned.bytes / 1e6;
  const rate = (name: keyof typeof tools) => mb / median(samples[name]);
  const ours = rate('graphtoken');
  console.log(
    `graphtoken scan throughput: ${report.scanned.files} files, ${mb.toFixed(1)} MB scanned ` +
      `(binary files included; .git, node_modules skipped), ${planted.length} planted secrets all found, median of ${rounds}`,
  );
  console.log(
    `  graphtoken scan  ${median(samples.graphtoken).toFixed(3)} s  ${ours.toFixed(0).padStart(5)} MB/s  ` +
      `goal ≥ ${GOAL_MB_PER_S} MB/s: ${ours >= GOAL_MB_PER_S ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  grep -rEIn       ${median(samples.grep).toFixed(3)} s  ${rate('grep').toFixed(0).padStart(5)} MB/s`,
  );
  const scanning = median(samples.graphtoken) - median(samples.startup);
  console.log(
    `  of graphtoken's time, ${median(samples.startup).toFixed(3)} s is starting Node and loading the CLI ` +
      `(a scan of an empty directory); the scan itself runs at ${(mb / scanning).toFixed(0)} MB/s`,
  );
  console.log(`  ratio graphtoken / grep throughput (same run): ${(ours / rate('grep')).toFixed(2)}`);
  console.log('  (times include starting the process: node for graphtoken, grep itself)');
  if (ours < GOAL_MB_PER_S) process.exitCode = 1;
} finally {
  if (args.keep) console.log(`tree kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
}
