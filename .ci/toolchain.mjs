#!/usr/bin/env node
// The toolchain bootstrap behind `npm start` / `npm test` (and `.ci/run`).
//
// It runs under any Node (the system one may be 20, which the stack no longer supports), makes sure
// a Node >= 22.13 (the first 22 with node:sqlite unflagged, which the mock's --state-file uses) and
// pnpm 10 are at hand, installs the workspace, then runs the given command with that Node first on
// PATH. Nothing outside the repository is touched: a Node 24 binary and pnpm come from the npm
// registry into `.tools/` (gitignored). A machine that already has Node 22.13+ and pnpm uses them
// as they are.
//
// Usage: node .ci/toolchain.mjs [--chromium] <command> [args...]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools');
const toolsBin = join(tools, 'node_modules', '.bin');
const MIN_NODE = [22, 13];
const PNPM_RANGE = 'pnpm@10';
const NODE_RANGE = 'node@24';

const log = (msg) => process.stderr.write(`[toolchain] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[toolchain] error: ${msg}\n`);
  process.exit(1);
};

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const satisfies = (v) => {
  const [maj, min] = v.split('.').map(Number);
  return maj > MIN_NODE[0] || (maj === MIN_NODE[0] && min >= MIN_NODE[1]);
};

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// 1. A Node that the stack supports, and pnpm.
const want = [];
const systemOk = satisfies(process.versions.node);
const toolsNode = join(toolsBin, 'node');
if (!systemOk && !(existsSync(toolsNode) && satisfies(nodeVersionOf(toolsNode) ?? '0.0'))) {
  want.push(NODE_RANGE);
}
const toolsPnpm = join(toolsBin, 'pnpm');
if (!existsSync(toolsPnpm)) want.push(PNPM_RANGE);
if (want.length > 0) {
  log(
    `Node ${process.versions.node} found; fetching ${want.join(' and ')} into .tools/ from the npm registry`,
  );
  const status = run('npm', [
    'install',
    '--prefix',
    tools,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...want,
  ]);
  if (status !== 0) {
    fail(
      `installing ${want.join(', ')} failed (exit ${status}). This project needs Node >= ${MIN_NODE.join('.')} ` +
        'and pnpm 10: install them yourself, or check that the npm registry is reachable.',
    );
  }
}

const nodeBinDir = systemOk ? dirname(process.execPath) : toolsBin;
const env = {
  ...process.env,
  // .tools first so `node` is the supported one, then the Node that already runs us.
  PATH: [toolsBin, nodeBinDir, process.env.PATH].join(':'),
  // Children spawned by pnpm must not fall back to the system Node.
  npm_config_engine_strict: 'true',
};
const nodeUsed = nodeVersionOf(join(nodeBinDir, 'node')) ?? process.versions.node;
if (!satisfies(nodeUsed))
  fail(`Node ${nodeUsed} is too old: this project needs Node >= ${MIN_NODE.join('.')}.`);

// 2. Chromium for the browser tests, when asked for: Debian's package (Playwright cannot download here).
const args = process.argv.slice(2);
if (args[0] === '--chromium') {
  args.shift();
  const chromium = process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser');
  if (chromium) {
    env.CHROMIUM_PATH = chromium;
  } else if (process.getuid?.() === 0 && which('apt-get')) {
    log('no Chromium found: installing Debian package "chromium" for the browser tests (about a minute)');
    if (
      run('sh', [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      ]) !== 0
    ) {
      fail(
        'apt-get install chromium failed. Install Chromium and set CHROMIUM_PATH to run the browser tests.',
      );
    }
    env.CHROMIUM_PATH = which('chromium');
  } else {
    fail(
      'the browser tests need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
}

// 3. Install the workspace (about a second when it is already up to date).
const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
if (run('pnpm', ['install', ...frozen, '--reporter=silent'], { cwd: root, env }) !== 0) {
  fail('pnpm install failed: run `pnpm install` under .tools/ to see why.');
}

if (args.length === 0) process.exit(0);
process.exit(run(args[0], args.slice(1), { cwd: root, env }));
