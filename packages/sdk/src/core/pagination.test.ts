import { describe, expect, it } from 'vitest';
import { blockObject, json, newToken, stubFetch } from '../../test/support/stub-fetch.js';
import { GraphToken } from '../client.js';

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
