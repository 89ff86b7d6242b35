/**
 * Proof that the in-process mock really intercepts: msw's `setupServer` patches Node's `fetch` and
 * `http` modules, which other runtimes (Bun, Deno) do not let it do, and a client on the default
 * base URL would then send its requests, bootstrap token included, to the real API. So at start
 * the mock sends one request to itself, through the fetch the client uses, to a loopback address
 * that cannot leave the machine, and throws unless its own handler answered.
 */
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';

/** Where the probe goes: loopback, so even an unintercepted probe never leaves the machine. */
export const INTERCEPTION_PROBE_URL = 'http://127.0.0.1:65535/__graphtoken-mock-probe';

/** The in-process mock does not intercept requests in this runtime. */
export class MockInterceptionError extends Error {
  override readonly name = 'MockInterceptionError';
}

function runtimeName(): string {
  const g = globalThis as { Bun?: { version?: string }; Deno?: { version?: { deno?: string } } };
  if (g.Bun) return `Bun ${g.Bun.version ?? ''}`.trim();
  if (g.Deno) return `Deno ${g.Deno.version?.deno ?? ''}`.trim();
  return typeof process !== 'undefined' && process.versions?.node
    ? `Node ${process.versions.node}`
    : 'this runtime';
}

/**
 * Sends one request through `fetchFn` (default: the global `fetch`, the one the SDK uses) to a
 * loopback probe URL that only a handler of `server` answers, and resolves when that handler did.
 *
 * @throws {MockInterceptionError} when the request was not intercepted: the message names the
 *   standalone server (`graphtoken-mock`, `@graphtoken/mock/http`) as the way to run there.
 */
export async function assertInterception(
  server: Pick<SetupServer, 'use'>,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<void> {
  const nonce = crypto.randomUUID();
  const url = `${INTERCEPTION_PROBE_URL}/${nonce}`;
  server.use(
    http.get(
      url,
      () => new HttpResponse(null, { status: 204, headers: { 'X-GraphToken-Mock-Probe': nonce } }),
      {
        once: true,
      },
    ),
  );
  let seen: string;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (response.headers.get('x-graphtoken-mock-probe') === nonce) return;
    seen = `an answer ${response.status} that did not come from the mock`;
  } catch (error) {
    seen = `a network error (${(error as Error)?.message ?? String(error)})`;
  }
  throw new MockInterceptionError(
    `The in-process GraphToken mock does not intercept requests in ${runtimeName()}: its probe request got ${seen}. ` +
      "msw's setupServer needs Node's fetch and http modules; without them your client would reach the real API. " +
      'Run the standalone mock server instead: `npx graphtoken-mock --port 4010` (or startGraphTokenMockServer from ' +
      "'@graphtoken/mock/http'), and give your client baseUrl http://127.0.0.1:4010. No API request was sent.",
  );
}
