/**
 * Lazily paginated lists. A list method returns a {@link PagedList}: `await` it for the first
 * page, or `for await` it for every item, each page fetched when the previous one is used up, so
 * walking 100,000 blocks holds one page in memory.
 *
 * @see ../../../../spec/openapi.yaml `info.description` "Pagination"
 */
import type { APIPromise } from './api-promise.js';
import { ResponseValidationError } from './errors.js';

/** One page of a list, with its raw response. */
export interface Page<Item> {
  /** The items of this page. */
  readonly data: Item[];
  /** The cursor of the next page, or null on the last page. */
  readonly nextCursor: string | null;
  /** `X-Request-Id` of the page's response. */
  readonly requestId: string | undefined;
  /** The raw response of the page (its body already read). */
  readonly response: Response;
}

/** Fetches the page at a cursor (undefined: the first page). */
export type PageFetcher<Item> = (
  cursor: string | undefined,
) => APIPromise<{ data: Item[]; nextCursor?: string | null }>;

/** Empty pages in a row that still give a `nextCursor` after which a list stops (a server looping on fresh cursors). */
export const MAX_EMPTY_PAGES = 10;

/**
 * A list: awaitable for its first page (`await client.tokens.list()` is a {@link Page}) and async
 * iterable over every item, page by page. Nothing is sent until it is awaited or iterated. The
 * first page is requested once per list object and shared by every `await`, `firstPage()` and
 * iteration of it; later pages are requested as an iteration reaches them. Call the method again
 * for fresh data.
 *
 * An API that hands back a cursor it already returned (pages A, B, A, …) would be followed
 * forever, as would one that sends empty pages with ever new cursors: the iteration stops with a
 * {@link ResponseValidationError} instead (after {@link MAX_EMPTY_PAGES} empty pages in a row).
 *
 * @example
 * const page = await client.tokens.list({ limit: 20 });        // one request: page.data, page.nextCursor
 * for await (const block of client.blocks.list('gr_…')) index(block);
 * for await (const page of client.tokens.list({ status: 'active' }).pages()) console.log(page.data.length);
 */
export class PagedList<Item> implements AsyncIterable<Item>, PromiseLike<Page<Item>> {
  readonly #fetchPage: PageFetcher<Item>;
  readonly #startCursor: string | undefined;
  readonly #operationId: string;
  #first: Promise<Page<Item>> | undefined;

  /** @internal */
  constructor(fetchPage: PageFetcher<Item>, operationId: string, startCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#operationId = operationId;
    this.#startCursor = startCursor;
  }

  /** The first page (one request, made once per list object). Same as `await list`. */
  firstPage(): Promise<Page<Item>> {
    this.#first ??= this.#page(this.#startCursor);
    return this.#first;
  }

  /** Awaiting a list gives its first page. */
  // biome-ignore lint/suspicious/noThenProperty: a PagedList is a thenable on purpose (await gives the first page)
  then<R1 = Page<Item>, R2 = never>(
    onFulfilled?: ((page: Page<Item>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  /** Like `Promise.prototype.catch`, on the first page. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<Item> | R> {
    return this.firstPage().catch(onRejected);
  }

  /** Like `Promise.prototype.finally`, on the first page. */
  finally(onFinally?: (() => void) | null): Promise<Page<Item>> {
    return this.firstPage().finally(onFinally);
  }

  /**
   * Every page, fetched one at a time as you iterate. Rejects with {@link ResponseValidationError}
   * when the API returns a cursor it already returned in this iteration (code `repeated_cursor`),
   * or {@link MAX_EMPTY_PAGES} empty pages in a row that still give a `nextCursor` (`empty_pages`).
   */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    // Bounded by the pages walked: one short cursor string per page.
    const seen = new Set<string>();
    if (this.#startCursor !== undefined) seen.add(this.#startCursor);
    let page = await this.firstPage();
    let empty = 0;
    for (;;) {
      yield page;
      const next = page.nextCursor;
      if (next === null) return;
      empty = page.data.length ? 0 : empty + 1;
      const repeated = seen.has(next);
      if (repeated || empty >= MAX_EMPTY_PAGES) {
        throw new ResponseValidationError(
          this.#operationId,
          [
            repeated
              ? {
                  path: ['nextCursor'],
                  message: 'a cursor this list had already returned',
                  code: 'repeated_cursor',
                }
              : {
                  path: ['data'],
                  message: `${empty} empty pages in a row with a nextCursor`,
                  code: 'empty_pages',
                },
          ],
          page.requestId,
          `The API ${repeated ? 'repeated a page cursor' : `sent ${empty} empty pages in a row`} after ${seen.size + 1} pages; stopping, as following it could loop forever.`,
        );
      }
      seen.add(next);
      page = await this.#page(next);
    }
  }

  /** Every item, fetched one page at a time as you iterate. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  get [Symbol.toStringTag](): string {
    return 'PagedList';
  }

  async #page(cursor: string | undefined): Promise<Page<Item>> {
    const { data, response, requestId } = await this.#fetchPage(cursor).withResponse();
    // With validateResponses: false nothing else checks the shape, and a body without a `data`
    // array would fail later as a raw TypeError.
    if (data === null || typeof data !== 'object' || !Array.isArray(data.data)) {
      throw new ResponseValidationError(
        this.#operationId,
        [{ path: ['data'], message: 'a page needs a `data` array', code: 'invalid_type' }],
        requestId,
      );
    }
    return { data: data.data, nextCursor: data.nextCursor ?? null, requestId, response };
  }
}
