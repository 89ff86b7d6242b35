import { type OperationId, operations } from '@graphtoken/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphToken } from './client.js';
import { methodOperations, operationOf, requiredScopes } from './core/scopes.js';
import { Transport } from './internal/transport.js';

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

describe('each method', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // The methods name their operationId as a literal (the maps are not bundled with the client):
  // each must call the operation its resource's map, which the scope types follow, gives it.
  it('calls the operation its resource map names', async () => {
    const call = vi.spyOn(Transport.prototype, 'call').mockResolvedValue({
      data: { data: [], nextCursor: null },
      response: new Response(null),
      requestId: undefined,
    });
    const client = new GraphToken({ token: 'unused' }) as unknown as Record<
      string,
      Record<string, (...args: unknown[]) => PromiseLike<unknown>>
    >;
    const args: Record<string, unknown[]> = {
      'tokens.revokeLeaked': [['gt_x']],
      'tokens.create': [{ name: 'n', scopes: ['read'], graphIds: [] }],
    };
    for (const [resource, methods] of Object.entries(methodOperations)) {
      for (const [method, operationId] of Object.entries(methods)) {
        call.mockClear();
        await client[resource]![method]!(...(args[`${resource}.${method}`] ?? ['gr_a', 'blk_a', {}]));
        expect(call, `${resource}.${method}`).toHaveBeenCalledTimes(1);
        expect(call.mock.calls[0]![0].operationId, `${resource}.${method}`).toBe(operationId);
      }
    }
  });
});
