/** `graphtoken tokens introspect`: who am I (the configured token, its account and grants). */
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { describeIntrospection } from '../../output/format.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** The `tokens introspect` command. */
export const introspect: Command = {
  name: 'tokens introspect',
  summary: 'show the configured token: its account, scopes on each graph, expiry (any token)',
  usage: `Usage: graphtoken tokens introspect [--json]

Asks the API about the token in GRAPHTOKEN_TOKEN (any valid token, no scope needed): which
account it acts for, what it may do on which graph, and when it expires. Use it to check a
token before deploying it.

${CONNECTION_USAGE}`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens introspect', args, CONNECTION_OPTIONS);
    noExtraArguments(positionals);
    const { client } = connect(io, values, 'the token to inspect');
    const me = await client.tokens.introspect();
    if (values.json) io.stdout(JSON.stringify(me, null, 2));
    else for (const line of describeIntrospection(me)) io.stdout(line);
    return 0;
  },
};
