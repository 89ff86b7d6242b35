/**
 * `client.blocks`: the operations tagged `blocks` in spec/openapi.yaml: a graph's content.
 * Reading needs `read`, appending `append`, editing and deleting `write`.
 */
import {
  AppendBlocksResultSchema,
  BlockPageSchema,
  BlockSchema,
  type OperationId,
} from '@graphtoken/contract';
import type { APIPromise } from '../core/api-promise.js';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../core/operation-types.js';
import type { PagedList } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import type { RequestOptions } from '../internal/transport.js';

/**
 * Which operation each `blocks` method calls (the scope types follow it). The methods name their
 * operationId as a literal, so an app's bundle carries this map only if it imports it; each
 * method calls the operation named here (the SDK's tests check every one).
 */
export const blocksOperations = {
  list: 'listBlocks',
  append: 'appendBlocks',
  get: 'getBlock',
  update: 'updateBlock',
  delete: 'deleteBlock',
} as const satisfies Record<string, OperationId>;

/** Page size of `blocks.list` (`cursor` starts from a given page). */
export type ListBlocksParams = QueryOf<'listBlocks'>;
/** The body of `blocks.append`. */
export type AppendBlocksParams = BodyOf<'appendBlocks'>;
/** The body of `blocks.update`. */
export type UpdateBlockParams = BodyOf<'updateBlock'>;

/** Graph content. */
export class Blocks extends APIResource {
  /**
   * A graph's blocks, oldest first, lazily paginated (one page in memory). Needs `read`.
   * @example for await (const block of client.blocks.list('gr_…', { limit: 100 })) index(block);
   */
  list(
    graphId: string,
    params: ListBlocksParams = {},
    options?: RequestOptions,
  ): PagedList<ItemOf<'listBlocks'>> {
    const { cursor, ...query } = params;
    return this._list(
      { operationId: 'listBlocks', path: { graphId }, query, schema: BlockPageSchema },
      cursor,
      options,
    );
  }

  /**
   * Appends 1 to 100 blocks. Safe to retry: the SDK sends an `Idempotency-Key`. Needs `append`.
   * @example await client.blocks.append('gr_…', { blocks: [{ content: 'Build 42 passed' }] });
   */
  append(
    graphId: string,
    params: AppendBlocksParams,
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'appendBlocks'>> {
    return this._call(
      {
        operationId: 'appendBlocks',
        path: { graphId },
        body: params,
        schema: AppendBlocksResultSchema,
      },
      options,
    );
  }

  /** One block. Needs `read`. */
  get(graphId: string, blockId: string, options?: RequestOptions): APIPromise<ResponseOf<'getBlock'>> {
    return this._call({ operationId: 'getBlock', path: { graphId, blockId }, schema: BlockSchema }, options);
  }

  /** Replaces a block's content. Needs `write`. */
  update(
    graphId: string,
    blockId: string,
    params: UpdateBlockParams,
    options?: RequestOptions,
  ): APIPromise<ResponseOf<'updateBlock'>> {
    return this._call(
      { operationId: 'updateBlock', path: { graphId, blockId }, body: params, schema: BlockSchema },
      options,
    );
  }

  /**
   * Deletes a block. Needs `write`. When an attempt failed after it may have reached the API (a
   * 5xx, a timeout, a dropped answer) and its retry gets 404 `not_found`, the first attempt did
   * the delete: the call resolves. A 404 on the first attempt rejects with `NotFoundError`.
   */
  delete(graphId: string, blockId: string, options?: RequestOptions): APIPromise<ResponseOf<'deleteBlock'>> {
    return this._call(
      { operationId: 'deleteBlock', path: { graphId, blockId }, doneIf: 'not_found' },
      options,
    );
  }
}
