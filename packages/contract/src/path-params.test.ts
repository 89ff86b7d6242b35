import { describe, expect, it } from 'vitest';
import { operations, pathParamPatterns } from './generated/operations.js';
import { invalidPathParam, isPathParamName, matchesPathParam } from './path-params.js';

const hostile = [
  '',
  ' ',
  'self',
  '.',
  '..',
  '%2e%2e',
  'tok_a/b',
  'tok_%2F',
  'tok_abcdefghijklmnop?x=1',
  'tok_abcdefghijklmnop#x',
  'tok_abcdefghijklmnop/',
  ' tok_abcdefghijklmnop',
  'tok_abcdefghijklmnop\n',
  `tok_${'a'.repeat(65)}`,
  'tok_abcdéfghijklmnop',
];

describe('path parameter patterns', () => {
  it('come from the spec for every path parameter of every operation', () => {
    for (const op of Object.values(operations)) {
      for (const name of op.pathParams) expect(isPathParamName(name), `${op.operationId} ${name}`).toBe(true);
    }
    expect(Object.keys(pathParamPatterns).sort()).toEqual(['blockId', 'graphId', 'tokenId']);
  });

  it.each([
    { name: 'tokenId', valid: ['tok_bootstrap0000000', `tok_${'A1'.repeat(32)}`], prefix: 'tok_' },
    { name: 'graphId', valid: ['gr_research', 'gr_x'], prefix: 'gr_' },
    { name: 'blockId', valid: ['blk_research1', 'blk_0'], prefix: 'blk_' },
  ])('$name accepts the ids the mock makes and refuses hostile ones', ({ name, valid, prefix }) => {
    for (const id of valid) expect(matchesPathParam(name, id)).toBe(true);
    for (const id of hostile) expect(matchesPathParam(name, id.replace('tok_', prefix)), id).toBe(false);
  });

  it('never matches a name the spec does not have, nor an inherited property', () => {
    expect(matchesPathParam('secret', 'tok_bootstrap0000000')).toBe(false);
    expect(matchesPathParam('toString', 'x')).toBe(false);
  });

  it('names the first parameter of an operation that breaks its pattern', () => {
    expect(invalidPathParam('getBlock', { graphId: 'gr_a', blockId: 'blk_b' })).toBeUndefined();
    expect(invalidPathParam('getBlock', { graphId: 'gr_a', blockId: '..' })).toBe('blockId');
    expect(invalidPathParam('getBlock', { graphId: '.', blockId: 'blk_b' })).toBe('graphId');
    expect(invalidPathParam('getBlock', { graphId: 'gr_a' })).toBe('blockId');
    expect(invalidPathParam('listTokens', {})).toBeUndefined();
  });
});
