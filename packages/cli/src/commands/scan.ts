/**
 * `graphtoken scan`: finds GraphToken secrets in files, directory trees, stdin or the staged git
 * changes, offline (the checksum tells a real secret from look-alikes), and prints where each one
 * is with its public hint, never the secret.
 */
import { createReadStream, statSync } from 'node:fs';
import { DEFAULT_BASE_URL, GraphToken, scrubSecrets } from '@graphtoken/sdk';
import { parseCommandArgs } from '../args/parse-command-args.js';
import { parseByteSize } from '../args/values.js';
import { EXIT_CODES } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { formatHint } from '../output/format.js';
import { formatMegabytes, Progress } from '../scan/progress.js';
import { DEFAULT_MAX_FILE_BYTES, Scanner, type ScanResult, type Skipped } from '../scan/scanner.js';
import { scanStaged } from '../scan/staged.js';
import { UsageError } from '../usage-error.js';
import type { Command } from './command.js';

/** How many skipped paths are named on stderr before "and N more". */
const NAMED_SKIPS = 10;

/** The most secrets one `revoke-leaked` request takes (spec `RevokeLeakedRequest`). */
export const REPORT_BATCH = 100;

/** The `scan` command. */
export const scan: Command = {
  name: 'scan',
  summary: 'find GraphToken secrets in files, directories, stdin (-) or staged git changes',
  usage: `Usage: graphtoken scan [<path>… | -] [options]
       graphtoken scan --staged [options]
       graphtoken scan [<path>… | -] --report [--base-url <url>]

Finds GraphToken secrets (gt_…, with a valid checksum: no request is made) and prints where
each one is, as path:line:column and the secret's public hint (gt_…abcd); never the secret.
Directories are scanned recursively, without following symbolic links, skipping .git and
node_modules. Every file is scanned whole: binary files as bytes, large files in chunks.
With no path, scans the current directory.

  -                       scan standard input
  --staged                scan the changes staged for commit (the blobs in git's index, not the
                          working tree): the pre-commit hook, \`graphtoken scan --staged\`
  --max-file-size <size>  read larger files in chunks of this size, e.g. 512K, 10M, 1G
                          (default 10M): the memory a scan holds; no file is skipped
  --progress              show progress on stderr (default: only when stderr is a terminal)
  --json                  print the findings as JSON on stdout
  --report                send the secrets found to the API for revocation
                          (POST /v1/tokens/revoke-leaked, 100 per request; no token needed):
                          every one that is a live token is revoked at once. Prints how many
                          were reported, never the secrets; the API does not say which were live
  --base-url <url>        the API --report sends to (default: GRAPHTOKEN_BASE_URL, else
                          ${DEFAULT_BASE_URL})
  -h, --help              show this help

Exit codes: 0 no secret found, 1 secrets found, 2 usage error (bad option, missing path,
--staged outside a git repository) or an incomplete scan (a path that could not be read:
named on stderr). 0 only when every file was read and scanned.

Found one? Revoke it at once (graphtoken tokens list shows it by its hint; then
graphtoken tokens revoke tok_…), then remove it from the file.`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('scan', args, {
      staged: { type: 'boolean', default: false },
      'max-file-size': { type: 'string' },
      progress: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
    });
    if (values['base-url'] !== undefined && !values.report) {
      throw new UsageError('--base-url is where --report sends the secrets found: give --report too');
    }
    // Built before scanning, so a bad URL is a usage error before any work (and nothing is sent).
    const reporter = values.report
      ? new GraphToken({ baseUrl: values['base-url'] || io.env.GRAPHTOKEN_BASE_URL || DEFAULT_BASE_URL })
      : undefined;
    const maxFileBytes =
      values['max-file-size'] === undefined
        ? DEFAULT_MAX_FILE_BYTES
        : parseByteSize(values['max-file-size'], '--max-file-size');
    const paths = positionals.length === 0 && !values.staged ? ['.'] : positionals;
    if (values.staged && paths.length > 0) {
      throw new UsageError(
        '--staged scans what is staged for commit: give either --staged or paths, not both',
      );
    }
    if (paths.filter((p) => p === '-').length > 1) throw new UsageError('"-" (stdin) can be given only once');
    if (paths.includes('-') && io.stdin === undefined) throw new UsageError('no standard input to scan');
    /** Paths that are pipes or devices (`<(git log -p)`, /dev/stdin): read as streams, not as files. */
    const streams = new Set<string>();
    for (const path of paths) {
      if (path === '-') continue;
      try {
        const stat = statSync(path);
        if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket()) streams.add(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const shown = scrubSecrets(path);
        throw new UsageError(
          code === 'ENOENT'
            ? `no such file or directory: ${shown}`
            : `cannot read ${shown} (${code ?? 'EIO'})`,
        );
      }
    }

    const progress = values.progress || io.stderrIsTTY ? new Progress(io) : undefined;
    const scanner = new Scanner({
      maxFileBytes,
      keepSecrets: reporter !== undefined,
      ...(progress ? { onProgress: (files: number, bytes: number) => progress.update(files, bytes) } : {}),
    });
    if (values.staged) {
      await scanStaged(scanner, io.cwd, { ...process.env, ...io.env });
    } else {
      for (const path of paths) {
        if (path === '-') await scanner.scanStream('-', io.stdin!);
        else if (streams.has(path)) await scanner.scanStream(path, createReadStream(path));
        else scanner.scanPath(path);
      }
    }
    const result = scanner.result();
    progress?.done(result.files, result.bytes);
    report(io, result, values.json);
    if (reporter) await reportLeaks(io, reporter, scanner.secrets());
    if (result.findings.length > 0) return EXIT_CODES.secretsFound;
    // Fail closed: a scan that could not read everything cannot say there is no secret.
    return result.skipped.some((s) => s.reason === 'unreadable') ? EXIT_CODES.usage : EXIT_CODES.ok;
  },
};

