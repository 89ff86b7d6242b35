/**
 * The app's exit codes, one per thing an operator does about a failure. A supervisor (systemd,
 * Kubernetes, cron) can tell "fix the configuration" from "try again later" without parsing text.
 */
export const ExitCode = {
  /** The graph was read. */
  ok: 0,
  /** A bug or an answer the app does not know: report it, with the request id. */
  unexpected: 1,
  /** The configuration is wrong: GRAPHTOKEN_TOKEN missing or not a complete token. Fix it; retrying will not help. */
  config: 2,
  /** The token no longer works (revoked, expired, unknown): get a new token. */
  tokenInvalid: 3,
  /** The token works but may not do this (scope, graph): get a token with the right scope and graph. */
  accessDenied: 4,
  /** Rate limited: retry after the time the message gives. */
  rateLimited: 5,
  /** GraphToken could not be reached, timed out or failed: retry later. */
  unavailable: 6,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
