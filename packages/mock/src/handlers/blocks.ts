/**
 * The `blocks` tag of spec/openapi.yaml: a graph's content. The pipeline has already found the graph
 * and checked the token's effective scopes on it (read to list and get, append to append, write to
 * edit and delete; encrypted graphs only ever get append).
 */
import {
  AppendBlocksRequestSchema,
  type AppendBlocksResult,
  type Block,
  type BlockPage,
  UpdateBlockRequestSchema,
} from '@graphtoken/contract';
import { decodeCursor, pageOf } from '../internal/cursor.js';
import type { OperationContext } from '../internal/pipeline.js';
import { ApiProblem } from '../internal/problem.js';
import { QueryReader, validateBody } from '../internal/validation.js';
import { checkBlockContent } from '../store/block-content.js';
import type { BlockRecord } from '../store/records.js';
import type { TagOperations } from './define.js';

function findBlock(ctx: OperationContext): BlockRecord {
  const graphId = ctx.graph!.id;
  const blockId = ctx.params.blockId ?? '';
  const block = ctx.state.blocks.get(blockId);
  if (!block || block.graphId !== graphId) {
    throw new ApiProblem(
      'not_found',
      `Block ${blockId} does not exist in graph ${graphId} (or was deleted).`,
    );
  }
  return block;
}

/** The `blocks` operations. */
export const blockOperations: TagOperations<'blocks'> = {
  listBlocks(ctx) {
    const q = new QueryReader(ctx.query);
    const limit = q.int('limit', 1, 100, 50);
    const cursor = q.string('cursor', {
      minLength: 1,
      maxLength: 512,
      message: 'must be 1 to 512 characters long',
    });
    q.done();
    const graphId = ctx.graph!.id;
    const list = `blocks|${graphId}`;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, list).after[0];
    const page = pageOf(ctx.state.listBlocks(graphId, after, limit), limit, list, (b) => [b.seq]);
    const body: BlockPage = { data: page.data.map((b) => ctx.state.toBlock(b)), nextCursor: page.nextCursor };
    return { status: 200, body };
  },

  appendBlocks(ctx) {
    const input = validateBody(AppendBlocksRequestSchema, ctx.json({ required: true }));
    const graphId = ctx.graph!.id;
    const data = input.blocks.map((b) => ctx.state.toBlock(ctx.state.insertBlock(graphId, b.content)));
    ctx.state.changed();
    return { status: 201, body: { data } satisfies AppendBlocksResult };
  },

  getBlock(ctx) {
    return { status: 200, body: ctx.state.toBlock(findBlock(ctx)) satisfies Block };
  },

  updateBlock(ctx) {
    const input = validateBody(UpdateBlockRequestSchema, ctx.json({ required: true }));
    const block = findBlock(ctx);
    checkBlockContent(input.content); // the store's own rule, so append and update agree
    block.content = input.content;
    block.updatedAt = new Date(ctx.nowMs).toISOString();
    ctx.state.blockChanged(block);
    return { status: 200, body: ctx.state.toBlock(block) satisfies Block };
  },

  deleteBlock(ctx) {
    const block = findBlock(ctx);
    ctx.state.deleteBlock(block);
    return { status: 204 };
  },
};
