/** `graphtoken tokens list`: the tokens you manage, as a table or JSON; never a secret, only its hint. */
import type { Token, TokenStatus } from '@graphtoken/sdk';
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { parseGraphIds } from '../../args/values.js';
import { formatHint, formatStatus, formatTime } from '../../output/format.js';
import { renderTable } from '../../output/table.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

const STATUSES = ['active', 'revoked', 'expired'] as const satisfies readonly TokenStatus[];

/** The `tokens list` command. */
export const list: Command = {
  name: 'tokens list',
  summary: 'list the tokens you manage (id, name, scopes, graphs, status, hint, last used)',
  usage: `Usage: graphtoken tokens list [--status active|revoked|expired] [--graph <gr_…>] [--limit <n>] [--json]

  --status <status>  only tokens with this status (revoked and expired tokens stay listed)
  --graph <gr_…>     only tokens bound to this graph
  --limit <n>        show at most n tokens (default: all, fetched page by page)

${CONNECTION_USAGE}

Needs a token with the manage scope in GRAPHTOKEN_TOKEN.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens list', args, {
      ...CONNECTION_OPTIONS,
      status: { type: 'string' },
      graph: { type: 'string' },
      limit: { type: 'string' },
    });
    noExtraArguments(positionals);
    const status = values.status;
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, not "${status}"`);
    }
    const [graphId, more] = parseGraphIds(values.graph === undefined ? [] : [values.graph]);
    if (more !== undefined) throw new UsageError('--graph takes one graph id: the API filters by one graph');
    const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : parseLimit(values.limit);
    const { client } = connect(io, values);

    const tokens: Token[] = [];
    // Lazily paginated: pages are fetched as the loop needs them, and no further than --limit.
    for await (const token of client.tokens.list({
      ...(status ? { status: status as TokenStatus } : {}),
      ...(graphId ? { graphId } : {}),
    })) {
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
    const rows = tokens.map((token) => [
      token.id,
      token.name,
      token.scopes.join(','),
      token.graphIds.join(',') || '—',
      formatStatus(token),
      formatHint(token.hint),
      formatTime(token.lastUsedAt, 'never'),
    ]);
    for (const line of renderTable(['ID', 'NAME', 'SCOPES', 'GRAPHS', 'STATUS', 'HINT', 'LAST USED'], rows)) {
      io.stdout(line);
    }
    io.stdout(`${rows.length} token${rows.length === 1 ? '' : 's'}`);
    return 0;
  },
};

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--limit takes a whole number of tokens, at least 1, not "${text}"`);
  }
  return Number(text);
}
