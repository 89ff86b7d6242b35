/**
 * msw's router throws for a URL longer than 8,192 characters (`matchPattern: input URL exceeds the
 * maximum allowed length`), so every handler list of the mock starts with a handler that answers
 * such a URL itself (414), before any route is tried.
 * @internal
 */

/** The longest URL the mock's routes are asked to match. */
export const MAX_URL_LENGTH = 8192;

/** Whether `request` is under `baseUrl` and longer than the routes can take. */
export function isUrlTooLong(request: Request, baseUrl: string): boolean {
  return request.url.length > MAX_URL_LENGTH && request.url.startsWith(`${baseUrl}/`);
}
