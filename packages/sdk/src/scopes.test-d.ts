/**
 * Type-level tests: a client declared with its token's scopes exposes only what they allow, and
 * signatures follow the spec. Run by `vitest` (typecheck) and by `tsc`.
 */
import type { Block, Graph, Introspection, Token, TokenWithSecret } from '@graphtoken/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, GraphToken } from './client.js';
import type { APIPromise } from './core/api-promise.js';
import type { Page, PagedList } from './core/pagination.js';
import type { ScopeRequired } from './core/scopes.js';
import type { AuditEvents } from './resources/audit-events.js';
import type { Blocks } from './resources/blocks.js';
import type { Graphs } from './resources/graphs.js';
import type { Tokens } from './resources/tokens.js';

const token = 'gt_…';

describe('scoped clients: issue 11 methods', () => {
  it('any token may rotate itself and report leaks; the audit log needs manage', () => {
    const appender = new GraphToken({ token, scopes: ['append'] });
    expectTypeOf(appender.tokens.rotateSelf).toEqualTypeOf<Tokens['rotateSelf']>();
    expectTypeOf(appender.tokens.revokeLeaked).toEqualTypeOf<Tokens['revokeLeaked']>();
    expectTypeOf(appender.auditEvents.list).toEqualTypeOf<
      ScopeRequired<'auditEvents.list requires scope: manage'>
    >();
    const manager = new GraphToken({ token, scopes: ['manage'] });
    expectTypeOf(manager.auditEvents.list).toEqualTypeOf<AuditEvents['list']>();
  });

  it('takes a Date or a string for time filters, and only the spec sorts', () => {
    const client = new GraphToken({ token });
    client.tokens.list({
      lastUsedBefore: new Date(),
      expiresBefore: '2025-11-27T00:00:00Z',
      sort: '-lastUsedAt',
    });
    client.auditEvents.list({ since: new Date(), type: 'token.revoked' });
    // @ts-expect-error not a TokenSort
    client.tokens.list({ sort: 'hint' });
    // @ts-expect-error not an audit event type
    client.auditEvents.list({ type: 'token.deleted' });
    // @ts-expect-error a time is a Date or a string
    client.tokens.list({ createdBefore: 1_700_000_000 });
  });
});

describe('scoped clients', () => {
  it('an append-only client cannot read, edit or manage, and the type names the missing scope', () => {
    const appender = new GraphToken({ token, scopes: ['append'] });
    expectTypeOf(appender.blocks.append).toEqualTypeOf<Blocks['append']>();
    expectTypeOf(appender.blocks.list).toEqualTypeOf<ScopeRequired<'blocks.list requires scope: read'>>();
    expectTypeOf(appender.blocks.get).toEqualTypeOf<ScopeRequired<'blocks.get requires scope: read'>>();
    expectTypeOf(appender.blocks.update).toEqualTypeOf<
      ScopeRequired<'blocks.update requires scope: write'>
    >();
    expectTypeOf(appender.blocks.delete).toEqualTypeOf<
      ScopeRequired<'blocks.delete requires scope: write'>
    >();
    expectTypeOf(appender.tokens.create).toEqualTypeOf<
      ScopeRequired<'tokens.create requires scope: manage'>
    >();
    // A refused method returns `never`: nothing can be done with its result either.
    expectTypeOf(appender.blocks.list).returns.toBeNever();
    // Any valid token may introspect, revoke itself, list graphs and get a graph it can append to.
    expectTypeOf(appender.tokens.introspect).toEqualTypeOf<Tokens['introspect']>();
    expectTypeOf(appender.tokens.revokeSelf).toEqualTypeOf<Tokens['revokeSelf']>();
    expectTypeOf(appender.graphs.list).toEqualTypeOf<Graphs['list']>();
    expectTypeOf(appender.graphs.get).toEqualTypeOf<Graphs['get']>();

    // @ts-expect-error blocks.list needs `read` ("… 'this' of type '"blocks.list requires scope: read"'")
    appender.blocks.list('gr_x');
    // @ts-expect-error blocks.delete needs `write`
    appender.blocks.delete('gr_x', 'blk_x');
    // @ts-expect-error tokens.create needs `manage`
    appender.tokens.create({ name: 'x', scopes: ['read'] });
    const { list } = appender.blocks;
    // @ts-expect-error a refused method taken off its resource is refused too
    list('gr_x');
  });

  it('names every alternative when several scopes would do', () => {
    const manager = new GraphToken({ token, scopes: ['manage'] });
    expectTypeOf(manager.graphs.get).toEqualTypeOf<
      ScopeRequired<'graphs.get requires scope: read or append or write'>
    >();
    // @ts-expect-error getGraph needs read, append or write
    manager.graphs.get('gr_x');
  });

  it('also works with `as const` and with createClient', () => {
    const reader = new GraphToken({ token, scopes: ['read'] as const });
    expectTypeOf(reader.blocks.list).toEqualTypeOf<Blocks['list']>();
    // @ts-expect-error blocks.append needs `append`
    reader.blocks.append('gr_x', { blocks: [{ content: 'x' }] });

    const manager = createClient({ token, scopes: ['manage'] });
    expectTypeOf(manager.tokens.rotate).toEqualTypeOf<Tokens['rotate']>();
    // @ts-expect-error a manage-only token has no data scope
    manager.blocks.list('gr_x');
  });

  it('write implies read and append', () => {
    const editor = new GraphToken({ token, scopes: ['write'] });
    expectTypeOf(editor.blocks.list).toEqualTypeOf<Blocks['list']>();
    expectTypeOf(editor.blocks.append).toEqualTypeOf<Blocks['append']>();
    expectTypeOf(editor.blocks.delete).toEqualTypeOf<Blocks['delete']>();
    // @ts-expect-error write does not imply manage
    editor.tokens.list();
  });

  it('an undeclared client exposes everything', () => {
    const client = new GraphToken({ token });
    expectTypeOf(client.blocks.list).toEqualTypeOf<Blocks['list']>();
    expectTypeOf(client.tokens.create).toEqualTypeOf<Tokens['create']>();
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

  it('awaiting a list gives its first page; iterating it gives items', async () => {
    expectTypeOf<Awaited<ReturnType<typeof client.graphs.list>>>().toEqualTypeOf<Page<Graph>>();
    expectTypeOf<Awaited<ReturnType<typeof client.tokens.list>>>().toEqualTypeOf<Page<Token>>();
    const page = await client.blocks.list('gr_x');
    expectTypeOf(page.data).toEqualTypeOf<Block[]>();
    expectTypeOf(page.nextCursor).toEqualTypeOf<string | null>();
    for await (const graph of client.graphs.list()) expectTypeOf(graph).toEqualTypeOf<Graph>();
    // @ts-expect-error an awaited list is a page, not an array: its items are in `.data`
    page.map((b: Block) => b.id);
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
