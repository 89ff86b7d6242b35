/** A command line or configuration the CLI cannot run: the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
