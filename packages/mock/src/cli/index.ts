#!/usr/bin/env node
/**
 * The `graphtoken-mock` bin: the GraphToken mock as a standalone HTTP server. See `--help`.
 *
 * @packageDocumentation
 */
import { runCli } from './main.js';

const output = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

const result = await runCli(process.argv.slice(2), output, process.env);
if ('exitCode' in result) {
  process.exitCode = result.exitCode;
} else {
  const { server } = result;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      output.err(`graphtoken-mock: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    output.out(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        output.err(`graphtoken-mock: could not shut down cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
