/**
 * `revoke-leaked` with `--state-file` (issue 11, finding 7): a report commits whether or not a
 * secret in it was valid, so the time of the answer does not say which (the same persistent work
 * either way; the residual difference is documented in the README).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTokenSecret } from '@graphtoken/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../index.js';
import { startGraphTokenMockServer } from './start-server.js';

const dir = mkdtempSync(join(tmpdir(), 'graphtoken-leak-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('revoke-leaked with a state file', () => {
  it('commits for a report of invalid secrets as for a valid one', async () => {
    const path = join(dir, 'state.db');
    const server = await startGraphTokenMockServer({ port: 0, stateFile: path, log: () => {} });
    try {
      // The server holds the database exclusively; each commit appends its pages to the WAL.
      const version = () => statSync(`${path}-wal`).size;
      const report = (secrets: string[]) =>
        fetch(`${server.url}/v1/tokens/revoke-leaked`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ secrets }),
        });
      const created = await fetch(`${server.url}/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
        body: JSON.stringify({ name: 'victim', scopes: ['read'], graphIds: ['gr_research'] }),
      });
      const { secret } = (await created.json()) as { secret: string };
      for (const secrets of [[generateTokenSecret()], ['gt_not-even-a-token'], [secret], [secret]]) {
        const before = version();
        const res = await report(secrets);
        expect(res.status).toBe(202);
        expect(version(), `a commit for ${secrets.length} secret(s)`).not.toBe(before);
      }
    } finally {
      await server.close();
    }
  });
});
