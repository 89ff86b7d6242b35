import type { MockSnapshot } from '../index.js';
import { MockFileError, readJsonFile } from './seed-file.js';

/**
 * Reads a JSON `--state-file` of an earlier version (before the state file became an SQLite
 * database), to migrate it: the saved snapshot, or `undefined` when the file does not exist yet.
 *
 * @throws {MockFileError} when the file exists but is not a GraphToken mock snapshot.
 */
export function loadStateFile(path: string): MockSnapshot | undefined {
  let data: unknown;
  try {
    data = readJsonFile(path, 'state file');
  } catch (error) {
    if (error instanceof MockFileError && error.message.endsWith('does not exist')) return undefined;
    throw new MockFileError(`${(error as Error).message}. ${HOW_TO_RECOVER}`);
  }
  const problem = snapshotProblem(data);
  if (problem !== undefined)
    throw new MockFileError(`state file ${path} is corrupt: ${problem}. ${HOW_TO_RECOVER}`);
  return data as MockSnapshot;
}

const HOW_TO_RECOVER = 'Delete it (or pass another --state-file) to start again from the seed';

function snapshotProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
  const s = data as Record<string, unknown>;
  if (s.format !== 'graphtoken-mock-snapshot')
    return 'not a GraphToken mock snapshot (no "format": "graphtoken-mock-snapshot")';
  if (s.version !== 1) return `snapshot version ${String(s.version)} is not supported (expected 1)`;
  for (const key of ['accounts', 'graphs', 'tokens', 'blocks']) {
    if (!Array.isArray(s[key])) return `"${key}" is not an array`;
  }
  if (typeof s.clock !== 'object' || s.clock === null) return '"clock" is missing';
  if (typeof s.counters !== 'object' || s.counters === null) return '"counters" is missing';
  return undefined;
}
