/** `graphtoken audit`: what happened to the tokens you manage, newest first; never a secret. */

import { AuditEventTypeSchema, isDateTime } from '@graphtoken/contract';
import type { AuditEvent, AuditEventType, ListAuditEventsParams } from '@graphtoken/sdk';
import { noExtraArguments, parseCommandArgs, redactIfSecret } from '../args/parse-command-args.js';
import { dateFromNow, parseDuration, parseLimit, parseTokenId } from '../args/values.js';
import { formatTime } from '../output/format.js';
import { renderTable } from '../output/table.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './tokens/client.js';

/** The event types `--type` takes: the contract schema's own list (spec `AuditEventType`). */
const TYPES: readonly AuditEventType[] = AuditEventTypeSchema.options;

/** The `audit` command. */
export const audit: Command = {
  name: 'audit',
  summary: 'what happened to your tokens: created, first used, renamed, rotated, revoked, expired',
  usage: `Usage: graphtoken audit [--token <tok_…>] [--type <type>] [--since <duration|time>] [--limit <n>] [--json]

Audit events of the tokens you manage, newest first: who did what, and why a token was revoked
(manual, self, rotation_grace_ended, leak_report). Never a secret.

  --token <tok_…>    only this token's events
  --type <type>      only events of this type: ${TYPES.join(', ')}
  --since <when>     only events since then: a duration back from now (7d, 12h) or an RFC 3339
                     time (2025-11-01T00:00:00Z)
  --limit <n>        show at most n events (default: all, fetched page by page)

${CONNECTION_USAGE}

Needs a token with the manage scope in GRAPHTOKEN_TOKEN.

Example (why did the pipeline token stop working?):
  graphtoken audit --token tok_… --type token.revoked`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('audit', args, {
      ...CONNECTION_OPTIONS,
      token: { type: 'string' },
      type: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
    });
    noExtraArguments(positionals);
    const type = values.type;
    if (type !== undefined && !(TYPES as readonly string[]).includes(type)) {
      throw new UsageError(
        `--type must be one of ${TYPES.join(', ')}, not "${redactIfSecret(type).slice(0, 40)}"`,
      );
    }
    const params: ListAuditEventsParams = {
      tokenId: values.token === undefined ? undefined : parseAuditTokenId(values.token),
      type: type as AuditEventType | undefined,
      since: values.since === undefined ? undefined : parseSince(values.since, io.now()),
    };
    const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : parseLimit(values.limit, 'events');
    const { client } = connect(io, values);

    const events: AuditEvent[] = [];
    for await (const event of client.auditEvents.list(params)) {
      events.push(event);
      if (events.length >= limit) break;
    }
    if (values.json) {
      io.stdout(JSON.stringify(events, null, 2));
      return 0;
    }
    if (events.length === 0) {
      io.stdout('No audit events match.');
      return 0;
    }
    const rows = events.map((e) => [
      formatTime(e.occurredAt),
      e.type,
      e.tokenId,
      e.actor,
      e.reason ?? (e.successorId ? `successor ${e.successorId}` : ''),
    ]);
    for (const line of renderTable(['WHEN', 'EVENT', 'TOKEN', 'ACTOR', 'DETAIL'], rows)) io.stdout(line);
    io.stdout(`${rows.length} event${rows.length === 1 ? '' : 's'}`);
    return 0;
  },
};

/** `--since`: a duration back from now (`7d`) or an RFC 3339 time. */
function parseSince(text: string, now: Date): Date | string {
  if (/^\d/.test(text) && !text.includes('-')) {
    return dateFromNow(now.getTime(), parseDuration(text, '--since'), -1, '--since', text);
  }
  if (!isDateTime(text)) {
    throw new UsageError(
      `--since takes a duration back from now (7d, 12h) or an RFC 3339 time with a zone (2025-11-01T00:00:00Z), not "${redactIfSecret(text).slice(0, 40)}"`,
    );
  }
  return text;
}

/** `--token`: a token id, checked as everywhere else (a pasted secret is refused, never echoed). */
function parseAuditTokenId(value: string): string {
  if (value === '') throw new UsageError('--token takes a token id (tok_…, from `graphtoken tokens list`)');
  return parseTokenId(value, 'audit');
}
