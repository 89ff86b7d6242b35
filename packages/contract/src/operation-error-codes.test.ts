import { describe, expect, it } from 'vitest';
import { errorCodes, operationErrorCodes, operations } from './index.js';

describe('operationErrorCodes', () => {
  it('lists the documented error codes of every operation, and only known codes', () => {
    expect(Object.keys(operationErrorCodes)).toEqual(Object.keys(operations));
    const used = new Set<string>();
    for (const codes of Object.values(operationErrorCodes)) {
      expect(codes.length).toBeGreaterThan(0);
      expect([...codes].sort()).toEqual(codes);
      for (const code of codes) {
        expect(Object.keys(errorCodes)).toContain(code);
        used.add(code);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(errorCodes).sort());
  });

  it('follows the spec', () => {
    expect(operationErrorCodes.rotateToken).toContain('token_not_active');
    expect(operationErrorCodes.createToken).toContain('scope_not_allowed_for_encrypted_graph');
    expect(operationErrorCodes.introspectToken).not.toContain('insufficient_scope');
    expect(operationErrorCodes.getBlock).toContain('graph_not_in_token');
  });

  it('is not part of the operations table, which request-only code (the SDK) bundles', () => {
    for (const op of Object.values(operations)) expect(op).not.toHaveProperty('errorCodes');
  });
});
