/**
 * The one file to copy into your project (and list in `test.setupFiles`, see vitest.config.ts).
 *
 * `useGraphTokenMock()` puts the whole GraphToken API in the test process (msw intercepts
 * `fetch`): it starts before the tests, is reset after each one (data, clock, faults, recorded
 * requests) and fails loudly on any request to the API that it does not know. Tests import
 * `mock` and the helpers from this file.
 */
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { GraphToken, type Scope } from '@graphtoken/sdk';

/** The mock: `mock.faults`, `mock.clock`, `mock.requests`, `mock.store`, `mock.seed`. */
export const mock = useGraphTokenMock();

/**
 * A client for the mock, as your code would build it, but with instant retry backoff: the SDK
 * still retries 5xx, 429 and dropped connections, the tests just do not wait for it.
 */
export function client(token: string): GraphToken {
  return new GraphToken({
    baseUrl: mock.baseUrl,
    token,
    retry: { baseDelayMs: 1, maxDelayMs: 1, jitter: false },
  });
}

/**
 * Mints a token through the API, as a graph owner would with a `manage` token (the mock's
 * bootstrap token), and returns its id and secret.
 */
export async function mint(scopes: Scope[], graphIds: string[], expiresAt?: string) {
  const { token, secret } = await client(BOOTSTRAP_TOKEN).tokens.create({
    name: `test ${scopes.join('+')}`,
    scopes,
    graphIds,
    ...(expiresAt ? { expiresAt } : {}),
  });
  return { id: token.id, hint: token.hint, secret };
}
