/**
 * The base of the resource classes (`tokens`, `graphs`, `blocks`): one per spec tag, each method
 * bound to one operationId through its resource's operation map.
 */
import type { OperationId } from '@graphtoken/contract';
import type { CallSpec, RequestOptions, Transport } from '../internal/transport.js';
import { APIPromise } from './api-promise.js';
import type { ResponseOf } from './operation-types.js';
import { PagedList } from './pagination.js';

/** Maps a resource's method names to the operationIds they call. */
export type OperationMap = Readonly<Record<string, OperationId>>;

/** A group of methods for one spec tag. */
export abstract class APIResource {
  /** @internal */
  protected readonly _transport: Transport;

  /** @internal */
  constructor(transport: Transport) {
    this._transport = transport;
  }

  /** @internal Makes one call and wraps it in an {@link APIPromise}. */
  protected _call<Op extends OperationId>(
    spec: CallSpec & { operationId: Op },
    options: RequestOptions | undefined,
  ): APIPromise<ResponseOf<Op>> {
    return new APIPromise(this._transport.call<ResponseOf<Op>>(spec, options));
  }

  /** @internal A lazily paginated list over a cursor-paginated (or single-page) operation. */
  protected _list<Op extends OperationId, Item>(
    spec: CallSpec & { operationId: Op },
    startCursor: string | undefined,
    options: RequestOptions | undefined,
  ): PagedList<Item> {
    return new PagedList<Item>(
      (cursor) =>
        new APIPromise(
          this._transport.call<{ data: Item[]; nextCursor?: string | null }>(
            cursor === undefined ? spec : { ...spec, query: { ...spec.query, cursor } },
            options,
          ),
        ),
      spec.operationId,
      startCursor,
    );
  }
}
