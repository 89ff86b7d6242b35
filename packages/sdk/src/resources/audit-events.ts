/**
 * `client.auditEvents`: the operation tagged `audit` in spec/openapi.yaml: what happened to the
 * tokens the account may see (created, first used, renamed, rotated, revoked and why, expired),
 * and who did it.
 */
import { AuditEventPageSchema, type OperationId } from '@graphtoken/contract';
import type { ItemOf, QueryOf } from '../core/operation-types.js';
import type { PagedList } from '../core/pagination.js';
import { APIResource } from '../core/resource.js';
import { type Timestamp, toTimestamp } from '../internal/timestamp.js';
import type { RequestOptions } from '../internal/transport.js';

/**
 * Which operation each `auditEvents` method calls (the scope types follow it). The methods name their
 * operationId as a literal, so an app's bundle carries this map only if it imports it; each
 * method calls the operation named here (the SDK's tests check every one).
 */
export const auditEventsOperations = {
  list: 'listAuditEvents',
} as const satisfies Record<string, OperationId>;

/**
 * Filters and page size of `auditEvents.list`: `tokenId` (`tok_…`), `type` (`token.revoked`…),
 * `since` (a `Date` or RFC 3339 string: events at or after it), `limit` (1 to 100 per page),
 * `cursor` (start from a given page).
 */
export type ListAuditEventsParams = Omit<QueryOf<'listAuditEvents'>, 'since'> & {
  since?: Timestamp | undefined;
};

/** Audit events. */
export class AuditEvents extends APIResource {
  /**
   * What happened to the tokens the account created or can manage, newest first, lazily
   * paginated. Never holds a secret. Needs `manage`.
   * @example for await (const event of client.auditEvents.list({ tokenId: 'tok_…', since: new Date(Date.now() - 7 * 86_400_000) })) console.log(event.type, event.actor);
   * @throws {InvalidArgumentError} for a `since` that is an invalid Date, a Date outside the years 0000–9999, or a string that is not an RFC 3339 date-time, before anything is sent
   */
  list(params: ListAuditEventsParams = {}, options?: RequestOptions): PagedList<ItemOf<'listAuditEvents'>> {
    const { cursor, since, ...query } = params;
    return this._list(
      {
        operationId: 'listAuditEvents',
        query: { ...query, since: toTimestamp(since, 'since') },
        schema: AuditEventPageSchema,
      },
      cursor,
      options,
    );
  }
}
