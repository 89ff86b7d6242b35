/** `--state-file` on a Node without `node:sqlite` (issue 11, finding 6): a clear error, not a TypeError. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MockFileError } from './seed-file.js';
import { openStateDatabase } from './state-database.js';

afterEach(() => vi.restoreAllMocks());

describe('openStateDatabase on a Node without node:sqlite', () => {
  it.each([
    {
      given: 'Node 20 (getBuiltinModule answers undefined)',
      stub: () => {
        vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
        return () => {};
      },
    },
    {
      given: 'Node before 20.16 (no getBuiltinModule)',
      stub: () => {
        const original = process.getBuiltinModule;
        const set = (value: unknown) =>
          Object.defineProperty(process, 'getBuiltinModule', { value, configurable: true, writable: true });
        set(undefined);
        return () => set(original);
      },
    },
  ])('refuses with MockFileError naming the Node needed on $given, and creates no file', async ({ stub }) => {
    const dir = mkdtempSync(join(tmpdir(), 'gt-sqlite-'));
    const restore = stub();
    try {
      const path = join(dir, 'state.db');
      const error = await openStateDatabase(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MockFileError);
      expect((error as Error).message).toMatch(
        /node:sqlite.*Node 22\.13 and later; this is Node \d+\.\d+\.\d+.*without --state-file/,
      );
      expect(existsSync(path)).toBe(false);
    } finally {
      restore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
