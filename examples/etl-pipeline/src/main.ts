/**
 * The pipeline as a command:
 *
 *   node src/main.ts [--records 3000] [--checkpoint .etl-checkpoint.json] [--fresh] [--verify]
 *
 * With GRAPHTOKEN_TOKEN (and GRAPHTOKEN_GRAPH_ID) set it loads into a real GraphToken service
 * (GRAPHTOKEN_BASE_URL, default https://api.graphtoken.dev). Without it, it runs against the
 * in-process mock with a freshly minted write token, so you can watch it work offline.
 */
import { parseArgs } from 'node:util';
import { GraphToken } from '@graphtoken/sdk';
import { type CheckpointStore, FileCheckpointStore, MemoryCheckpointStore } from './checkpoint.ts';
import { runPipeline } from './pipeline.ts';
import { formatProgress } from './progress.ts';
import { generateRecords, toBlockContent } from './records.ts';
import { verifyGraph } from './verify.ts';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '3000' },
    'batch-size': { type: 'string', default: '100' },
    checkpoint: { type: 'string', default: '.etl-checkpoint.json' },
    fresh: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
  },
});

const count = Number(args.records);
const batchSize = Number(args['batch-size']);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(batchSize)) {
  console.error('--records and --batch-size take positive whole numbers.');
  process.exit(2);
}
const records = generateRecords(count);
const contents = records.map(toBlockContent);

let client: GraphToken;
let graphId: string;
let checkpoints: CheckpointStore;
let stopMock = async () => {};

const token = process.env.GRAPHTOKEN_TOKEN;
if (token) {
  const configuredGraph = process.env.GRAPHTOKEN_GRAPH_ID;
  if (!configuredGraph) {
    console.error('Set GRAPHTOKEN_GRAPH_ID to the graph to load into (a gr_… id your token can append to).');
    process.exit(2);
  }
  graphId = configuredGraph;
  // The SDK takes the address from GRAPHTOKEN_BASE_URL (default https://api.graphtoken.dev).
  client = new GraphToken({ token });
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
