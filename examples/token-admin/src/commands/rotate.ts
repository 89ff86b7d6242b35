/** `token-admin rotate`: a successor with a new secret; the old one works until the grace period ends. */
import { parseDuration, parseTokenId, UsageError } from '../args.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { describeToken, formatTime } from '../format.ts';

/** The API accepts a grace period of up to 7 days. */
const MAX_GRACE_SECONDS = 7 * 86_400;

/** The `rotate` command. */
export const rotate: Command = {
  name: 'rotate',
  summary: 'replace a token with a new secret, keeping the old one valid for a grace period',
  usage: `token-admin rotate <tok_…> [--grace <duration>] [--quiet]

  --grace <duration>  how long the old secret keeps working, e.g. 1h, 30m, 2d (at most 7d);
                      default 0: the old secret stops working at once
  --quiet             print only the new secret

Example (swap a pipeline's secret without downtime):
  token-admin rotate tok_… --grace 1h`,

  async run({ args, client, io }) {
    const { values, positionals } = parseCommandArgs('rotate', args, {
      grace: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const id = parseTokenId(positionals[0], 'rotate');
    const grace = values.grace ? parseDuration(values.grace, '--grace') : 0;
    if (grace > MAX_GRACE_SECONDS) throw new UsageError('--grace can be at most 7d');

    const { token, secret } = await client.tokens.rotate(id, { gracePeriodSeconds: grace });

    if (values.quiet) {
      io.stdout(secret);
      return;
    }
    io.stdout(`Rotated ${id} → ${token.id}:`);
    for (const line of describeToken(token)) io.stdout(line);
    io.stdout('');
    io.stdout(`  secret      ${secret}`);
    io.stdout('');
    io.stdout('⚠ This is the only time the new secret is shown: store it now in your secret manager.');
    if (grace > 0) {
      const until = new Date(io.now().getTime() + grace * 1000).toISOString();
      io.stdout(`  The old secret keeps working until ${formatTime(until)}: deploy the new one before then.`);
    } else {
      io.stdout('  The old secret has stopped working.');
    }
  },
};
