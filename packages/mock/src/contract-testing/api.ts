/**
 * A tiny test client that answers requests with the mock's handlers directly (msw's
 * `getResponse`), without patching the network: fast enough for the model-based test. Test-only.
 */
import { getResponse } from 'msw';
import { createGraphTokenMock, type GraphTokenMock } from '../mock.js';

/** What a test call returns. */
export interface ApiResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience, bodies are asserted field by field
  body: any;
  text: string;
  /** True when the mock dropped the connection. */
  dropped: boolean;
}

/** Options of one call. */
export interface CallOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A function that calls the mock's API: `call('GET', '/v1/tokens/self', { token })`. */
export type Call = (method: string, path: string, options?: CallOptions) => Promise<ApiResult>;

/** Makes a {@link Call} for a mock. */
export function apiClient(mock: GraphTokenMock): Call {
  return async (method, path, options = {}) => {
    const headers = new Headers(options.headers);
    if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('content-type')) headers.set('Content-Type', 'application/json');
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
    }
    const request = new Request(`${mock.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body }),
    });
    const response = await getResponse(mock.handlers, request);
    if (response === undefined) throw new Error(`no handler answered ${method} ${path}`);
    if (response.type === 'error')
      return { status: 0, headers: new Headers(), body: undefined, text: '', dropped: true };
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text, dropped: false };
  };
}

/**
 * A fresh mock whose clock stands still at `now` (an RFC 3339 time), and a {@link Call} for it:
 * what most handler tests build before each test (`beforeEach(() => ({ mock, call } = frozenMock(NOW)))`).
 */
export function frozenMock(now: string): { mock: GraphTokenMock; call: Call } {
  const mock = createGraphTokenMock({ now, freezeClock: true });
  return { mock, call: apiClient(mock) };
}
