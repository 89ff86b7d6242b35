/**
 * Reads a graph with the read-only token in GRAPHTOKEN_TOKEN and prints its blocks.
 *
 *   GRAPHTOKEN_TOKEN=gt_… [GRAPHTOKEN_GRAPH_ID=gr_…] [GRAPHTOKEN_BASE_URL=…] node src/main.ts
 *
 * Exit codes: see src/exit-codes.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { runApp } from './app.ts';

process.exitCode = await runApp({
  env: process.env,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  sleep: (ms) => sleep(ms),
});
