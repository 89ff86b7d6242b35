/**
 * The `audit` tag of spec/openapi.yaml: `GET /v1/audit-events`, what happened to the tokens the
 * caller's account may see (as for `listTokens`, with its current roles), newest first.
 */
import { type AuditEvent, type AuditEventPage, AuditEventTypeSchema } from '@graphtoken/contract';
import { decodeCursor, pageOf } from '../internal/cursor.js';
import { QueryReader } from '../internal/validation.js';
import type { AuditEventRecord } from '../store/records.js';
import type { TagOperations } from './define.js';

const TOKEN_ID = /^tok_[A-Za-z0-9]{16,64}$/;

function toEvent(e: AuditEventRecord): AuditEvent {
  return {
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    tokenId: e.tokenId,
    actor: e.actor,
    reason: e.reason,
    successorId: e.successorId,
  };
}

/** The `audit` operations. */
export const auditOperations: TagOperations<'audit'> = {
  listAuditEvents(ctx) {
    const q = new QueryReader(ctx.query);
    const tokenId = q.string('tokenId', { pattern: TOKEN_ID, message: 'must be a token id (tok_…)' });
    const type = q.oneOf('type', AuditEventTypeSchema.options);
    const sinceMs = q.dateTime('since');
    const limit = q.int('limit', 1, 100, 20);
    const cursor = q.string('cursor', {
      minLength: 1,
      maxLength: 512,
      message: 'must be 1 to 512 characters long',
    });
    q.done();
    const { state } = ctx;
    state.materialise(ctx.nowMs);
    const list = `audit|${tokenId ?? ''}|${type ?? ''}|${sinceMs ?? ''}`;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, list).after;
    const accountId = ctx.account.id;
    const found = state.audit.page(
      { tokenId, type, sinceMs, after, limit },
      {
        accountId,
        adminGraphIds: state.adminGraphIdsOf(accountId),
        canSee(id) {
          const token = state.tokens.get(id);
          return token !== undefined && state.isTokenVisibleTo(token, accountId);
        },
      },
    );
    const page = pageOf(found, limit, list, (e) => [Date.parse(e.occurredAt), e.seq]);
    const body: AuditEventPage = { data: page.data.map(toEvent), nextCursor: page.nextCursor };
    return { status: 200, body };
  },
};
