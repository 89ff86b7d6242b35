/**
 * The link between the spec's operations table and the handler files: each tag's file implements
 * exactly the operations the spec gives that tag (the compiler checks it), and `createHandlers`
 * turns the table into msw routes.
 */
import type { OperationId, operations } from '@graphtoken/contract';
import type { OpenOperationImpl, OperationImpl } from '../internal/pipeline.js';

/** The operationIds of one spec tag. */
export type OperationIdOfTag<Tag extends string> = {
  [K in OperationId]: (typeof operations)[K]['tag'] extends Tag ? K : never;
}[OperationId];

/** The implementation an operation takes: one without a token (`security: []`) gets no caller. */
export type ImplOf<K extends OperationId> = (typeof operations)[K]['security'] extends readonly []
  ? OpenOperationImpl
  : OperationImpl;

/** The implementations of one tag's operations, keyed by operationId. */
export type TagOperations<Tag extends string> = { readonly [K in OperationIdOfTag<Tag>]: ImplOf<K> };
