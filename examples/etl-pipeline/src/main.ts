/**
 * The pipeline as a command:
 *
 *   node src/main.ts [--records 3000] [--checkpoint .etl-checkpoint.json] [--fresh] [--verify]
 *                    [--token-file .etl-token --rotate-after-days 30 --grace-period 3600]
 *
 * With GRAPHTOKEN_TOKEN or --token-file (and GRAPHTOKEN_GRAPH_ID) it loads into a real GraphToken
 * service (GRAPHTOKEN_BASE_URL, default https://api.graphtoken.dev); with --token-file it also
 * rotates its token once it is --rotate-after-days old, writing the successor back to that file.
 * Without either, it runs against the in-process mock with a freshly minted write token, so you
 * can watch it work offline. Requests are always paced by the API's rate-limit headers.
 */
import { parseArgs } from 'node:util';
import { createRateLimitPacer, GraphToken } from '@graphtoken/sdk';
import { type CheckpointStore, FileCheckpointStore, MemoryCheckpointStore } from './checkpoint.ts';
import { runPipeline } from './pipeline.ts';
import { formatProgress } from './progress.ts';
import { generateRecords, toBlockContent } from './records.ts';
import { SelfRotation } from './self-rotation.ts';
import { FileTokenStore, type TokenStore } from './token-store.ts';
import { verifyGraph } from './verify.ts';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '3000' },
    'batch-size': { type: 'string', default: '100' },
    checkpoint: { type: 'string', default: '.etl-checkpoint.json' },
    fresh: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    'token-file': { type: 'string' },
    'rotate-after-days': { type: 'string' },
    'grace-period': { type: 'string', default: '3600' },
  },
});

const count = Number(args.records);
const batchSize = Number(args['batch-size']);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(batchSize)) {
  console.error('--records and --batch-size take positive whole numbers.');
  process.exit(2);
}
const rotateAfterDays =
  args['rotate-after-days'] === undefined ? undefined : Number(args['rotate-after-days']);
const gracePeriodSeconds = Number(args['grace-period']);
if (rotateAfterDays !== undefined && !(rotateAfterDays > 0)) {
  console.error('--rotate-after-days takes a positive number of days, e.g. 30.');
  process.exit(2);
}
if (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0 || gracePeriodSeconds > 604_800) {
  console.error('--grace-period takes whole seconds from 0 to 604800 (7 days), e.g. 3600.');
  process.exit(2);
}
if (rotateAfterDays !== undefined && !args['token-file']) {
  console.error(
    '--rotate-after-days needs --token-file: the rotated secret is written back there (an environment variable cannot be).',
  );
  process.exit(2);
}
const records = generateRecords(count);
const contents = records.map(toBlockContent);

let client: GraphToken;
let graphId: string;
let checkpoints: CheckpointStore;
let stopMock = async () => {};
let tokenStore: TokenStore | undefined;

const tokenFile = args['token-file'];
const token = tokenFile ?? process.env.GRAPHTOKEN_TOKEN;
if (token) {
  const configuredGraph = process.env.GRAPHTOKEN_GRAPH_ID;
  if (!configuredGraph) {
    console.error('Set GRAPHTOKEN_GRAPH_ID to the graph to load into (a gr_… id your token can append to).');
    process.exit(2);
  }
  graphId = configuredGraph;
  // The SDK takes the address from GRAPHTOKEN_BASE_URL (default https://api.graphtoken.dev). The
  // pacer holds each request until the API's advertised rate-limit window has room: no 429s.
  if (tokenFile) {
    const store = new FileTokenStore(tokenFile);
    tokenStore = store;
    client = new GraphToken({ token: () => store.read(), rateLimit: createRateLimitPacer() });
  } else {
    client = new GraphToken({ token, rateLimit: createRateLimitPacer() });
  }
  checkpoints = new FileCheckpointStore(args.checkpoint);
} else {
  const demo = await import('./demo.ts');
  ({ client, graphId, stop: stopMock } = await demo.startDemo());
  // The in-process mock forgets everything on exit, so a file checkpoint would outlive its graph.
  checkpoints = new MemoryCheckpointStore();
  console.log(`GRAPHTOKEN_TOKEN is not set: loading into the in-process mock (graph ${graphId}).`);
}

if (args.fresh) await checkpoints.clear();

const controller = new AbortController();
process.once('SIGINT', () => {
  // Aborting mid-batch is safe: the batch is resent with the same idempotency key on resume.
  console.log('\nstopping…');
  controller.abort();
});

try {
  await runPipeline({
    client,
    graphId,
    contents,
    checkpoints,
    batchSize,
    signal: controller.signal,
    ...(tokenStore && rotateAfterDays !== undefined
      ? {
          rotation: new SelfRotation({
            client,
            store: tokenStore,
            rotateAfterMs: rotateAfterDays * 86_400_000,
            gracePeriodSeconds,
          }),
        }
      : {}),
    onProgress: (event) => console.log(formatProgress(event)),
  });
  if (args.verify || !token) {
    const report = await verifyGraph(
      client,
      graphId,
      records.map((r) => r.id),
    );
    console.log(
      report.ok
        ? `verified: all ${report.exactlyOnce} records are in the graph exactly once`
        : `verification FAILED: ${report.missing.length} missing, ${report.duplicated.size} duplicated`,
    );
    if (!report.ok) process.exitCode = 1;
  }
} catch (error) {
  if (controller.signal.aborted) {
    console.log('stopped. Rerun the same command to resume from the checkpoint.');
    process.exitCode = 130;
  } else {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  }
} finally {
  await stopMock();
}
