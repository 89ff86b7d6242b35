/**
 * `@graphtoken/cli`: the `graphtoken` command, and its parts for programs: {@link runCli} runs a
 * command line with your own input and output, and the scanner finds GraphToken secrets in bytes,
 * files, trees and staged git changes without ever returning a secret.
 *
 * @packageDocumentation
 */
export { overview, runCli, VERSION } from './cli.js';
export { EXIT_CODES, type ExitCode, exitCodeFor } from './exit-codes.js';
export type { CliIO } from './io.js';
export { findSecrets, type SecretMatch, SecretStream } from './scan/find-secrets.js';
export {
  DEFAULT_MAX_FILE_BYTES,
  type Finding,
  isBinary,
  Scanner,
  type ScannerOptions,
  type ScanResult,
  type ScanStream,
  SKIPPED_DIRECTORIES,
  type Skipped,
  type SkipReason,
} from './scan/scanner.js';
export { listStagedBlobs, type StagedBlob, scanStaged } from './scan/staged.js';
export { UsageError } from './usage-error.js';
