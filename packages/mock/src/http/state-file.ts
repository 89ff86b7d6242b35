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
  for (const [key, fields] of Object.entries(RECORD_FIELDS)) {
    const records = s[key] as unknown[];
    for (let i = 0; i < records.length; i++) {
      const problem = recordProblem(records[i], fields);
      if (problem !== undefined) return `${key}[${i}] ${problem}`;
    }
  }
  return undefined;
}

/** The fields each kind of record must have, and their JSON type (what the migration writes). */
const RECORD_FIELDS: Record<string, Record<string, 'string' | 'number' | 'object'>> = {
  accounts: { id: 'string', name: 'string' },
  graphs: { id: 'string', name: 'string', roles: 'object' },
  tokens: {
    id: 'string',
    seq: 'number',
    name: 'string',
    scopes: 'object',
    graphIds: 'object',
    createdAt: 'string',
    createdBy: 'string',
    hint: 'string',
    secretHash: 'string',
  },
  blocks: {
    id: 'string',
    seq: 'number',
    graphId: 'string',
    content: 'string',
    createdAt: 'string',
    updatedAt: 'string',
  },
};

function recordProblem(record: unknown, fields: Record<string, string>): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'is not an object';
  for (const [field, type] of Object.entries(fields)) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== type || value === null) return `has no ${type} "${field}"`;
  }
  return undefined;
}
