/**
 * The kill -9 harness behind the durability benchmark and its bounded test: a real
 * `graphtoken-mock --state-file` child process takes concurrent appends (each with its own
 * Idempotency-Key), is killed with SIGKILL at a random moment, and restarted; every append that got
 * no answer is retried with the same key. In the end every acknowledged append must be there, none
 * twice, and every restart must have opened the file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What {@link runDurability} takes. */
export interface DurabilityOptions {
  /** The built CLI (`dist/cli/index.js`). */
  bin: string;
  /** A folder for the state and seed files. */
  dir: string;
  /** How many SIGKILLs (each followed by a restart). */
  kills: number;
  /** Concurrent appenders. Default 8. */
  workers?: number;
  /** How long appends run before each kill, in ms: uniform in [min, max]. Default [100, 400]. */
  runMs?: readonly [number, number];
  /** A token secret with `write` on `gr_dur` (a well-formed one, from `generateTokenSecret`). */
  secret: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What {@link runDurability} found. */
export interface DurabilityResult {
  kills: number;
  acknowledged: number;
  /** Appends sent but not answered when the server died, retried with the same key after the restart. */
  retried: number;
  /** Of those, how many the server had committed before it died (the retry replayed them). */
  replayed: number;
  /** Acknowledged appends missing after the last restart. */
  lost: number;
  /** Appends present more than once. */
  duplicated: number;
  /** Restarts that could not open the state file. */
  corruptFiles: number;
}

/** A `graphtoken-mock` child process and where it listens. */
export interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts the bin with `args`; resolves once it prints where it listens. */
export function start(bin: string, args: string[]): Promise<Server> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`graphtoken-mock did not start in 30 s: ${err}`));
    }, 30_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`graphtoken-mock exited with ${code}: ${err.trim()}`));
    });
  });
}

/** Runs the kill/restart rounds; resolves with what was lost, duplicated or corrupted. */
export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
  const { bin, dir, kills, secret } = options;
  const workers = options.workers ?? 8;
  const [minMs, maxMs] = options.runMs ?? [100, 400];
  const stateFile = join(dir, 'durability.db');
  const seedFile = join(dir, 'durability-seed.json');
  writeFileSync(
    seedFile,
    JSON.stringify({
      accounts: [{ id: 'acc_dur', name: 'Durability' }],
      graphs: [{ id: 'gr_dur', name: 'Durability', roles: { acc_dur: 'owner' } }],
      tokens: [{ name: 'appender', scopes: ['write'], graphIds: ['gr_dur'], createdBy: 'acc_dur', secret }],
    }),
  );
  const args = ['--port', '0', '--state-file', stateFile, '--seed', seedFile, '--quiet'];
  const acknowledged = new Set<string>();
  let unanswered = new Set<string>();
  let retried = 0;
  let replayed = 0;
  let corruptFiles = 0;

  const append = (url: string, content: string) =>
    fetch(`${url}/v1/graphs/gr_dur/blocks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
        'idempotency-key': content,
      },
      body: JSON.stringify({ blocks: [{ content }] }),
      signal: AbortSignal.timeout(10_000),
    });

  const restart = async (): Promise<Server> => {
    let server: Server;
    try {
      server = await start(bin, args);
    } catch (error) {
      corruptFiles++;
      throw error;
    }
    // The same-key retry of every append the dead server never answered.
    for (const content of unanswered) {
      const response = await append(server.url, content);
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`a same-key retry got ${response.status}`);
      acknowledged.add(content);
      retried++;
      if (response.headers.get('idempotent-replayed') === 'true') replayed++;
    }
    unanswered = new Set();
    return server;
  };

  for (let round = 0; round < kills; round++) {
    const server = await restart();
    let killed = false;
    const appender = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const content = `r${round}-w${w}-${i}`;
        unanswered.add(content);
        try {
          const response = await append(server.url, content);
          await response.arrayBuffer();
          if (response.status !== 201) throw new Error(`an append got ${response.status}`);
          unanswered.delete(content);
          acknowledged.add(content);
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const running = Array.from({ length: workers }, (_, w) => appender(w));
    await new Promise((resolve) => setTimeout(resolve, minMs + Math.random() * (maxMs - minMs)));
    killed = true;
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(running);
    options.log?.(
      `kill ${round + 1}/${kills}: ${acknowledged.size} acknowledged, ${unanswered.size} unanswered`,
    );
  }

  const last = await restart();
  const seen = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const response = await fetch(`${last.url}/v1/graphs/gr_dur/blocks?limit=100${query}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    const page = (await response.json()) as { data: { content: string }[]; nextCursor: string | null };
    for (const block of page.data) seen.set(block.content, (seen.get(block.content) ?? 0) + 1);
    cursor = page.nextCursor;
  } while (cursor !== null);
  last.child.kill('SIGTERM');
  await last.exited;

  let lost = 0;
  for (const content of acknowledged) if (!seen.has(content)) lost++;
  let duplicated = 0;
  for (const count of seen.values()) if (count > 1) duplicated++;
  return { kills, acknowledged: acknowledged.size, retried, replayed, lost, duplicated, corruptFiles };
}
