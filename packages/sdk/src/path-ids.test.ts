/**
 * Path ids are checked against the spec's patterns before anything is sent: an id such as `self`,
 * `.` or `..` would otherwise reach another operation (`tokens.revoke('self')` revoking the
 * calling token, `blocks.get(g, '..')` reaching getGraph).
 */
import { pathParamPatterns } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { json, newToken, stubFetch, tokenObject } from '../test/support/stub-fetch.js';
import { GraphToken } from './client.js';
import { isInvalidArgumentError } from './core/error-guards.js';
import { InvalidArgumentError } from './core/errors.js';

const G = 'gr_x2nEgXwpV83v';
const T = 'tok_G5KdR5pNKRaVTet6';
const B = 'blk_NZkSLr0kiC9I';

const hostileIds = [
  'self',
  '.',
  '..',
  '',
  ' ',
  '\t',
  '/',
  'a/b',
  '%2F',
  '%2e%2e',
  '?',
  '#',
  'x?y=1',
  'x#frag',
  `${T}/`,
  `${T}/..`,
  `${T}?status=active`,
  `${T}#x`,
  `${T} `,
  ` ${T}`,
  `${T}\n`,
  `${T}%2F..`,
  `tok_${'a'.repeat(65)}`,
  'x'.repeat(10_000),
  'tok_short',
  'gr_research',
  'blk_research1',
];

function setup() {
  const stub = stubFetch(() => json(200, tokenObject()));
  const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
  return { stub, client };
}

/** Every SDK method with a path id, with the id under test in each position. */
const calls = (c: GraphToken, id: string) => ({
  'tokens.get': () => c.tokens.get(id),
  'tokens.update': () => c.tokens.update(id, { name: 'x' }),
  'tokens.revoke': () => c.tokens.revoke(id),
  'tokens.rotate': () => c.tokens.rotate(id),
  'graphs.get': () => c.graphs.get(id),
  'blocks.list': () => c.blocks.list(id).firstPage(),
  'blocks.append': () => c.blocks.append(id, { blocks: [{ content: 'x' }] }),
  'blocks.get (graph)': () => c.blocks.get(id, B),
  'blocks.get (block)': () => c.blocks.get(G, id),
  'blocks.update (block)': () => c.blocks.update(G, id, { content: 'x' }),
  'blocks.delete (graph)': () => c.blocks.delete(id, B),
  'blocks.delete (block)': () => c.blocks.delete(G, id),
});

describe('path ids', () => {
  it.each([
    ["tokens.revoke('self')", (c: GraphToken) => c.tokens.revoke('self')],
    ["tokens.get('.')", (c: GraphToken) => c.tokens.get('.')],
    ["blocks.get(g, '..')", (c: GraphToken) => c.blocks.get(G, '..')],
    ["blocks.delete(g, '..')", (c: GraphToken) => c.blocks.delete(G, '..')],
  ])('%s is refused with InvalidArgumentError and nothing is sent', async (_name, call) => {
    const { stub, client } = setup();
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(isInvalidArgumentError(error)).toBe(true);
    expect((error as Error).message).toMatch(/must match \^(tok|blk)_/);
    expect((error as Error).message).toContain('Nothing was sent');
    expect(stub.sent).toHaveLength(0);
  });

  it('refuses every hostile id in every position, without calling fetch', async () => {
    const { stub, client } = setup();
    let refused = 0;
    for (const id of hostileIds) {
      for (const [name, call] of Object.entries(calls(client, id))) {
        // An id of the right kind in its own position is valid: skip those (they are tested below).
        const position = name.includes('(block)') ? 'blk_' : name.startsWith('tokens') ? 'tok_' : 'gr_';
        if (id.startsWith(position) && new RegExp(Object.values(pathParamPatterns).join('|')).test(id))
          continue;
        const error = await call().catch((e: unknown) => e);
        expect(isInvalidArgumentError(error), `${name} ${JSON.stringify(id.slice(0, 20))}`).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(hostileIds.length * 10);
    expect(stub.sent).toHaveLength(0);
  });

  it('keeps a refused id short in the message', async () => {
    const { client } = setup();
    const error = (await client.tokens.get('x'.repeat(10_000)).catch((e: unknown) => e)) as Error;
    expect(error.message.length).toBeLessThan(400);
  });

  it('sends valid ids unchanged', async () => {
    const { stub, client } = setup();
    await client.tokens.get(T);
    await client.tokens.revoke(`tok_${'A1'.repeat(32)}`);
    expect(stub.sent.map((s) => new URL(s.url).pathname)).toEqual([
      `/v1/tokens/${T}`,
      `/v1/tokens/tok_${'A1'.repeat(32)}`,
    ]);
  });
});
