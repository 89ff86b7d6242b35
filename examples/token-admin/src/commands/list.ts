/** `token-admin list`: the tokens you manage, as a table; never a secret, only its hint. */
import { UsageError } from '../args.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { formatHint, formatStatus, formatTime } from '../format.ts';
import { renderTable } from '../table.ts';

const STATUSES = ['active', 'revoked', 'expired'] as const;

/** The `list` command. */
export const list: Command = {
  name: 'list',
  summary: 'list the tokens you manage (id, name, scopes, graphs, status, hint, last used)',
  usage: `token-admin list [--status active|revoked|expired] [--graph <gr_…>]

  --status <status>  only tokens with this status (revoked and expired tokens stay listed)
  --graph <gr_…>     only tokens bound to this graph`,

  async run({ args, client, io }) {
    const { values, positionals } = parseCommandArgs('list', args, {
      status: { type: 'string' },
      graph: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const status = values.status;
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}, not "${status}"`);
    }

    const rows: string[][] = [];
    // Lazily paginated: pages are fetched as the loop needs them.
    for await (const token of client.tokens.list({
      ...(status ? { status: status as (typeof STATUSES)[number] } : {}),
      ...(values.graph ? { graphId: values.graph } : {}),
    })) {
      rows.push([
        token.id,
        token.name,
        token.scopes.join(','),
        token.graphIds.join(',') || '—',
        formatStatus(token),
        formatHint(token),
        formatTime(token.lastUsedAt, 'never'),
      ]);
    }
    if (rows.length === 0) {
      io.stdout('No tokens match.');
      return;
    }
    for (const line of renderTable(['ID', 'NAME', 'SCOPES', 'GRAPHS', 'STATUS', 'HINT', 'LAST USED'], rows)) {
      io.stdout(line);
    }
    io.stdout(`${rows.length} token${rows.length === 1 ? '' : 's'}`);
  },
};
