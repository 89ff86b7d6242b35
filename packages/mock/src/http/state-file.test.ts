import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MockSnapshot } from '../index.js';
import { MockFileError } from './seed-file.js';
import { loadStateFile } from './state-file.js';

const dir = mkdtempSync(join(tmpdir(), 'graphtoken-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snapshot: MockSnapshot = {
  format: 'graphtoken-mock-snapshot',
  version: 1,
  clock: { offsetMs: 0, frozenAt: null },
  counters: { token: 0, block: 0, graph: 0, account: 0, seq: 0 },
  accounts: [{ id: 'acc_a', name: 'A' }],
  graphs: [],
  tokens: [],
  blocks: [],
};

describe('state file', () => {
  it('is absent before the first write', () => {
    expect(loadStateFile(join(dir, 'none.json'))).toBeUndefined();
  });

  it('reads a snapshot of an earlier version', () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, JSON.stringify({ ...snapshot, accounts: [] }, null, 2));
    expect(loadStateFile(path)).toEqual({ ...snapshot, accounts: [] });
  });

  it.each([
    { given: '{"format": "graphtoken-mock-snapshot", "version": 1, "accou', want: /is not valid JSON/ },
    { given: '[]', want: /is corrupt: not a JSON object/ },
    { given: '{"hello": 1}', want: /is corrupt: not a GraphToken mock snapshot/ },
    { given: JSON.stringify({ ...snapshot, version: 7 }), want: /snapshot version 7 is not supported/ },
    { given: JSON.stringify({ ...snapshot, tokens: {} }), want: /"tokens" is not an array/ },
  ])('refuses a corrupt file: $want', ({ given, want }) => {
    const path = join(dir, 'corrupt.json');
    writeFileSync(path, given);
    expect(() => loadStateFile(path)).toThrowError(MockFileError);
    expect(() => loadStateFile(path)).toThrowError(want);
    expect(() => loadStateFile(path)).toThrowError(/Delete it \(or pass another --state-file\)/);
  });
});
