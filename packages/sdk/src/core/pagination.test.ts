import { describe, expect, it } from 'vitest';
import { blockObject, json, newToken, problem, stubFetch } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';
import { ResponseValidationError } from './errors.js';
import { MAX_EMPTY_PAGES } from './pagination.js';

const PAGE_SIZE = 100;
const PAGES = 1000;

/** A stub API serving PAGES pages of PAGE_SIZE blocks, cursor = page number. */
function manyPages() {
  return stubFetch((request) => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('cursor') ?? '0');
    const data = Array.from({ length: PAGE_SIZE }, (_, i) => blockObject(page * PAGE_SIZE + i));
    return json(200, { data, nextCursor: page + 1 < PAGES ? String(page + 1) : null });
  });
}

describe('PagedList', () => {
  it('fetches nothing until iterated, then one page at a time', async () => {
    const stub = manyPages();
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const list = client.blocks.list('gr_x', { limit: PAGE_SIZE });
    expect(stub.sent).toHaveLength(0);
    let seen = 0;
    for await (const _block of list) {
      seen++;
      // The page holding item n is fetched only when item n is reached: never a page ahead.
      expect(stub.sent).toHaveLength(Math.ceil(seen / PAGE_SIZE));
      if (seen === 150) break;
    }
    expect(stub.sent).toHaveLength(2);
    expect(new URL(stub.sent[1]!.url).searchParams.get('cursor')).toBe('1');
    expect(new URL(stub.sent[1]!.url).searchParams.get('limit')).toBe(String(PAGE_SIZE));
  });

  it('walks 100,000 blocks holding one page at a time', async () => {
    const stub = manyPages();
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    let count = 0;
    let last = '';
    let pagesAheadMax = 0;
    for await (const block of client.blocks.list('gr_x')) {
      count++;
      last = block.id;
      pagesAheadMax = Math.max(pagesAheadMax, stub.sent.length - Math.ceil(count / PAGE_SIZE));
    }
    expect(count).toBe(PAGE_SIZE * PAGES);
    expect(last).toBe(`blk_${PAGE_SIZE * PAGES - 1}`);
    expect(stub.sent).toHaveLength(PAGES);
    expect(pagesAheadMax).toBe(0);
  });

  it('exposes pages() with request ids, and firstPage()', async () => {
    const stub = manyPages();
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const first = await client.blocks.list('gr_x').firstPage();
    expect(first.data).toHaveLength(PAGE_SIZE);
    expect(first.nextCursor).toBe('1');
    expect(first.requestId).toMatch(/^req_/);
    expect(first.response.status).toBe(200);

    let pages = 0;
    for await (const page of client.blocks.list('gr_x', { cursor: '997' }).pages()) {
      pages++;
      expect(page.data).toHaveLength(PAGE_SIZE);
    }
    expect(pages).toBe(3);
  });
});

/** A stub API whose `nextCursor` follows `cycle` from the first page: cursor → next cursor. */
function cyclingCursors(next: Record<string, string | null>) {
  return stubFetch((request, i) => {
    // A client that follows the cycle fails here instead of hanging the test run.
    if (i >= 50) return json(404, { looped: true });
    const cursor = new URL(request.url).searchParams.get('cursor') ?? '';
    return json(200, { data: [blockObject(0)], nextCursor: next[cursor] ?? null });
  });
}

