/**
 * Turns any failure into what the person running the app should do next, and an exit code.
 * The SDK's own messages already say what to check; here they become the app's words, naming
 * the app's settings (GRAPHTOKEN_TOKEN, GRAPHTOKEN_GRAPH_ID) instead of SDK options.
 * No branch prints the token: only its public hint (`gt_…abcd`) ever appears.
 */
import {
  describeTokenFormatProblem,
  isAPIError,
  isAuthenticationError,
  isConnectionError,
  isGraphNotInTokenError,
  isInsufficientScopeError,
  isInternalServerError,
  isMalformedTokenError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isTokenExpiredError,
  isTokenRevokedError,
} from '@graphtoken/sdk';
import { ExitCode } from './exit-codes.ts';

/** What to tell the user about a failure, and the exit code it ends with. */
export interface Explanation {
  readonly exitCode: ExitCode;
  readonly message: string;
}

/** What the explanation may mention besides the error itself. */
export interface ExplainContext {
  /** The graph the app tried to read. */
  readonly graphId?: string | undefined;
  /** The API base URL in use. */
  readonly baseUrl: string;
}

const NEW_TOKEN = 'Ask the graph owner for a new read-only token and put it in GRAPHTOKEN_TOKEN.';

/** Explains a failure of the app's GraphToken calls. */
export function explain(error: unknown, context: ExplainContext): Explanation {
  // The public hint (gt_…abcd) helps find the token in a list; a malformed one has none worth showing.
  const hint = isAPIError(error) && error.tokenHint?.startsWith('gt_') ? ` (${error.tokenHint})` : '';
  const quote = (e: { requestId?: string | undefined }) =>
    e.requestId ? ` Request id: ${e.requestId}.` : '';

  // Authentication: the token itself.
  if (isMalformedTokenError(error)) {
    // Caught offline by the SDK (prefix, length, characters, checksum): nothing was sent.
    const what = error.formatProblem
      ? describeTokenFormatProblem(error.formatProblem)
      : 'its prefix or checksum is wrong';
    return {
      exitCode: ExitCode.config,
      message:
        `GRAPHTOKEN_TOKEN is not a complete GraphToken token: ${what}. ` +
        'Copy the full token again from where you stored it when it was created.',
    };
  }
  if (isTokenRevokedError(error)) {
    return {
      exitCode: ExitCode.tokenInvalid,
      message:
        `The token in GRAPHTOKEN_TOKEN${hint} has been revoked. If it was rotated, deploy its new secret; ` +
        `otherwise it was revoked on purpose. ${NEW_TOKEN}`,
    };
  }
  if (isTokenExpiredError(error)) {
    return {
      exitCode: ExitCode.tokenInvalid,
      message: `The token in GRAPHTOKEN_TOKEN${hint} has expired. ${NEW_TOKEN}`,
    };
  }
  if (isAuthenticationError(error)) {
    return {
      exitCode: ExitCode.tokenInvalid,
      message:
        `GraphToken at ${context.baseUrl} does not accept the token in GRAPHTOKEN_TOKEN${hint}. Check that ` +
        `GRAPHTOKEN_BASE_URL is the service the token was created on. ${NEW_TOKEN}`,
    };
  }

  // Permission: the token works, but not for this.
  if (isInsufficientScopeError(error)) {
    const granted = error.grantedScopes.length > 0 ? error.grantedScopes.join(', ') : 'none';
    return {
      exitCode: ExitCode.accessDenied,
      message:
        `This app needs the "read" scope${context.graphId ? ` on graph ${context.graphId}` : ''}, but the token ` +
        `only has: ${granted}. Ask the graph owner for a read-only token (the Roam "read-only" preset) for this graph.`,
    };
  }
  if (isGraphNotInTokenError(error)) {
    return {
      exitCode: ExitCode.accessDenied,
      message:
        `The token is not valid for graph ${context.graphId}. Set GRAPHTOKEN_GRAPH_ID to one of the token's graphs ` +
        '(or leave it unset to use the first one), or ask for a token that includes this graph.',
    };
  }
  if (isNotFoundError(error)) {
    return {
      exitCode: ExitCode.accessDenied,
      message: `Graph ${context.graphId} does not exist, or the token's owner cannot see it. Check GRAPHTOKEN_GRAPH_ID.`,
    };
  }

  // Temporary: try again later.
  if (isRateLimitError(error)) {
    const wait = error.retryAfter !== undefined ? `in ${error.retryAfter} seconds` : 'in a minute';
    return {
      exitCode: ExitCode.rateLimited,
      message: `GraphToken is rate limiting this token. Try again ${wait}.`,
    };
  }
  if (isTimeoutError(error)) {
    return {
      exitCode: ExitCode.unavailable,
      message: `GraphToken at ${context.baseUrl} did not answer in time. Check your network and try again later.`,
    };
  }
  if (isConnectionError(error)) {
    return {
      exitCode: ExitCode.unavailable,
      message: `Could not reach GraphToken at ${context.baseUrl}. Check your network (and GRAPHTOKEN_BASE_URL), then try again later.`,
    };
  }
  if (isInternalServerError(error)) {
    return {
      exitCode: ExitCode.unavailable,
      message: `GraphToken failed to answer (${error.status}). Try again later; if it persists, contact support.${quote(error)}`,
    };
  }

  // Anything else is a bug here or a surprise there: show what the SDK says, which is safe to print.
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: ExitCode.unexpected, message: `Unexpected error. ${what}` };
}
