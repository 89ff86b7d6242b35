/**
 * Reads the RFC 9457 problem body of an error response, leniently: a body with a known API `code`
 * is a problem body; each known field is kept when it has the right type and dropped (or given
 * its RFC 9457 default) when it does not, so a slightly off body from an older or newer server
 * still yields its code and never makes the error's message fail to build.
 *
 * Written out rather than parsed with the contract's `ProblemSchema`: that schema pulls zod's
 * number, integer and exact-optional types into the browser bundle (0.8 kB min+gzip) for the one
 * body the SDK reads leniently anyway.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457#section-3.1
 */
import {
  type ErrorCode,
  errorCodes,
  type FieldError,
  isScope,
  type Problem,
  type Scope,
} from '@graphtoken/contract';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const int = (value: unknown): number | undefined => (Number.isInteger(value) ? (value as number) : undefined);

function scopes(value: unknown): Scope[] | undefined {
  return Array.isArray(value) && value.every(isScope) ? value : undefined;
}

function fieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldError[] = [];
  for (const item of value) {
    const field = text((item as { field?: unknown } | null)?.field);
    const message = text((item as { message?: unknown } | null)?.message);
    if (field !== undefined && message !== undefined) out.push({ field, message });
  }
  return out;
}

/** The problem body of an error response with `status`, or undefined when it has no known `code`. */
export function readProblem(data: unknown, status: number): Problem | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const body = data as Record<string, unknown>;
  const code = body.code;
  if (typeof code !== 'string' || !Object.hasOwn(errorCodes, code)) return undefined;
  const problem: Problem = {
    type: text(body.type) ?? 'about:blank',
    title: text(body.title) ?? code,
    status: int(body.status) ?? status,
    detail: text(body.detail) ?? '',
    code: code as ErrorCode,
    requestId: text(body.requestId) ?? '',
  };
  const required = scopes(body.requiredScopes);
  if (required) problem.requiredScopes = required;
  const granted = scopes(body.grantedScopes);
  if (granted) problem.grantedScopes = granted;
  const errors = fieldErrors(body.errors);
  if (errors) problem.errors = errors;
  const retryAfter = int(body.retryAfter);
  if (retryAfter !== undefined) problem.retryAfter = retryAfter;
  return problem;
}