describe('a cursor that comes back', () => {
  const cases = [
    { given: 'A, A (an immediate repeat)', next: { '': 'A', A: 'A' }, pages: 2 },
    { given: 'A, B, A', next: { '': 'A', A: 'B', B: 'A' }, pages: 3 },
    { given: 'A, B, C, D, B', next: { '': 'A', A: 'B', B: 'C', C: 'D', D: 'B' }, pages: 5 },
  ];
  for (const { given, next, pages } of cases) {
    it(`stops with ResponseValidationError on ${given}, after ${pages} requests`, async () => {
      const stub = cyclingCursors(next);
      const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
      let items = 0;
      const error = await (async () => {
        for await (const _ of client.blocks.list('gr_x')) items++;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues[0]).toMatchObject({
        path: ['nextCursor'],
        code: 'repeated_cursor',
      });
      expect((error as Error).message).toMatch(/repeated a page cursor.*loop forever/);
      expect(stub.sent).toHaveLength(pages);
      expect(items).toBe(pages);
    });
  }

  it('also when the repeated cursor is the one the list started from', async () => {
    const stub = cyclingCursors({ S: 'A', A: 'S' });
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const walk = async () => {
      for await (const _ of client.blocks.list('gr_x', { cursor: 'S' })) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(stub.sent).toHaveLength(2);
  });

  it('each iteration has its own record of cursors', async () => {
    const stub = cyclingCursors({ '': 'A', A: 'B', B: null });
    const list = new GraphToken({ token: newToken(), fetch: stub.fetch }).blocks.list('gr_x');
    for (let round = 0; round < 2; round++) {
      let n = 0;
      for await (const _ of list) n++;
      expect(n).toBe(3);
    }
  });
});

describe('awaiting a list', () => {
  it('gives its first page: one request, nothing sent before the await', async () => {
    const stub = manyPages();
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const list = client.blocks.list('gr_x', { limit: PAGE_SIZE });
    expect(stub.sent).toHaveLength(0);
    const page = await list;
    expect(page.data).toHaveLength(PAGE_SIZE);
    expect(page.nextCursor).toBe('1');
    expect(page.requestId).toMatch(/^req_/);
    expect(stub.sent).toHaveLength(1);
  });

  it('shares the first page between await, firstPage() and iteration of the same list', async () => {
    const stub = stubFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return json(200, { data: [blockObject(cursor ? 2 : 1)], nextCursor: cursor ? null : 'c2' });
    });
    const list = new GraphToken({ token: newToken(), fetch: stub.fetch }).blocks.list('gr_x');
    const [a, b] = await Promise.all([list, list.firstPage()]);
    expect(a).toBe(b);
    const ids: string[] = [];
    for await (const block of list) ids.push(block.id);
    expect(ids).toEqual(['blk_1', 'blk_2']);
    expect(stub.sent).toHaveLength(2);
  });

  it('rejects like a promise: then(_, onRejected), catch, finally', async () => {
    const stub = stubFetch(
      () => new Response('', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const list = new GraphToken({ token: newToken(), fetch: stub.fetch }).graphs.list();
    await expect(list).rejects.toBeInstanceOf(ResponseValidationError);
    expect(await list.catch((e: unknown) => e)).toBeInstanceOf(ResponseValidationError);
    let finished = false;
    await list.finally(() => (finished = true)).catch(() => undefined);
    expect(finished).toBe(true);
    expect(stub.sent).toHaveLength(1);
  });
});

describe('empty pages with ever new cursors', () => {
  /** Page n is empty unless `full(n)`; its nextCursor is always fresh. */
  const endless = (full: (n: number) => boolean) =>
    stubFetch((request) => {
      const n = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
      // A bound of the test's own, so a list that never stops fails here instead of hanging.
      if (n > 100) return problem(400, 'invalid_request');
      return json(200, { data: full(n) ? [blockObject(n)] : [], nextCursor: String(n + 1) });
    });

  it(`stops with ResponseValidationError (empty_pages) after ${MAX_EMPTY_PAGES} in a row`, async () => {
    const stub = endless(() => false);
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    const error = await (async () => {
      for await (const _ of client.blocks.list('gr_x')) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toMatchObject({ code: 'empty_pages' });
    expect((error as Error).message).toContain(`${MAX_EMPTY_PAGES} empty pages in a row`);
    expect(stub.sent).toHaveLength(MAX_EMPTY_PAGES);
  });

  it('an item resets the count: a sparse but progressing list is walked', async () => {
    const stub = endless((n) => n % MAX_EMPTY_PAGES === MAX_EMPTY_PAGES - 1);
    const client = new GraphToken({ token: newToken(), fetch: stub.fetch });
    let items = 0;
    for await (const _ of client.blocks.list('gr_x')) if (++items === 5) break;
    expect(items).toBe(5);
    expect(stub.sent).toHaveLength(5 * MAX_EMPTY_PAGES);
  });
});
