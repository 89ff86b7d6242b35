/**
 * `npm start` at the repository root runs this: the narrated token lifecycle against the embedded
 * mock. Set GRAPHTOKEN_BASE_URL and GRAPHTOKEN_TOKEN (a `manage` token) to run it against a real
 * GraphToken service instead.
 */
import { runQuickstart } from './quickstart.ts';

process.exitCode = await runQuickstart({ env: process.env, write: (line) => console.log(line) });
