import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../index.js';
import { MockFileError } from './seed-file.js';
import { startGraphTokenMockServer } from './start-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'graphtoken-state-edge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
/** A fresh empty folder, so that a test can list everything left in it. */
const folder = () => {
  const dir = join(tmp, String(++n));
  mkdirSync(dir);
  return dir;
};

const snapshot = {
  format: 'graphtoken-mock-snapshot',
  version: 1,
  clock: { offsetMs: 0, frozenAt: null },
  counters: { token: 0, block: 0, graph: 0, account: 0, seq: 0 },
  accounts: [],
  graphs: [],
  tokens: [],
  blocks: [],
};

describe('odd state files', () => {
  it.each([
    { given: { accounts: [1] }, want: /state file .* is corrupt: accounts\[0\] is not an object/ },
    { given: { tokens: [{}] }, want: /state file .* is corrupt: tokens\[0\] has no string "id"/ },
    {
      given: {
        blocks: [{ id: 'bl_1', seq: '1', graphId: 'gr_a', content: '', createdAt: '', updatedAt: '' }],
      },
      want: /state file .* is corrupt: blocks\[0\] has no number "seq"/,
    },
  ])(
    'refuses a JSON state file whose records are bogus: $want, untouched, no temp file',
    async ({ given, want }) => {
      const dir = folder();
      const stateFile = join(dir, 'state.json');
      const text = JSON.stringify({ ...snapshot, ...given });
      writeFileSync(stateFile, text);
      const started = startGraphTokenMockServer({ stateFile });
      await expect(started).rejects.toThrowError(MockFileError);
      await expect(started).rejects.toThrowError(want);
      expect(readFileSync(stateFile, 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual(['state.json']);
    },
  );

  it('refuses a directory as the state file with a MockFileError, untouched', async () => {
    const dir = folder();
    const stateFile = join(dir, 'state.db');
    mkdirSync(stateFile);
    const started = startGraphTokenMockServer({ stateFile });
    await expect(started).rejects.toThrowError(MockFileError);
    await expect(started).rejects.toThrowError(/state file .*state\.db is a directory, not a file/);
    expect(readdirSync(dir)).toEqual(['state.db']);
    expect(readdirSync(stateFile)).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a named pipe (FIFO) as the state file at once, instead of waiting for a writer',
    async () => {
      const dir = folder();
      const stateFile = join(dir, 'state.db');
      execFileSync('mkfifo', [stateFile]);
      const started = startGraphTokenMockServer({ stateFile });
      await expect(started).rejects.toThrowError(MockFileError);
      await expect(started).rejects.toThrowError(
        /state file .*state\.db is a named pipe \(FIFO\), not a regular file/,
      );
      expect(readdirSync(dir)).toEqual(['state.db']);
    },
    10_000,
  );

  it.each(['missing', 'empty'])(
    'refuses to start when FILE is %s but FILE-wal holds data, and keeps the WAL',
    async (how) => {
      // A WAL with an acknowledged token in it: copied while its server still has it open.
      const source = join(folder(), 'source.db');
      const server = await startGraphTokenMockServer({ stateFile: source });
      const created = await fetch(`${server.url}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'in-the-wal', scopes: ['read'], graphIds: ['gr_research'] }),
      });
      expect(created.status).toBe(201);
      const dir = folder();
      const stateFile = join(dir, 'state.db');
      copyFileSync(`${source}-wal`, `${stateFile}-wal`);
      await server.close();
      if (how === 'empty') writeFileSync(stateFile, '');
      const wal = readFileSync(`${stateFile}-wal`);
      expect(wal.length).toBeGreaterThan(0);
      const before = readdirSync(dir).sort();

      const started = startGraphTokenMockServer({ stateFile });
      await expect(started).rejects.toThrowError(MockFileError);
      await expect(started).rejects.toThrowError(
        /state file .* is missing or empty, but .*-wal is there.*Put the state file back/,
      );
      expect(readFileSync(`${stateFile}-wal`).equals(wal)).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect(existsSync(stateFile)).toBe(how === 'empty');
    },
  );

  it('starts a new file beside an empty FILE-wal (nothing to lose)', async () => {
    const stateFile = join(folder(), 'state.db');
    writeFileSync(`${stateFile}-wal`, '');
    const server = await startGraphTokenMockServer({ stateFile });
    expect(server.stateFileStatus).toBe('new');
    await server.close();
  });

  it('refuses a state file with another hard link (its WAL would be lost under the other name), untouched', async () => {
    const dir = folder();
    const stateFile = join(dir, 'state.db');
    await (await startGraphTokenMockServer({ stateFile })).close();
    linkSync(stateFile, join(dir, 'alias.db'));
    const bytes = readFileSync(stateFile);
    for (const path of [stateFile, join(dir, 'alias.db')]) {
      const started = startGraphTokenMockServer({ stateFile: path });
      await expect(started).rejects.toThrowError(MockFileError);
      await expect(started).rejects.toThrowError(/has 2 hard links.*always use one path; a symlink is fine/);
    }
    expect(readFileSync(stateFile).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['alias.db', 'state.db']);
  });

  it('opens a state file through a symlink', async () => {
    const dir = folder();
    const stateFile = join(dir, 'state.db');
    await (await startGraphTokenMockServer({ stateFile })).close();
    symlinkSync(stateFile, join(dir, 'alias.db'));
    const server = await startGraphTokenMockServer({ stateFile: join(dir, 'alias.db') });
    expect(server.stateFileStatus).toBe('restored');
    await server.close();
  });
});
