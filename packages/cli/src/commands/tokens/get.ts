/** `graphtoken tokens get`: one token's metadata (never its secret). */
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { parseTokenId } from '../../args/values.js';
import { describeToken } from '../../output/format.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** The `tokens get` command. */
export const get: Command = {
  name: 'tokens get',
  summary: "show one token's details (never its secret)",
  usage: `Usage: graphtoken tokens get <tok_…> [--json]

${CONNECTION_USAGE}

Needs a token with the manage scope in GRAPHTOKEN_TOKEN.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens get', args, CONNECTION_OPTIONS);
    noExtraArguments(positionals, 1);
    const id = parseTokenId(positionals[0], 'get');
    const { client } = connect(io, values);
    const token = await client.tokens.get(id);
    if (values.json) io.stdout(JSON.stringify(token, null, 2));
    else for (const line of describeToken(token)) io.stdout(line);
    return 0;
  },
};
