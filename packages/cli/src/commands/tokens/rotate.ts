/** `graphtoken tokens rotate`: a successor with a new secret; the old one works until the grace period ends. */
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import { parseDuration, parseTokenId } from '../../args/values.js';
import { formatTime } from '../../output/format.js';
import { chooseSecretOutput, printNewSecret, SECRET_OPTIONS } from '../../output/secret.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** The API accepts a grace period of up to 7 days. */
const MAX_GRACE_SECONDS = 7 * 86_400;

/** The `tokens rotate` command. */
export const rotate: Command = {
  name: 'tokens rotate',
  summary: 'replace a token (or, with --self, the configured one) with a new secret',
  usage: `Usage: graphtoken tokens rotate <tok_…> [--grace <duration>] [--secret-only | --json]
       graphtoken tokens rotate --self [--grace <duration>] [--secret-only | --json]

  --grace <duration>  how long the old secret keeps working, e.g. 1h, 30m, 2d (at most 7d);
                      default 0: the old secret stops working at once
  --secret-only       print only the new secret on stdout
  --self              rotate the token in GRAPHTOKEN_TOKEN itself (any token may, no manage
                      needed): a pipeline rotating its own secret on schedule

The new secret is shown this once (see \`graphtoken tokens create --help\`).

${CONNECTION_USAGE}

Without --self, needs a token with the manage scope, of the account that created the token.

Examples (swap a pipeline's secret without downtime):
  graphtoken tokens rotate tok_… --grace 1h
  graphtoken tokens rotate --self --grace 10m --secret-only > new-token  # then deploy new-token`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens rotate', args, {
      ...CONNECTION_OPTIONS,
      ...SECRET_OPTIONS,
      grace: { type: 'string' },
      self: { type: 'boolean', default: false },
    });
    noExtraArguments(positionals, values.self ? 0 : 1);
    const id = values.self ? undefined : parseTokenId(positionals[0], 'rotate');
    const grace = values.grace === undefined ? 0 : parseDuration(values.grace, '--grace');
    if (grace > MAX_GRACE_SECONDS) throw new UsageError('--grace can be at most 7d');
    const output = chooseSecretOutput(io, values, 'rotated');
    const { client, hint } = connect(io, values, values.self ? 'the token to rotate' : undefined);

    const { token, secret } = id
      ? await client.tokens.rotate(id, { gracePeriodSeconds: grace })
      : await client.tokens.rotateSelf({ gracePeriodSeconds: grace });
    printNewSecret(
      io,
      output,
      token,
      secret,
      `Rotated ${id ?? `the configured token (${hint})`} → ${token.id}:`,
    );
    if (grace > 0) {
      const until = new Date(io.now().getTime() + grace * 1000).toISOString();
      io.stderr(`  The old secret keeps working until ${formatTime(until)}: deploy the new one before then.`);
    } else {
      io.stderr('  The old secret has stopped working.');
    }
    return 0;
  },
};
