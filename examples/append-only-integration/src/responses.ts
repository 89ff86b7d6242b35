/** The handler's answers: JSON on success, RFC 9457 problem details on failure. */

/** A field-level problem in a 400 answer. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * An `application/problem+json` response (RFC 9457). `detail` is for the webhook sender: it says
 * what to fix, and never carries a secret or the upstream API's internals.
 */
export function problem(
  status: number,
  title: string,
  detail: string,
  extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string>; deliveryId?: string } = {},
): Response {
  const body = {
    type: 'about:blank',
    title,
    status,
    detail,
    ...(extra.deliveryId ? { deliveryId: extra.deliveryId } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
  });
}
