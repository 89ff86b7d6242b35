/** `graphtoken tokens rename`: a new name (and/or description); nothing else about a token can change. */
import { containsSecret } from '@graphtoken/sdk';
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { parseTokenId } from '../../args/values.js';
import { describeToken } from '../../output/format.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** The `tokens rename` command. */
export const rename: Command = {
  name: 'tokens rename',
  summary: 'rename a token or change its description',
  usage: `Usage: graphtoken tokens rename <tok_…> [<new name>] [--description <text>] [--json]

  <new name>            1–100 characters: the app or pipeline that uses the token
  --description <text>  its expected usage (up to 500 characters); --description "" removes it

${CONNECTION_USAGE}

Needs a token with the manage scope, of the account that created the token.

Example:
  graphtoken tokens rename tok_… "Nightly export (v2)"`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens rename', args, {
      ...CONNECTION_OPTIONS,
      description: { type: 'string' },
    });
    noExtraArguments(positionals, 2);
    const id = parseTokenId(positionals[0], 'rename');
    const name = positionals[1];
    if (name === undefined && values.description === undefined) {
      throw new UsageError('give the new name (graphtoken tokens rename tok_… "New name") or --description');
    }
    if (name !== undefined && (name.trim().length === 0 || name.length > 100)) {
      throw new UsageError('the new name must be 1–100 characters');
    }
    if (containsSecret(`${name ?? ''} ${values.description ?? ''}`)) {
      // Names and descriptions are shown in every list: a secret pasted there would leak to all who list.
      throw new UsageError(
        'that name or description holds a token secret: leave it out (it is not repeated here)',
      );
    }
    if (values.description !== undefined && values.description.length > 500) {
      throw new UsageError('--description can be at most 500 characters');
    }
    const { client } = connect(io, values);
    const token = await client.tokens.update(id, {
      ...(name !== undefined ? { name } : {}),
      ...(values.description !== undefined ? { description: values.description || null } : {}),
    });
    if (values.json) io.stdout(JSON.stringify(token, null, 2));
    else {
      io.stdout(`Updated ${token.id}:`);
      for (const line of describeToken(token)) io.stdout(line);
    }
    return 0;
  },
};
