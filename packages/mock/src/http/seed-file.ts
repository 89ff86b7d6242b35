import { readFileSync } from 'node:fs';
import {
  checkTokenFormat,
  isDateTime,
  pathParamPatterns,
  roleNames,
  scopeNames,
  scopesRefusedOnEncryptedGraph,
} from '@graphtoken/contract';
import type { MockSeed } from '../index.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../internal/json-depth.js';

/** A seed or state file that cannot be used; the message names the file and what is wrong. */
export class MockFileError extends Error {
  override readonly name = 'MockFileError';
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown) => typeof v === 'string' && isDateTime(v);

/** Reads a file as UTF-8 JSON, with a message that names the file when it is missing or not JSON. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MockFileError(
      code === 'ENOENT'
        ? `${what} ${path} does not exist`
        : `${what} ${path} cannot be read (${code ?? 'error'})`,
    );
  }
  if (exceedsJsonDepth(text)) {
    throw new MockFileError(
      `${what} ${path} nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MockFileError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Checks a parsed seed against the shape `createGraphTokenMock({ seed })` takes and returns every
 * problem as `path: message` (e.g. `tokens[0].graphIds[1]: no graph gr_x in "graphs"`). Secrets are
 * never repeated in a message.
 */
export function checkSeed(seed: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isObject(seed)) return ['(root): must be a JSON object with "accounts" and "graphs"'];
  for (const key of Object.keys(seed)) {
    if (!['accounts', 'graphs', 'tokens', 'blocks'].includes(key)) {
      fail(key, 'unknown property; a seed has accounts, graphs, tokens and blocks');
    }
  }
  const accounts = new Set<string>();
  const graphs = new Map<string, boolean>();
  const ids = new Set<string>();
  const unique = (path: string, id: string) => {
    if (ids.has(id)) fail(path, `duplicate id ${id}`);
    ids.add(id);
  };
  const checkId = (path: string, value: unknown, pattern: RegExp, example: string, required: boolean) => {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || !pattern.test(value)) {
      fail(path, `must be an id like ${example}`);
      return undefined;
    }
    unique(path, value);
    return value;
  };
  const checkName = (path: string, value: unknown, max: number) => {
    if (typeof value !== 'string' || value.length < 1 || value.length > max) {
      fail(path, `must be a string of 1 to ${max} characters`);
    }
  };
  const list = (key: string, required: boolean): unknown[] => {
    const value = seed[key];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      fail(key, 'must be an array');
      return [];
    }
    return value;
  };

  for (const [i, account] of list('accounts', true).entries()) {
    const at = `accounts[${i}]`;
    if (!isObject(account)) {
      fail(at, 'must be an object { id, name }');
      continue;
    }
    const id = checkId(`${at}.id`, account.id, /^acc_[A-Za-z0-9]+$/, 'acc_ada', true);
    if (id) accounts.add(id);
    checkName(`${at}.name`, account.name, 200);
  }

  for (const [i, graph] of list('graphs', true).entries()) {
    const at = `graphs[${i}]`;
    if (!isObject(graph)) {
      fail(at, 'must be an object { id, name, encrypted?, roles }');
      continue;
    }
    const id = checkId(`${at}.id`, graph.id, new RegExp(pathParamPatterns.graphId), 'gr_research', true);
    checkName(`${at}.name`, graph.name, 200);
    if (graph.encrypted !== undefined && typeof graph.encrypted !== 'boolean')
      fail(`${at}.encrypted`, 'must be a boolean');
    if (id) graphs.set(id, graph.encrypted === true);
    if (!isObject(graph.roles)) {
      fail(`${at}.roles`, 'must be an object: account id → owner|admin|editor|viewer');
      continue;
    }
    for (const [accountId, role] of Object.entries(graph.roles)) {
      if (!accounts.has(accountId)) fail(`${at}.roles.${accountId}`, `no account ${accountId} in "accounts"`);
      if (!(roleNames as readonly unknown[]).includes(role)) {
        fail(`${at}.roles.${accountId}`, `must be one of ${roleNames.join(', ')}`);
      }
    }
  }

  for (const [i, token] of list('tokens', false).entries()) {
    const at = `tokens[${i}]`;
    if (!isObject(token)) {
      fail(at, 'must be an object { name, scopes, createdBy, secret, ... }');
      continue;
    }
    checkId(
      `${at}.id`,
      token.id,
      new RegExp(pathParamPatterns.tokenId),
      'tok_ + 16 to 64 letters or digits',
      false,
    );
    checkName(`${at}.name`, token.name, 100);
    if (
      token.description != null &&
      (typeof token.description !== 'string' || token.description.length > 500)
    ) {
      fail(`${at}.description`, 'must be a string of at most 500 characters, or null');
    }
    const scopes = Array.isArray(token.scopes) ? token.scopes : [];
    if (!Array.isArray(token.scopes) || scopes.length === 0)
      fail(`${at}.scopes`, 'must be a non-empty array');
    for (const [j, scope] of scopes.entries()) {
      if (!(scopeNames as readonly unknown[]).includes(scope)) {
        fail(`${at}.scopes[${j}]`, `must be one of ${scopeNames.join(', ')}`);
      }
    }
    if (typeof token.createdBy !== 'string' || !accounts.has(token.createdBy)) {
      fail(`${at}.createdBy`, 'must be the id of an account in "accounts"');
    }
    if (typeof token.secret !== 'string') {
      fail(`${at}.secret`, 'must be a well-formed GraphToken secret (gt_…)');
    } else {
      const format = checkTokenFormat(token.secret);
      if (!format.ok) fail(`${at}.secret`, `is not a well-formed GraphToken secret (${format.problem})`);
    }
    if (token.graphIds !== undefined && !Array.isArray(token.graphIds))
      fail(`${at}.graphIds`, 'must be an array');
    const graphIds = Array.isArray(token.graphIds) ? token.graphIds : [];
    for (const [j, graphId] of graphIds.entries()) {
      if (typeof graphId !== 'string' || !graphs.has(graphId)) {
        fail(`${at}.graphIds[${j}]`, `no graph ${String(graphId)} in "graphs"`);
      } else if (graphs.get(graphId) && scopesRefusedOnEncryptedGraph(scopes).length > 0) {
        fail(
          `${at}.graphIds[${j}]`,
          `graph ${graphId} is encrypted: only the append scope can be bound to it`,
        );
      }
    }
    for (const key of ['createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt']) {
      const value = token[key];
      if (value != null && !isTime(value))
        fail(`${at}.${key}`, 'must be an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z');
    }
  }

  for (const [i, block] of list('blocks', false).entries()) {
    const at = `blocks[${i}]`;
    if (!isObject(block)) {
      fail(at, 'must be an object { graphId, content }');
      continue;
    }
    checkId(`${at}.id`, block.id, new RegExp(pathParamPatterns.blockId), 'blk_note1', false);
    if (typeof block.graphId !== 'string' || !graphs.has(block.graphId)) {
      fail(`${at}.graphId`, 'must be the id of a graph in "graphs"');
    }
    checkName(`${at}.content`, block.content, 10000);
    if (block.createdAt !== undefined && !isTime(block.createdAt)) {
      fail(`${at}.createdAt`, 'must be an RFC 3339 date-time, e.g. 2030-01-01T00:00:00Z');
    }
  }
  return problems;
}

/**
 * Reads and validates a JSON seed file (accounts, graphs with roles, tokens with their secrets,
 * blocks).
 *
 * @throws {MockFileError} naming the file and each problem, e.g.
 *   `seed file seed.json is invalid: tokens[0].scopes[0]: must be one of read, append, write, manage`.
 */
export function loadSeedFile(path: string): MockSeed {
  const seed = readJsonFile(path, 'seed file');
  const problems = checkSeed(seed);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).map((p) => `  - ${p}`);
    if (problems.length > 10) shown.push(`  - ... and ${problems.length - 10} more`);
    throw new MockFileError(`seed file ${path} is invalid:\n${shown.join('\n')}`);
  }
  return seed as MockSeed;
}
