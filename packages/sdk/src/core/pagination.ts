/**
 * Lazily paginated lists. Nothing is fetched until you iterate; each page is fetched when the
 * previous one is used up, so walking 100,000 blocks holds one page in memory.
 *
 * @see ../../../../spec/openapi.yaml `info.description` "Pagination"
 */
import type { APIPromise } from './api-promise.js';
import { GraphTokenError } from './errors.js';

/** One page of a list, with its raw response. */
export interface Page<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** The cursor of the next page, or null on the last page. */
  readonly nextCursor: string | null;
  /** `X-Request-Id` of the page's response. */
  readonly requestId: string | undefined;
  /** The raw response of the page. */
  readonly response: Response;
}

/** Fetches the page at a cursor (undefined: the first page). */
export type PageFetcher<Item> = (
  cursor: string | undefined,
) => APIPromise<{ data: Item[]; nextCursor?: string | null }>;

/**
 * An async iterable over every item of a list, page by page.
 *
 * @example
 * for await (const block of client.blocks.list('gr_…')) console.log(block.content);
 * for await (const page of client.tokens.list({ status: 'active' }).pages()) console.log(page.data.length);
 * const first = await client.tokens.list().firstPage();
 */
export class PagedList<Item> implements AsyncIterable<Item> {
  readonly #fetchPage: PageFetcher<Item>;
  readonly #startCursor: string | undefined;

  /** @internal */
  constructor(fetchPage: PageFetcher<Item>, startCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#startCursor = startCursor;
  }

  /** The first page only (one request). */
  async firstPage(): Promise<Page<Item>> {
    return this.#page(this.#startCursor);
  }

  /** Every page, fetched one at a time as you iterate. */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let cursor = this.#startCursor;
    for (;;) {
      const page = await this.#page(cursor);
      yield page;
      if (page.nextCursor === null) return;
      if (page.nextCursor === cursor) {
        throw new GraphTokenError(
          'The API returned the same page cursor twice; stopping to avoid an endless loop.',
        );
      }
      cursor = page.nextCursor;
    }
  }

  /** Every item, fetched one page at a time as you iterate. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  async #page(cursor: string | undefined): Promise<Page<Item>> {
    const { data, response, requestId } = await this.#fetchPage(cursor).withResponse();
    return { data: data.data, nextCursor: data.nextCursor ?? null, requestId, response };
  }
}