function report(io: CliIO, result: ScanResult, json: boolean): void {
  const { files, bytes } = result;
  // A path is printed as found, unless a secret is part of a file name: then only its hint.
  const findings = result.findings.map((f) => ({ ...f, path: scrubSecrets(f.path) }));
  const skipped = result.skipped.map((s) => ({ ...s, path: scrubSecrets(s.path) }));
  if (json) {
    io.stdout(JSON.stringify({ findings, scanned: { files, bytes }, skipped }, null, 2));
  } else {
    for (const f of findings)
      io.stdout(`${f.path}:${f.line}:${f.column}: GraphToken secret ${formatHint(f.hint)}`);
  }
  warnSkipped(io, skipped);
  if (json) return;
  const scanned = `scanned ${files} file${files === 1 ? '' : 's'}, ${formatMegabytes(bytes)}`;
  if (findings.length === 0) {
    const incomplete = skipped.some((s) => s.reason === 'unreadable');
    io.stderr(
      incomplete
        ? `No GraphToken secret found in what could be read (${scanned}), but the scan is incomplete: fix the permissions of the paths above, or leave them out.`
        : `No GraphToken secret found (${scanned}).`,
    );
    return;
  }
  const where = new Set(findings.map((f) => f.path)).size;
  io.stderr(
    `Found ${findings.length} GraphToken secret${findings.length === 1 ? '' : 's'} in ${where} file${where === 1 ? '' : 's'} (${scanned}).\n` +
      'Treat each as leaked: revoke it now (`graphtoken tokens list` shows it by its hint, then\n' +
      '`graphtoken tokens revoke tok_…`), create a new one, and keep secrets in the environment or a\n' +
      'secret manager, not in files. If it was committed, it stays in the git history: revoking is what helps.',
  );
}

/** Names the paths that could not be read (the scan is then incomplete). */
function warnSkipped(io: CliIO, skipped: readonly Skipped[]): void {
  const unreadable = skipped.filter((s) => s.reason === 'unreadable');
  if (unreadable.length > 0) {
    io.stderr(
      `warning: could not read ${unreadable.length} path${unreadable.length === 1 ? '' : 's'} (check permissions): ` +
        names(unreadable),
    );
  }
}

function names(skipped: readonly Skipped[]): string {
  const shown = skipped.slice(0, NAMED_SKIPS).map((s) => (s.code ? `${s.path} (${s.code})` : s.path));
  const more = skipped.length - shown.length;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

/**
 * Sends the secrets found to `revoke-leaked`, {@link REPORT_BATCH} per request, and says how many
 * went; never which. A failed request stops the report (the error says why) after saying how many
 * were already reported.
 */
async function reportLeaks(io: CliIO, client: GraphToken, secrets: readonly string[]): Promise<void> {
  if (secrets.length === 0) {
    io.stderr('Nothing to report: no secret found.');
    return;
  }
  let sent = 0;
  try {
    for (let at = 0; at < secrets.length; at += REPORT_BATCH) {
      const batch = secrets.slice(at, at + REPORT_BATCH);
      await client.tokens.revokeLeaked(batch);
      sent += batch.length;
    }
  } catch (error) {
    if (sent > 0) io.stderr(`Reported ${sent} of ${secrets.length} secrets before the API refused the rest:`);
    throw error;
  }
  io.stderr(
    `Reported ${sent} distinct secret${sent === 1 ? '' : 's'} to ${client.baseUrl} for revocation: each one that ` +
      'belonged to a live token is revoked now (the API does not say which). Apps using them will be refused: give them new tokens.',
  );
}
