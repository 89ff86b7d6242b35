/**
 * The fuzz in the test command: 5,000 generated requests, valid and hostile, against a real
 * server (see `contract-testing/fuzz.ts`). `pnpm --filter @graphtoken/mock fuzz -- --requests N`
 * runs this same test with more requests and prints its figures.
 */
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { formatFuzzReport, runFuzz } from '../contract-testing/fuzz.js';
import { startGraphTokenMockServer } from './start-server.js';

const requests = Number(process.env.GRAPHTOKEN_FUZZ_REQUESTS ?? 5000);
const seed =
  process.env.GRAPHTOKEN_FUZZ_SEED === undefined ? undefined : Number(process.env.GRAPHTOKEN_FUZZ_SEED);
const reportFile = process.env.GRAPHTOKEN_FUZZ_REPORT;

it(
  `answers ${requests} fuzzed requests: no 5xx, none unanswered, problem+json with X-Request-Id, no secret`,
  async () => {
    const logLines: string[] = [];
    await using server = await startGraphTokenMockServer({ port: 0, log: (line) => logLines.push(line) });
    const report = await runFuzz({
      server,
      requests,
      ...(seed !== undefined && { seed }),
      logLines: () => logLines,
    });
    if (reportFile !== undefined) writeFileSync(reportFile, formatFuzzReport(report));
    expect(report.requests).toBe(requests);
    expect(report.violations, formatFuzzReport(report)).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.unanswered).toBe(0);
    // Hostile and valid requests both: success, client errors and the framing answers all occur.
    for (const status of ['200', '201', '400', '401', '404', '405', '413', '422']) {
      expect(
        report.statuses[status],
        `no ${status} among ${JSON.stringify(report.statuses)}`,
      ).toBeGreaterThan(0);
    }
  },
  Math.max(120_000, requests * 30),
);
