/**
 * Type-level tests: a client declared with its token's scopes exposes only what they allow, and
 * signatures follow the spec. Run by `vitest` (typecheck) and by `tsc`.
 */
import type { Block, Graph, Introspection, Token, TokenWithSecret } from '@graphtoken/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, GraphToken } from './client.js';
import type { APIPromise } from './core/api-promise.js';
import type { PagedList } from './core/pagination.js';

const token = 'gt_…';

describe('scoped clients', () => {
  it('an append-only client cannot read, edit or manage', () => {
    const appender = new GraphToken({ token, scopes: ['append'] });
    expectTypeOf(appender.blocks).toHaveProperty('append');
    expectTypeOf(appender.blocks).not.toHaveProperty('list');
    expectTypeOf(appender.blocks).not.toHaveProperty('get');
    expectTypeOf(appender.blocks).not.toHaveProperty('update');
    expectTypeOf(appender.blocks).not.toHaveProperty('delete');
    expectTypeOf(appender.tokens).not.toHaveProperty('create');
    // Any valid token may introspect, revoke itself, list graphs and get a graph it can append to.
    expectTypeOf(appender.tokens).toHaveProperty('introspect');
    expectTypeOf(appender.tokens).toHaveProperty('revokeSelf');
    expectTypeOf(appender.graphs).toHaveProperty('list');
    expectTypeOf(appender.graphs).toHaveProperty('get');

    // @ts-expect-error blocks.list needs `read`
    appender.blocks.list('gr_x');
    // @ts-expect-error blocks.delete needs `write`
    appender.blocks.delete('gr_x', 'blk_x');
    // @ts-expect-error tokens.create needs `manage`
    appender.tokens.create({ name: 'x', scopes: ['read'] });
  });

  it('also works with `as const` and with createClient', () => {
    const reader = new GraphToken({ token, scopes: ['read'] as const });
    expectTypeOf(reader.blocks).toHaveProperty('list');
    // @ts-expect-error blocks.append needs `append`
    reader.blocks.append('gr_x', { blocks: [{ content: 'x' }] });

    const manager = createClient({ token, scopes: ['manage'] });
    expectTypeOf(manager.tokens).toHaveProperty('rotate');
    // @ts-expect-error a manage-only token has no data scope
    manager.blocks.list('gr_x');
  });

  it('write implies read and append', () => {
    const editor = new GraphToken({ token, scopes: ['write'] });
    expectTypeOf(editor.blocks).toHaveProperty('list');
    expectTypeOf(editor.blocks).toHaveProperty('append');
    expectTypeOf(editor.blocks).toHaveProperty('delete');
    // @ts-expect-error write does not imply manage
    editor.tokens.list();
  });

  it('an undeclared client exposes everything', () => {
    const client = new GraphToken({ token });
    expectTypeOf(client.blocks).toHaveProperty('list');
    expectTypeOf(client.tokens).toHaveProperty('create');
  });

  it('rejects unknown scopes', () => {
    // @ts-expect-error not a scope
    new GraphToken({ token, scopes: ['admin'] });
  });
});

describe('signatures from the spec', () => {
  const client = new GraphToken({ token });

  it('types results', () => {
    expectTypeOf(client.tokens.introspect()).toEqualTypeOf<APIPromise<Introspection>>();
    expectTypeOf(client.tokens.create).returns.toEqualTypeOf<APIPromise<TokenWithSecret>>();
    expectTypeOf(client.tokens.list()).toEqualTypeOf<PagedList<Token>>();
    expectTypeOf(client.graphs.list()).toEqualTypeOf<PagedList<Graph>>();
    expectTypeOf(client.blocks.list('gr_x')).toEqualTypeOf<PagedList<Block>>();
    expectTypeOf(client.blocks.delete('gr_x', 'blk_x')).toEqualTypeOf<APIPromise<undefined>>();
    expectTypeOf<Awaited<ReturnType<typeof client.tokens.get>>>().toEqualTypeOf<Token>();
  });

  it('rejects wrong bodies and params', () => {
    // @ts-expect-error scopes is required
    client.tokens.create({ name: 'x' });
    // @ts-expect-error unknown scope in a body
    client.tokens.create({ name: 'x', scopes: ['root'] });
    // @ts-expect-error scopes cannot be updated
    client.tokens.update('tok_x', { scopes: ['read'] });
    // @ts-expect-error blocks need content
    client.blocks.append('gr_x', { blocks: [{}] });
    // @ts-expect-error unknown status filter
    client.tokens.list({ status: 'deleted' });
    // @ts-expect-error limit is a number
    client.blocks.list('gr_x', { limit: '10' });
  });
});
