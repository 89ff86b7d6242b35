/**
 * One step of the packed-package run: prints what it runs, runs it with a time limit, and prints
 * one PASS or FAIL line (with the output on failure). A step never silently skips.
 */
import { spawn } from 'node:child_process';

/** What a step ran and how it ended. */
export interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

/** The results so far, in order, for the closing summary. */
export const results: StepResult[] = [];

/** Records a step's result and prints its PASS/FAIL line. */
export function record(name: string, ok: boolean, seconds: number, detail: string, output = ''): StepResult {
  const result = { name, ok, seconds, detail };
  results.push(result);
  if (ok) console.log(`PASS ${name} (${seconds.toFixed(1)} s): ${detail}`);
  else console.log(`FAIL ${name} (${seconds.toFixed(1)} s): ${detail}${output ? `\n${indent(output)}` : ''}`);
  return result;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Output of a finished command. */
export interface CommandOutput {
  readonly code: number | null;
  readonly output: string;
  readonly timedOut: boolean;
}

/** Runs a command to its end (or its time limit), collecting stdout and stderr together. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\ncould not run ${command}: ${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/**
 * Runs one command as a step: prints `RUN <name>: <command line>`, then PASS with the last line the
 * command printed (or `silentPass` when it printed nothing, as tsc does), or FAIL with its whole output.
 */
export async function step(
  name: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; silentPass?: string },
): Promise<StepResult> {
  console.log(`RUN  ${name}: ${[command, ...args].join(' ')}`);
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { code, output, timedOut } = await runCommand(command, args, { ...options, timeoutMs });
  const seconds = (performance.now() - started) / 1000;
  const lines = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
  if (code === 0) return record(name, true, seconds, lines.at(-1) ?? options.silentPass ?? 'exit code 0');
  const why = timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit code ${code}`;
  return record(name, false, seconds, why, lines.join('\n'));
}

/** Runs an in-process check as a step (same lines as {@link step}). */
export async function check(name: string, what: string, fn: () => Promise<string>): Promise<StepResult> {
  console.log(`RUN  ${name}: ${what}`);
  const started = performance.now();
  try {
    const detail = await fn();
    return record(name, true, (performance.now() - started) / 1000, detail);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return record(name, false, (performance.now() - started) / 1000, 'threw', message);
  }
}
