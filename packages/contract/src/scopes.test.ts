import { describe, expect, expectTypeOf, it } from 'vitest';
import { type OperationId, operations, scopeNames } from './generated/operations.js';
import {
  type AllowedOperationId,
  canMintTokens,
  canPerform,
  effectiveScopes,
  expandScopes,
  missingScopes,
  needsGraphs,
  normalizeScopes,
  presets,
  requiredScopes,
  roleScopes,
  type Scope,
  scopesCover,
  scopesRefusedOnEncryptedGraph,
} from './scopes.js';

describe('normalizeScopes', () => {
  it.each<{ given: Scope[]; want: Scope[] }>([
    { given: ['read', 'write'], want: ['write'] },
    { given: ['append', 'read'], want: ['read', 'append'] },
    { given: ['write', 'append', 'read', 'write'], want: ['write'] },
    { given: ['manage', 'read'], want: ['read', 'manage'] },
    { given: [], want: [] },
  ])('normalises $given to $want', ({ given, want }) => {
    expect(normalizeScopes(given)).toEqual(want);
  });
});

describe('the lattice', () => {
  it('write implies read and append, nothing implies manage', () => {
    expect(expandScopes(['write'])).toEqual(['read', 'append', 'write']);
    expect(scopesCover(['write'], ['read', 'append'])).toBe(true);
    expect(scopesCover(['append'], ['read'])).toBe(false);
    expect(scopesCover(['read', 'append'], ['write'])).toBe(false);
    expect(scopesCover(['write'], ['manage'])).toBe(false);
  });

  it('takes the scopes each operation needs from the spec', () => {
    expect(requiredScopes('listBlocks')).toEqual([['read']]);
    expect(requiredScopes('appendBlocks')).toEqual([['append']]);
    expect(requiredScopes('deleteBlock')).toEqual([['write']]);
    expect(requiredScopes('createToken')).toEqual([['manage']]);
    expect(requiredScopes('introspectToken')).toEqual([[]]);
  });

  it.each<{ scopes: Scope[]; can: OperationId[]; cannot: OperationId[] }>([
    {
      scopes: ['append'],
      can: ['appendBlocks', 'getGraph', 'introspectToken'],
      cannot: ['listBlocks', 'updateBlock'],
    },
    {
      scopes: ['read'],
      can: ['listBlocks', 'getBlock', 'listGraphs'],
      cannot: ['appendBlocks', 'deleteBlock'],
    },
    {
      scopes: ['write'],
      can: ['listBlocks', 'appendBlocks', 'deleteBlock'],
      cannot: ['createToken', 'listTokens'],
    },
    { scopes: ['manage'], can: ['createToken', 'rotateToken', 'revokeSelfToken'], cannot: ['listBlocks'] },
  ])('a $scopes token', ({ scopes, can, cannot }) => {
    for (const op of can) expect(canPerform(scopes, op), op).toBe(true);
    for (const op of cannot) expect(canPerform(scopes, op), op).toBe(false);
  });

  it('names what is missing', () => {
    expect(missingScopes(['append'], 'listBlocks')).toEqual(['read']);
    expect(missingScopes(['read'], 'deleteBlock')).toEqual(['write']);
    expect(missingScopes(['write'], 'deleteBlock')).toEqual([]);
  });

  it('every operation is reachable by some scope set', () => {
    for (const op of Object.keys(operations) as OperationId[]) expect(canPerform(scopeNames, op)).toBe(true);
  });
});

describe('roles', () => {
  it('intersects token scopes with the creator role', () => {
    expect(effectiveScopes(['write'], 'viewer')).toEqual(['read']);
    expect(effectiveScopes(['append'], 'viewer')).toEqual([]);
    expect(effectiveScopes(['write'], 'editor')).toEqual(['write']);
    expect(effectiveScopes(['manage', 'write'], 'owner')).toEqual(['write']);
    expect(roleScopes('viewer')).toEqual(['read']);
    expect(canMintTokens('admin')).toBe(true);
    expect(canMintTokens('editor')).toBe(false);
  });
});

describe('graph binding rules', () => {
  it('data scopes need graphs, manage alone does not', () => {
    expect(needsGraphs(['manage'])).toBe(false);
    expect(needsGraphs(['manage', 'append'])).toBe(true);
    expect(needsGraphs(['read'])).toBe(true);
  });

  it('encrypted graphs refuse read and write, never append or manage', () => {
    expect(scopesRefusedOnEncryptedGraph(['read', 'append', 'write', 'manage'])).toEqual(['read', 'write']);
    expect(scopesRefusedOnEncryptedGraph(['append', 'manage'])).toEqual([]);
    expect(scopesRefusedOnEncryptedGraph(['write', 'write'])).toEqual(['write']);
  });
});

describe('presets', () => {
  it('map the seed products', () => {
    expect(presets.roamAppendOnly).toEqual(['append']);
    expect(presets.triplyManagement).toEqual(['manage', 'write']);
    for (const scopes of Object.values(presets))
      expect(normalizeScopes(scopes)).toEqual(
        [...scopes].sort((a, b) => scopeNames.indexOf(a) - scopeNames.indexOf(b)),
      );
  });
});

describe('type level', () => {
  it('allows exactly the operations the scopes cover', () => {
    expectTypeOf<'listBlocks'>().not.toExtend<AllowedOperationId<'append'>>();
    expectTypeOf<'appendBlocks'>().toExtend<AllowedOperationId<'append'>>();
    expectTypeOf<'listBlocks'>().toExtend<AllowedOperationId<'write'>>();
    expectTypeOf<'createToken'>().not.toExtend<AllowedOperationId<'write'>>();
    expectTypeOf<'introspectToken'>().toExtend<AllowedOperationId<'read'>>();
  });
});
