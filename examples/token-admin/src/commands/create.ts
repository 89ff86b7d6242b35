/** `token-admin create`: mint a token; its secret is printed this once. */
import { needsGraphs, type Scope } from '@graphtoken/sdk';
import { parseDuration, parseGraphIds, parseScopes, presetScopes, UsageError } from '../args.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { describeToken } from '../format.ts';

/** Tokens may live at most a year (the API refuses longer). */
const MAX_EXPIRY_SECONDS = 365 * 86_400;

/** The `create` command. */
export const create: Command = {
  name: 'create',
  summary: 'create a token and print its secret (once)',
  usage: `token-admin create --name <name> (--scopes <list> | --preset <preset>) --graph <gr_…> [options]

  --name <name>           what will use the token: the app or pipeline (1–100 characters)
  --description <text>    its expected usage
  --scopes <list>         comma-separated: read, append, write, manage
  --preset <name>         instead of --scopes: roam-read-only, roam-read-edit, roam-append-only,
                          triply-read, triply-write, triply-management, graphor-project
  --graph <gr_…>          a graph the token may use (repeat, or comma-separate, for several)
  --expires-in <duration> e.g. 30d, 12h, 1w (at most a year); default: never expires
  --quiet                 print only the secret (to pipe into a secret manager)

Example:
  token-admin create --name "Zapier capture" --preset roam-append-only --graph gr_research --expires-in 90d`,

  async run({ args, client, io }) {
    const { values, positionals } = parseCommandArgs('create', args, {
      name: { type: 'string' },
      description: { type: 'string' },
      scopes: { type: 'string' },
      preset: { type: 'string' },
      graph: { type: 'string', multiple: true },
      'expires-in': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.name) {
      throw new UsageError('--name is required: name the app or pipeline that will use the token');
    }
    const scopes = chooseScopes(values.scopes, values.preset);
    const graphIds = parseGraphIds(values.graph ?? []);
    if (graphIds.length === 0 && needsGraphs(scopes)) {
      throw new UsageError('--graph is required: read, append and write apply to specific graphs (gr_…)');
    }
    let expiresAt: string | undefined;
    if (values['expires-in']) {
      const seconds = parseDuration(values['expires-in'], '--expires-in');
      if (seconds <= 0 || seconds > MAX_EXPIRY_SECONDS) {
        throw new UsageError('--expires-in must be between 1s and 1 year');
      }
      expiresAt = new Date(io.now().getTime() + seconds * 1000).toISOString();
    }

    const { token, secret } = await client.tokens.create({
      name: values.name,
      scopes,
      graphIds,
      ...(values.description ? { description: values.description } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    });

    if (values.quiet) {
      io.stdout(secret);
      return;
    }
    io.stdout(`Created token ${token.id}:`);
    for (const line of describeToken(token)) io.stdout(line);
    io.stdout('');
    io.stdout(`  secret      ${secret}`);
    io.stdout('');
    io.stdout('⚠ This is the only time the secret is shown: store it now in your secret manager (or the');
    io.stdout('  environment of the app that uses it). It cannot be shown again; if you lose it, rotate the');
    io.stdout('  token to get a new secret. Never commit it or paste it into chats, issues or URLs.');
  },
};

/** The scopes from `--scopes` or `--preset` (exactly one of them). */
function chooseScopes(scopes: string | undefined, preset: string | undefined): Scope[] {
  if (scopes && preset) throw new UsageError('give either --scopes or --preset, not both');
  if (scopes) return parseScopes(scopes);
  if (preset) return presetScopes(preset);
  throw new UsageError('--scopes or --preset is required, e.g. --scopes read or --preset roam-append-only');
}
