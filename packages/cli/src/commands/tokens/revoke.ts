/** `graphtoken tokens revoke`: immediate and irreversible. */
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { parseTokenId } from '../../args/values.js';
import { formatHint } from '../../output/format.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** The `tokens revoke` command. */
export const revoke: Command = {
  name: 'tokens revoke',
  summary: 'revoke a token (or, with --self, the configured one): immediate and irreversible',
  usage: `Usage: graphtoken tokens revoke <tok_…> [--json]
       graphtoken tokens revoke --self [--json]

Every app using the token loses access at once; this cannot be undone. The token stays in
\`graphtoken tokens list\` with status "revoked". Revoking an already revoked token is fine.

  --self  revoke the token in GRAPHTOKEN_TOKEN itself (any token may): the thing to do at once
          when it may have leaked

${CONNECTION_USAGE}

Without --self, needs a token with the manage scope.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens revoke', args, {
      ...CONNECTION_OPTIONS,
      self: { type: 'boolean', default: false },
    });
    if (values.self) {
      noExtraArguments(positionals);
      const { client, hint } = connect(io, values, 'the token to revoke');
      await client.tokens.revokeSelf();
      if (values.json) io.stdout(JSON.stringify({ revoked: 'self', hint: hint.slice(-4) }));
      else io.stdout(`Revoked the configured token (${hint}). Remove it from wherever it is stored.`);
      return 0;
    }
    noExtraArguments(positionals, 1);
    if (positionals[0] === undefined) {
      throw new UsageError('revoke needs a token id (graphtoken tokens revoke tok_…), or --self');
    }
    const id = parseTokenId(positionals[0], 'revoke');
    const { client } = connect(io, values);
    // Read first, to name what is being revoked (and to answer 404 before changing anything).
    const token = await client.tokens.get(id);
    await client.tokens.revoke(id);
    if (values.json) io.stdout(JSON.stringify({ revoked: id, hint: token.hint }));
    else {
      io.stdout(
        `Revoked ${id} ("${token.name}", ${formatHint(token.hint)}). Anything still using it is now refused.`,
      );
    }
    return 0;
  },
};
