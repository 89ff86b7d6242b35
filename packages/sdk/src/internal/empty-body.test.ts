/**
 * An empty 200 body with `Content-Type: application/json` (a proxy or a crashed server cut it):
 * every operation that returns a body rejects with ResponseValidationError, validation on or off,
 * never resolving `undefined` or failing with a raw TypeError. Operations answered with 204 still
 * resolve `undefined`.
 */
import { operations } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { newToken, stubFetch } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { ResponseValidationError } from '../core/errors.js';
import { type MethodName, methodOperations, operationOf } from '../core/scopes.js';

const tok = 'tok_G5KdR5pNKRaVTet6';
const gr = 'gr_x2nEgXwpV83v';

/** One call of every client method; a list is both awaited (first page) and iterated. */
const calls: Record<MethodName, (c: GraphToken) => Promise<unknown>> = {
  'tokens.introspect': (c) => c.tokens.introspect(),
  'tokens.revokeSelf': (c) => c.tokens.revokeSelf(),
  'tokens.list': async (c) => {
    for await (const _ of c.tokens.list()) void _;
  },
  'tokens.create': (c) => c.tokens.create({ name: 'x', scopes: ['read'], graphIds: [gr] }),
  'tokens.get': (c) => c.tokens.get(tok),
  'tokens.update': (c) => c.tokens.update(tok, { name: 'y' }),
  'tokens.revoke': (c) => c.tokens.revoke(tok),
  'tokens.rotate': (c) => c.tokens.rotate(tok),
  'tokens.rotateSelf': (c) => c.tokens.rotateSelf({ gracePeriodSeconds: 60 }),
  'tokens.revokeLeaked': (c) => c.tokens.revokeLeaked(['gt_not-a-secret']),
  'graphs.list': async (c) => await c.graphs.list(),
  'graphs.get': (c) => c.graphs.get(gr),
  'blocks.list': async (c) => (await c.blocks.list(gr)).data,
  'blocks.append': (c) => c.blocks.append(gr, { blocks: [{ content: 'x' }] }),
  'blocks.get': (c) => c.blocks.get(gr, 'blk_1'),
  'blocks.update': (c) => c.blocks.update(gr, 'blk_1', { content: 'z' }),
  'blocks.delete': (c) => c.blocks.delete(gr, 'blk_1'),
  'auditEvents.list': async (c) => {
    for await (const _ of c.auditEvents.list({ tokenId: tok })) void _;
  },
};

it('covers every method of the client', () => {
  const methods = Object.entries(methodOperations).flatMap(([r, ops]) =>
    Object.keys(ops).map((m) => `${r}.${m}`),
  );
  expect(Object.keys(calls).sort()).toEqual(methods.sort());
});

describe.each([true, false])('an empty 200 body (validateResponses: %s)', (validateResponses) => {
  for (const [method, call] of Object.entries(calls) as [MethodName, (c: GraphToken) => Promise<unknown>][]) {
    const op = operations[operationOf(method)];
    const empty = () =>
      new Response(op.successStatus === 204 ? null : '', {
        status: op.successStatus,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_empty' },
      });
    if (op.successStatus === 204) {
      it(`${method} (204) resolves undefined`, async () => {
        const stub = stubFetch(empty);
        await expect(
          call(new GraphToken({ token: newToken(), fetch: stub.fetch, validateResponses })),
        ).resolves.toBe(undefined);
      });
      continue;
    }
    it(`${method} rejects with ResponseValidationError, not undefined or a TypeError`, async () => {
      const stub = stubFetch(empty);
      const gt = new GraphToken({ token: newToken(), fetch: stub.fetch, validateResponses });
      const error = (await call(gt).then(
        (value) => ({ resolved: value }),
        (e: unknown) => e,
      )) as ResponseValidationError;
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error.operationId).toBe(op.operationId);
      expect(error.issues[0]?.code).toBe('empty_body');
      expect(error.requestId).toBe('req_empty');
      expect(error.message).toMatch(/empty body/);
      // An empty body is not retried: the request went through.
      expect(stub.sent).toHaveLength(1);
    });
  }
});

describe('a page without a data array, validation off', () => {
  for (const body of ['{}', 'null', '{"data":"x"}']) {
    it(`rejects ${body} with ResponseValidationError, not a TypeError`, async () => {
      const stub = stubFetch(() => new Response(body, { headers: { 'content-type': 'application/json' } }));
      const gt = new GraphToken({ token: newToken(), fetch: stub.fetch, validateResponses: false });
      const iterate = async () => {
        for await (const _ of gt.blocks.list(gr)) void _;
      };
      await expect(iterate()).rejects.toBeInstanceOf(ResponseValidationError);
      await expect(gt.graphs.list()).rejects.toBeInstanceOf(ResponseValidationError);
    });
  }
});
