#!/usr/bin/env node
/**
 * The `graphtoken` command. See `graphtoken --help`.
 *
 * @packageDocumentation
 */
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  stderrRaw: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  stdin: process.stdin,
  cwd: process.cwd(),
  now: () => new Date(),
});
