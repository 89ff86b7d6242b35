import { type OperationId, operations } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { GraphToken } from './client.js';
import { methodOperations, operationOf, requiredScopes } from './core/scopes.js';

describe('operation coverage', () => {
  const mapped = Object.entries(methodOperations).flatMap(([resource, methods]) =>
    Object.entries(methods).map(([method, operationId]) => ({
      resource,
      method,
      operationId: operationId as OperationId,
    })),
  );

  it('has a method for every operation in the generated operations table', () => {
    const missing = Object.keys(operations).filter((op) => !mapped.some((m) => m.operationId === op));
    expect(missing).toEqual([]);
    expect(mapped).toHaveLength(Object.keys(operations).length);
  });

  it('puts each method on the resource named after its spec tag, and it exists on the client', () => {
    const client = new GraphToken({ token: 'unused' }) as unknown as Record<string, Record<string, unknown>>;
    // A tag names the resource, camel-cased after what it holds where one word would be unclear.
    const resourceOfTag: Record<string, string> = { audit: 'auditEvents' };
    for (const { resource, method, operationId } of mapped) {
      const tag = operations[operationId].tag;
      expect(resourceOfTag[tag] ?? tag).toBe(resource);
      expect(typeof client[resource]![method], `${resource}.${method}`).toBe('function');
    }
  });

  it('resolves methods and operationIds to the spec security', () => {
    expect(operationOf('blocks.list')).toBe('listBlocks');
    expect(requiredScopes('blocks.list')).toEqual([['read']]);
    expect(requiredScopes('getGraph')).toEqual([['read'], ['append'], ['write']]);
    expect(requiredScopes('tokens.introspect')).toEqual([[]]);
    expect(requiredScopes('tokens.rotateSelf')).toEqual([[]]);
    expect(requiredScopes('tokens.revokeLeaked')).toEqual([]);
    expect(requiredScopes('auditEvents.list')).toEqual([['manage']]);
  });
});
