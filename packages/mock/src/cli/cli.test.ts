import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_PATTERN } from '@graphtoken/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { buildTestBin } from '../contract-testing/test-bin.js';

// The bin as users run it (see test-bin.ts), started with `node` as a child process and talked to
// over loopback HTTP.

let bin = '';
const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-cli-'));
const STARTUP_MS = 15_000;

beforeAll(async () => {
  bin = await buildTestBin('graphtoken-mock-cli-test');
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Cli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  running.clear();
});

function start(args: string[]): Cli {
  const child = spawn(process.execPath, [bin, ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = start(args);
  const code = await withTimeout(cli.exited, STARTUP_MS, `graphtoken-mock ${args.join(' ')} did not exit`);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts the server and waits (bounded) for the line that says where it listens. */
async function serve(args: string[]): Promise<Cli & { url: string }> {
  const cli = start(args);
  const url = await withTimeout(
    new Promise<string>((found, failed) => {
      const check = () => {
        const match = /listening on (http:\/\/\S+)/.exec(cli.stdout());
        if (match?.[1]) found(match[1]);
      };
      cli.child.stdout?.on('data', check);
      cli.exited.then((code) => failed(new Error(`exited with ${code}: ${cli.stderr()}`)));
      check();
    }),
    STARTUP_MS,
    'graphtoken-mock did not start',
  );
  return { ...cli, url };
}

async function api(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const response = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function stop(cli: Cli, signal: NodeJS.Signals): Promise<number | null> {
  cli.child.kill(signal);
  return withTimeout(cli.exited, STARTUP_MS, `graphtoken-mock did not exit on ${signal}`);
}

describe('graphtoken-mock', () => {
  it('--help prints the usage', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: graphtoken-mock \[options\]/);
    for (const flag of [
      '--port',
      '--host',
      '--seed',
      '--state-file',
      '--latency',
      '--rate-limit',
      '--cors-origin',
      '--allowed-host',
      '--admin-token',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('--host 0.0.0.0 without --admin-token: starts with the admin endpoints off and says why', async () => {
    const cli = await serve(['--port', '0', '--host', '0.0.0.0', '-q']);
    expect(cli.stdout()).toMatch(/admin endpoints OFF: .*--admin-token/);
    expect(cli.stdout()).toContain('warning: listening on 0.0.0.0 makes the mock reachable from the network');
    const loopback = cli.url.replace('0.0.0.0', '127.0.0.1');
    expect((await api(loopback, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    expect((await api(loopback, '/__mock/state')).status).toBe(403);
    expect(await stop(cli, 'SIGTERM')).toBe(0);
  });

  it('--host 0: the printed base URL is one the server answers', async () => {
    const cli = await serve(['--port', '0', '--host', '0']);
    const printed = /GRAPHTOKEN_BASE_URL=(\S+)/.exec(cli.stdout())?.[1] as string;
    expect(printed).toBe(cli.url);
    expect(new URL(printed).hostname).toBe('127.0.0.1');
    expect((await api(printed, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    expect(await stop(cli, 'SIGTERM')).toBe(0);
  });

  it('a SIGTERM sent the moment the banner appears still closes the server and exits 0', async () => {
    // A supervisor or a test may signal as soon as it reads the URL: the handlers must be there.
    for (let i = 0; i < 3; i++) {
      const cli = await serve(['--port', '0', '-q']);
      expect(await stop(cli, 'SIGTERM')).toBe(0);
      expect(cli.stdout()).toContain('SIGTERM: shutting down');
    }
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it('an unknown flag is a usage error: message, usage, exit code 2', async () => {
    const { code, stdout, stderr } = await run(['--prot', '4010']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^graphtoken-mock: Unknown option '--prot'/);
    expect(stderr).toContain('Usage: graphtoken-mock');
  });

  it('serves on --port 0, prints the URL and the bootstrap token, logs each request redacted', async () => {
    const cli = await serve(['--port', '0']);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Ready-to-paste lines: the base URL the SDK takes (no /v1: the SDK adds it) and the bootstrap token.
    expect(cli.stdout()).toContain(
      `\n  GRAPHTOKEN_BASE_URL=${cli.url}\n  GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}\n`,
    );
    expect(cli.stdout()).not.toMatch(/GRAPHTOKEN_BASE_URL=\S*\/v1/);

    const created = await api(cli.url, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'cli', scopes: ['read'], graphIds: ['gr_research'] },
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect((await api(cli.url, '/v1/graphs/gr_research', { token: secret })).status).toBe(200);
    expect((await api(cli.url, `/v1/tokens/self?access_token=${secret}`)).status).toBe(400);
    expect((await api(cli.url, '/__mock/state')).status).toBe(200);

    expect(await stop(cli, 'SIGINT')).toBe(0);
    expect(cli.stdout()).not.toContain(secret);
    const log = cli.stdout().split('Press Ctrl+C to stop.\n')[1] ?? '';
    const lines = log.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^POST /v1/tokens 201 \\d+ms token=gt_…${BOOTSTRAP_TOKEN.slice(-4)} req_\\w+$`),
      ),
      expect.stringMatching(
        new RegExp(`^GET /v1/graphs/gr_research 200 \\d+ms token=gt_…${secret.slice(-4)} req_\\w+$`),
      ),
      expect.stringMatching(/^GET \/v1\/tokens\/self 400 \d+ms token=- req_\w+$/),
      expect.stringMatching(/^GET \/__mock\/state 200 \d+ms token=- req_\w+$/),
      'SIGINT: shutting down',
    ]);
    expect(log).not.toMatch(TOKEN_PATTERN);
    expect(cli.stdout() + cli.stderr()).not.toContain(secret);
  });

  it('keeps the state file across a SIGTERM restart', async () => {
    const stateFile = join(tmp, 'state.json');
    const first = await serve(['--port', '0', '--state-file', stateFile, '--quiet']);
    expect(first.stdout()).toContain(`state: ${stateFile} (new)`);
    const created = await api(first.url, '/v1/tokens', {
      method: 'POST',
      token: BOOTSTRAP_TOKEN,
      body: { name: 'survivor', scopes: ['write'], graphIds: ['gr_research'] },
    });
    const appended = await api(first.url, '/v1/graphs/gr_research/blocks', {
      method: 'POST',
      token: created.body.secret,
      body: { blocks: [{ content: 'written before the restart' }] },
    });
    expect(appended.status).toBe(201);

    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(first.stdout()).toContain('SIGTERM: shutting down');
    expect(readFileSync(stateFile, 'utf8')).not.toContain(created.body.secret);

    const second = await serve(['--port', '0', '--state-file', stateFile, '--quiet']);
    expect(second.stdout()).toContain(`state: ${stateFile} (restored)`);
    const blocks = await api(second.url, '/v1/graphs/gr_research/blocks', { token: created.body.secret });
    expect(blocks.status).toBe(200);
    expect(blocks.body.data.map((b: { content: string }) => b.content)).toContain(
      'written before the restart',
    );
    expect(await stop(second, 'SIGTERM')).toBe(0);
  });

  it('a port in use: a clear message and exit code 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await run(['--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `graphtoken-mock: port ${port} is in use on 127.0.0.1: pick another with --port, or --port 0 for any free port`,
      );
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('a bad seed file: a message naming what is wrong, exit code 1', async () => {
    const seed = join(tmp, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({
        accounts: [{ id: 'acc_me', name: 'Me' }],
        graphs: [{ id: 'gr_mine', name: 'Mine', roles: { acc_me: 'king' } }],
        tokens: [
          { name: 'x', scopes: ['read'], graphIds: ['gr_mine'], createdBy: 'acc_me', secret: 'gt_nope' },
        ],
      }),
    );
    const { code, stderr } = await run(['--port', '0', '--seed', seed]);
    expect(code).toBe(1);
    expect(stderr).toContain(`graphtoken-mock: seed file ${seed} is invalid:`);
    expect(stderr).toContain('graphs[0].roles.acc_me: must be one of owner, admin, editor, viewer');
    expect(stderr).toContain('tokens[0].secret: is not a well-formed GraphToken secret (length)');
    expect(stderr).not.toContain('gt_nope');
  });

  it('a seed file that is not JSON or does not exist: exit code 1', async () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ "accounts": ');
    expect((await run(['--seed', broken])).stderr).toMatch(/seed file .*broken\.json is not valid JSON/);
    const missing = await run(['--seed', join(tmp, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/seed file .*missing\.json does not exist/);
  });

  it('serves a valid custom seed', async () => {
    const seed = join(tmp, 'custom-seed.json');
    writeFileSync(
      seed,
      JSON.stringify({
        accounts: [{ id: 'acc_me', name: 'Me' }],
        graphs: [{ id: 'gr_mine', name: 'Mine', roles: { acc_me: 'owner' } }],
        tokens: [{ name: 'admin', scopes: ['manage'], createdBy: 'acc_me', secret: BOOTSTRAP_TOKEN }],
        blocks: [{ graphId: 'gr_mine', content: 'hello' }],
      }),
    );
    const cli = await serve(['--port', '0', '--seed', seed, '-q']);
    const graphs = await api(cli.url, '/v1/graphs', { token: BOOTSTRAP_TOKEN });
    expect(graphs.body.data.map((g: { id: string }) => g.id)).toEqual(['gr_mine']);
    expect(await stop(cli, 'SIGTERM')).toBe(0);
  });

  it('a corrupt state file: a clear message, exit code 1', async () => {
    const stateFile = join(tmp, 'corrupt.json');
    writeFileSync(stateFile, '{"format": "graphtoken-mock-snapshot", "vers');
    const { code, stderr } = await run(['--port', '0', '--state-file', stateFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/state file .*corrupt\.json is not valid JSON/);
    expect(stderr).toContain('Delete it (or pass another --state-file) to start again from the seed');
  });

  it('applies --rate-limit', async () => {
    const cli = await serve(['--port', '0', '--rate-limit', '1/60', '-q']);
    expect((await api(cli.url, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN })).status).toBe(200);
    const limited = await api(cli.url, '/v1/tokens/self', { token: BOOTSTRAP_TOKEN });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(await stop(cli, 'SIGTERM')).toBe(0);
  });
});
