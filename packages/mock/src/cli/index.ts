#!/usr/bin/env node
/**
 * The `graphtoken-mock` bin: the GraphToken mock as a standalone HTTP server. See `--help`.
 *
 * @packageDocumentation
 */
import type { GraphTokenMockServer } from '../http/start-server.js';
import { runCli } from './main.js';

const output = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

// The signal handlers are installed before the server starts: a SIGTERM sent as soon as the banner
// appears (a supervisor, a test) must still close the server and exit 0, not kill the process.
let started: Promise<GraphTokenMockServer | undefined> | undefined;
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) {
    output.err(`graphtoken-mock: ${signal} again, exiting now`);
    process.exit(1);
  }
  stopping = true;
  output.out(`${signal}: shutting down`);
  (started ?? Promise.resolve(undefined))
    .then((server) => server?.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        output.err(`graphtoken-mock: could not shut down cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

started = runCli(process.argv.slice(2), output, process.env).then((result) => {
  if ('exitCode' in result) {
    process.exitCode = result.exitCode;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    return undefined;
  }
  // The state file cannot be written: stop, so that a restart serves what the file holds.
  void result.failed.then((code) => {
    stopping = true;
    return result.server.close().finally(() => process.exit(code));
  });
  return result.server;
});
await started;
