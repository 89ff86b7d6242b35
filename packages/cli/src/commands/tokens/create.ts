/** `graphtoken tokens create`: mint a token; its secret is printed this once. */
import { containsSecret, needsGraphs, type Scope } from '@graphtoken/sdk';
import { noExtraArguments, parseCommandArgs } from '../../args/parse-command-args.js';
import {
  checkCharacterLength,
  parseDuration,
  parseGraphIds,
  parseScopes,
  presetScopes,
} from '../../args/values.js';
import { chooseSecretOutput, printNewSecret, SECRET_OPTIONS } from '../../output/secret.js';
import { UsageError } from '../../usage-error.js';
import type { Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from './client.js';

/** Tokens may live at most a year (the API refuses longer). */
const MAX_EXPIRY_SECONDS = 365 * 86_400;

/** The `tokens create` command. */
export const create: Command = {
  name: 'tokens create',
  summary: 'create a token and print its secret (once)',
  usage: `Usage: graphtoken tokens create --name <name> (--scopes <list> | --preset <preset>) --graph <gr_…> [options]

  --name <name>           what will use the token: the app or pipeline (1–100 characters)
  --description <text>    its expected usage
  --scopes <list>         comma-separated: read, append, write, manage
  --preset <name>         instead of --scopes: roam-read-only, roam-read-edit, roam-append-only,
                          triply-read, triply-write, triply-management, graphor-project
  --graph <gr_…>          a graph the token may use (repeat, or comma-separate, for several)
  --expires-in <duration> e.g. 30d, 12h, 1w (at most a year); default: never expires
  --secret-only           print only the secret on stdout (to pipe into a secret manager)

The secret is shown this once. On a terminal it is printed with the token's details; when stdout
is a pipe or a file, say where it goes: --secret-only or --json (the token and its secret).

${CONNECTION_USAGE}

Needs a token with the manage scope in GRAPHTOKEN_TOKEN.

Example:
  graphtoken tokens create --name "Zapier capture" --preset roam-append-only --graph gr_research --expires-in 90d`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('tokens create', args, {
      ...CONNECTION_OPTIONS,
      ...SECRET_OPTIONS,
      name: { type: 'string' },
      description: { type: 'string' },
      scopes: { type: 'string' },
      preset: { type: 'string' },
      graph: { type: 'string', multiple: true },
      'expires-in': { type: 'string' },
    });
    noExtraArguments(positionals);
    if (!values.name)
      throw new UsageError('--name is required: name the app or pipeline that will use the token');
    checkCharacterLength(values.name, '--name', 1, 100);
    if (containsSecret(`${values.name} ${values.description ?? ''}`)) {
      // Names and descriptions are shown in every list: a secret pasted there would leak to all who list.
      throw new UsageError(
        '--name or --description holds a token secret: leave it out (it is not repeated here)',
      );
    }
    const scopes = chooseScopes(values.scopes, values.preset);
    const graphIds = parseGraphIds(values.graph ?? []);
    if (graphIds.length === 0 && needsGraphs(scopes)) {
      throw new UsageError('--graph is required: read, append and write apply to specific graphs (gr_…)');
    }
    let expiresAt: string | undefined;
    if (values['expires-in'] !== undefined) {
      const seconds = parseDuration(values['expires-in'], '--expires-in');
      if (seconds <= 0 || seconds > MAX_EXPIRY_SECONDS) {
        throw new UsageError('--expires-in must be between 1s and 1 year');
      }
      expiresAt = new Date(io.now().getTime() + seconds * 1000).toISOString();
    }
    const output = chooseSecretOutput(io, values, 'created');
    const { client } = connect(io, values);

    const { token, secret } = await client.tokens.create({
      name: values.name,
      scopes,
      graphIds,
      ...(values.description ? { description: values.description } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    });
    printNewSecret(io, output, token, secret, `Created token ${token.id}:`);
    return 0;
  },
};

/** The scopes from `--scopes` or `--preset` (exactly one of them). */
function chooseScopes(scopes: string | undefined, preset: string | undefined): Scope[] {
  if (scopes && preset) throw new UsageError('give either --scopes or --preset, not both');
  if (scopes) return parseScopes(scopes);
  if (preset) return presetScopes(preset);
  throw new UsageError('--scopes or --preset is required, e.g. --scopes read or --preset roam-append-only');
}
