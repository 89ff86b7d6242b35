import { describe, expect, it } from 'vitest';
import { allowedScopes, presetAllowed, presetFor, presetOptions } from './scope-options.js';

describe('scope options', () => {
  it('offers only append-only when an encrypted graph is selected', () => {
    expect(allowedScopes(true)).toEqual(['append']);
    const fitting = presetOptions.filter((p) => presetAllowed(p, true)).map((p) => p.id);
    expect(fitting).toEqual(['roamAppendOnly']);
  });

  it('offers every scope and preset for unencrypted graphs', () => {
    expect(allowedScopes(false)).toEqual(['read', 'append', 'write', 'manage']);
    expect(presetOptions.every((p) => presetAllowed(p, false))).toBe(true);
  });

  it.each([
    { given: ['read'], want: 'roamReadOnly' },
    { given: ['read', 'write'], want: 'roamReadEdit' },
    { given: ['write', 'manage'], want: 'triplyManagement' },
    { given: ['read', 'append'], want: undefined },
  ] as const)('recognises $given as preset $want', ({ given, want }) => {
    expect(presetFor(given)?.id).toBe(want);
  });
});
