/** `token-admin revoke`: immediate and irreversible. */
import { parseTokenId, UsageError } from '../args.ts';
import { type Command, parseCommandArgs } from '../command.ts';

/** The `revoke` command. */
export const revoke: Command = {
  name: 'revoke',
  summary: 'revoke a token: immediate and irreversible',
  usage: `token-admin revoke <tok_…>

Every app using the token loses access at once; this cannot be undone. The token stays in
\`token-admin list\` with status "revoked". Revoking an already revoked token is fine.`,

  async run({ args, client, io }) {
    const { positionals } = parseCommandArgs('revoke', args, {});
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const id = parseTokenId(positionals[0], 'revoke');
    const token = await client.tokens.get(id);
    await client.tokens.revoke(id);
    io.stdout(`Revoked ${id} ("${token.name}", gt_…${token.hint}). Anything still using it is now refused.`);
  },
};
