/**
 * The promise every non-list method returns: await it for the data, or call `.withResponse()`
 * for the raw `Response`, status, headers and request id (as openai-node does).
 */
import type { RawResult } from '../internal/transport.js';

/** The data of a call together with its raw response. */
export interface WithResponse<T> {
  /** The parsed (and, unless turned off, validated) body. */
  readonly data: T;
  /** The raw response; its body has already been read. */
  readonly response: Response;
  /** `X-Request-Id`, to quote to support. */
  readonly requestId: string | undefined;
}

/**
 * A promise of a call's data, with access to the raw response. The request starts at once, like
 * any promise; awaiting it twice does not send it twice.
 *
 * @example
 * const { data: token, requestId } = await client.tokens.get('tok_…').withResponse();
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #raw: Promise<RawResult<T>>;

  /** @internal */
  constructor(raw: Promise<RawResult<T>>) {
    this.#raw = raw;
  }

  /** The data with the raw response and request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw.then(({ data, response, requestId }) => ({ data, response, requestId }));
  }

  /** The raw response only (its body already read). */
  asResponse(): Promise<Response> {
    return this.#raw.then((r) => r.response);
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a thenable on purpose
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    // One reaction, not two: unwrap the data and hand it on in the same step.
    return this.#raw.then(
      typeof onFulfilled === 'function' ? (r) => onFulfilled(r.data) : (r) => r.data as unknown as R1,
      onRejected,
    );
  }

  /** Like `Promise.prototype.catch`. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  /** Like `Promise.prototype.finally`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
