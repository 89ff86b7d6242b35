/** `graphtoken tokens list`: the tokens you manage, as a table or JSON; never a secret, only its hint. */
import type { ListTokensParams, Token, TokenSort, TokenStatus } from '@graphtoken/sdk';
import { noExtraArguments, parseCommandArgs, redactIfSecret } from '../../args/parse-command-args.js';
import {
  checkCharacterLength,
  dateFromNow,
  parseDuration,
  parseGraphIds,
  parseLimit,
} from '../../args/values.js';
import { formatHint, formatStatus, formatTime } from '../../output/format.js';
import { renderTable } from '../../output/table.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

const STATUSES = ['active', 'revoked', 'expired'] as const satisfies readonly TokenStatus[];
const SORTS = [
  'createdAt',
  '-createdAt',
  'lastUsedAt',
  '-lastUsedAt',
  'expiresAt',
  'name',
] as const satisfies readonly TokenSort[];

/** The `tokens list` command. */
export const list: Command = {
  name: 'tokens list',
  summary: 'list the tokens you manage (id, name, scopes, graphs, status, hint, last used)',
  usage: `Usage: graphtoken tokens list [--status active|revoked|expired] [--graph <gr_…>] [--stale <duration>]
                              [--expiring <duration>] [--never-used] [--search <text>]
                              [--sort <field>] [--limit <n>] [--json]

  --status <status>      only tokens with this status (revoked and expired tokens stay listed)
  --graph <gr_…>         only tokens bound to this graph
  --stale <duration>     only tokens not used for that long, e.g. 90d (last used before now − 90d,
                         or never used and created before it); every status unless --status says
  --expiring <duration>  only tokens that stop working within that long, e.g. 7d (expiresAt before
                         now + 7d); only active ones unless --status says otherwise (--status expired
                         lists those already expired)
  --never-used           only tokens never used
  --search <text>        only tokens whose name or description contains the text (any case)
  --sort <field>         ${SORTS.join(', ')} (- = descending; default -createdAt)
  --limit <n>            show at most n tokens (default: all, fetched page by page)

Durations: 30s, 90m, 12h, 90d, 2w, or combined (1d12h).

${CONNECTION_USAGE}

Needs a token with the manage scope in GRAPHTOKEN_TOKEN.

Examples:
  graphtoken tokens list --stale 90d --status active     # working tokens unused for 90 days
  graphtoken tokens list --expiring 7d --sort expiresAt  # what stops working this week`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens list', args, {
      ...CONNECTION_OPTIONS,
      status: { type: 'string' },
      graph: { type: 'string' },
      stale: { type: 'string' },
      expiring: { type: 'string' },
      'never-used': { type: 'boolean', default: false },
      search: { type: 'string' },
      sort: { type: 'string' },
      limit: { type: 'string' },
    });
    noExtraArguments(positionals);
    const status = values.status;
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, not "${status}"`);
    }
    const [graphId, more] = parseGraphIds(values.graph === undefined ? [] : [values.graph]);
    if (more !== undefined) throw new UsageError('--graph takes one graph id: the API filters by one graph');
    const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : parseLimit(values.limit, 'tokens');
    const sort = values.sort;
    if (sort !== undefined && !(SORTS as readonly string[]).includes(sort)) {
      throw new UsageError(
        `--sort must be one of ${SORTS.join(', ')}, not "${redactIfSecret(sort).slice(0, 40)}"`,
      );
    }
    const search =
      values.search === undefined ? undefined : checkCharacterLength(values.search, '--search', 1, 100);
    const now = io.now().getTime();
    const params: ListTokensParams = {
      status: (status as TokenStatus | undefined) ?? (values.expiring === undefined ? undefined : 'active'),
      graphId,
      lastUsedBefore:
        values.stale === undefined
          ? undefined
          : dateFromNow(now, parseDuration(values.stale, '--stale'), -1, '--stale', values.stale),
      expiresBefore:
        values.expiring === undefined
          ? undefined
          : dateFromNow(now, parseDuration(values.expiring, '--expiring'), 1, '--expiring', values.expiring),
      neverUsed: values['never-used'] || undefined,
      q: search,
      sort: sort as TokenSort | undefined,
    };
    const { client } = connect(io, values);

    const tokens: Token[] = [];
    // Lazily paginated: pages are fetched as the loop needs them, and no further than --limit.
    for await (const token of client.tokens.list(params)) {
      tokens.push(token);
      if (tokens.length >= limit) break;
    }
    if (values.json) {
      io.stdout(JSON.stringify(tokens, null, 2));
      return 0;
    }
    if (tokens.length === 0) {
      io.stdout('No tokens match.');
      return 0;
    }
    // The expiry matters when looking for what expires; otherwise the table stays as narrow as before.
    const showExpiry = values.expiring !== undefined || sort === 'expiresAt';
    const rows = tokens.map((token) => [
      token.id,
      token.name,
      token.scopes.join(','),
      token.graphIds.join(',') || '—',
      formatStatus(token),
      formatHint(token.hint),
      ...(showExpiry ? [formatTime(token.expiresAt, 'never')] : []),
      formatTime(token.lastUsedAt, 'never'),
    ]);
    const header = [
      'ID',
      'NAME',
      'SCOPES',
      'GRAPHS',
      'STATUS',
      'HINT',
      ...(showExpiry ? ['EXPIRES'] : []),
      'LAST USED',
    ];
    for (const line of renderTable(header, rows)) {
      io.stdout(line);
    }
    io.stdout(`${rows.length} token${rows.length === 1 ? '' : 's'}`);
    return 0;
  },
};
