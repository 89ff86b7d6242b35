/**
 * token-admin: `node src/main.ts <command> [options]` (or `pnpm start <command> …`).
 * Run `node src/main.ts help` for the commands.
 */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  now: () => new Date(),
});
