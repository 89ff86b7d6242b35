/**
 * Finding 08: a DELETE whose first attempt acted but whose answer was lost (a 502 from a gateway, a
 * dropped connection) is retried; the retry's 404 `not_found` (or 401 `token_revoked` for
 * revokeSelf) means the job was done, so the call resolves. Without an earlier attempt that may
 * have reached the API, the same answer is still the error it says.
 */
import { describe, expect, it } from 'vitest';
import { networkFailure, newToken, problem, stubFetch } from '../../test/support/stub-fetch.js';
import { type ClientOptions, GraphToken } from '../client.js';
import { NotFoundError, TokenRevokedError } from '../core/errors.js';

const fast = { baseDelayMs: 1, maxDelayMs: 2 } as const;
const client = (fetch: NonNullable<ClientOptions['fetch']>) =>
  new GraphToken({ token: newToken(), fetch, retry: fast });
const gateway502 = () => new Response('<h1>502 Bad Gateway</h1>', { status: 502 });
const dropped = (): never => {
  throw new TypeError('terminated', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
};

describe('a retried DELETE whose first attempt may have acted', () => {
  it('blocks.delete: 502 then 404 not_found resolves', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? gateway502() : problem(404, 'not_found')));
    await expect(client(stub.fetch).blocks.delete('gr_x', 'blk_1')).resolves.toBeUndefined();
    expect(stub.sent.map((s) => s.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('blocks.delete: a dropped connection then 404 resolves', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? dropped() : problem(404, 'not_found')));
    await expect(client(stub.fetch).blocks.delete('gr_x', 'blk_1')).resolves.toBeUndefined();
  });

  it('tokens.revoke: 503 then 404 not_found resolves', async () => {
    const stub = stubFetch((_r, i) =>
      i === 0 ? new Response('', { status: 503 }) : problem(404, 'not_found'),
    );
    await expect(client(stub.fetch).tokens.revoke('tok_G5KdR5pNKRaVTet6')).resolves.toBeUndefined();
  });

  it('tokens.revokeSelf: 502 then 401 token_revoked resolves', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? gateway502() : problem(401, 'token_revoked')));
    await expect(client(stub.fetch).tokens.revokeSelf()).resolves.toBeUndefined();
    expect(stub.sent).toHaveLength(2);
  });
});

describe('the same answers without an earlier attempt that may have acted', () => {
  it('a first-attempt 404 is NotFoundError', async () => {
    const stub = stubFetch(() => problem(404, 'not_found'));
    await expect(client(stub.fetch).blocks.delete('gr_x', 'blk_1')).rejects.toBeInstanceOf(NotFoundError);
    expect(stub.sent).toHaveLength(1);
  });

  it('a refused connection, or a 429, then 404 is NotFoundError', async () => {
    for (const first of [networkFailure, () => problem(429, 'rate_limited')]) {
      const stub = stubFetch((_r, i) => (i === 0 ? first() : problem(404, 'not_found')));
      await expect(client(stub.fetch).blocks.delete('gr_x', 'blk_1')).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('a first-attempt token_revoked on revokeSelf is TokenRevokedError', async () => {
    const stub = stubFetch(() => problem(401, 'token_revoked'));
    await expect(client(stub.fetch).tokens.revokeSelf()).rejects.toBeInstanceOf(TokenRevokedError);
  });

  it('a GET (no such rule) after a 502 still reports 404', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? gateway502() : problem(404, 'not_found')));
    await expect(client(stub.fetch).blocks.get('gr_x', 'blk_1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('blocks.delete after a 502 with another code is still that error', async () => {
    const stub = stubFetch((_r, i) => (i === 0 ? gateway502() : problem(403, 'graph_not_in_token')));
    await expect(client(stub.fetch).blocks.delete('gr_x', 'blk_1')).rejects.toBeInstanceOf(Error);
  });
});
