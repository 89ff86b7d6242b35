/**
 * Without `--state-file`, the standalone server keeps replay records in a temporary database. When
 * writing it fails (here a file size limit, `ulimit -f`, which fails writes with EFBIG as a full
 * temporary folder fails them with ENOSPC), no request fails for it and no record is lost: the
 * records already in the file still replay, later ones are kept in memory, and one warning says so
 * on stderr, `--quiet` or not.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestBin, startBinWithFileLimit } from '../contract-testing/test-bin.js';
import { BOOTSTRAP_TOKEN } from '../index.js';

let bin = '';
beforeAll(async () => {
  bin = await buildTestBin('graphtoken-mock-spill-efbig-test');
}, 60_000);

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('replay records when the temporary database cannot be written', () => {
  it('answers every keyed append, replays every one of them, and warns once on stderr', async () => {
    const { child, url, stderr } = await startBinWithFileLimit(bin, 512, ['--port', '0', '-q']);
    children.push(child);
    const post = async (path: string, token: string, body: unknown, key?: string) => {
      const response = await fetch(url + path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(key !== undefined && { 'idempotency-key': key }),
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        replayed: response.headers.get('idempotent-replayed'),
        text: await response.text(),
      };
    };
    const writer = await post('/v1/tokens', BOOTSTRAP_TOKEN, {
      name: 'writer',
      scopes: ['write'],
      graphIds: ['gr_research'],
    });
    expect(writer.status).toBe(201);
    const secret = (JSON.parse(writer.text) as { secret: string }).secret;

    // Each answer is about 90 KB: the 512 KiB limit is reached after a few of them.
    const blocks = (i: number) => ({
      blocks: Array.from({ length: 10 }, (_, j) => ({ content: `${i}.${j} ${'x'.repeat(9000)}` })),
    });
    const firsts: Awaited<ReturnType<typeof post>>[] = [];
    for (let i = 0; i < 20; i++)
      firsts.push(await post('/v1/graphs/gr_research/blocks', secret, blocks(i), `append-${i}`));
    expect(firsts.map((f) => f.status)).toEqual(Array(20).fill(201));

    for (let i = 0; i < 20; i++) {
      const again = await post('/v1/graphs/gr_research/blocks', secret, blocks(i), `append-${i}`);
      expect({ i, status: again.status, replayed: again.replayed }).toEqual({
        i,
        status: 201,
        replayed: 'true',
      });
      expect(again.text).toBe(firsts[i]!.text);
    }
    const warnings = stderr()
      .split('\n')
      .filter((line) => line.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^graphtoken-mock: warning: replay records are kept in memory from now on: writing them to a temporary file failed \(/,
    );
    expect(stderr()).not.toContain(secret);
  }, 60_000);
});
