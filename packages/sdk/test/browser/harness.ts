/**
 * Shared setup of the SDK's browser tests: @graphtoken/mock behind MSW's real service worker in
 * headless Chromium, and a record of everything written to `console`, to prove no secret reaches it.
 */
import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '@graphtoken/mock';
import { setupGraphTokenWorker } from '@graphtoken/mock/browser';
import { GraphToken } from '@graphtoken/sdk';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group'] as const;

/** Text of every console call made in this file's tests, arguments rendered as a developer would see them. */
export const consoleOutput: string[] = [];

/** Every secret the tests handled; none may appear in {@link consoleOutput}. */
export const seenSecrets = new Set<string>([BOOTSTRAP_TOKEN]);

/** The console lines that contain any secret the tests handled (should be none). */
export function consoleLinesWithSecrets(): string[] {
  return consoleOutput.filter((line) => [...seenSecrets].some((secret) => line.includes(secret)));
}

/** Renders a console argument the ways a browser console or log shipper would: text, JSON, stack. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts = [String(value)];
  try {
    parts.push(JSON.stringify(value));
  } catch {
    // circular values: String() above is what a console would show
  }
  if (value instanceof Error) parts.push(value.stack ?? '', String(value.cause ?? ''));
  return parts.join('\n');
}

/** Rejects when `promise` has not settled within `ms`, so a broken setup fails fast instead of hanging. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts a fresh mock in the service worker for the calling test file, resets it after each test,
 * and records console output. Returns the mock and a client on its bootstrap (manage) token.
 */
export function useBrowserMock() {
  const { worker, mock } = setupGraphTokenWorker(createGraphTokenMock());

  beforeAll(async () => {
    for (const method of CONSOLE_METHODS) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args.map(render).join(' '));
      });
    }
    // Bounded: a worker that cannot register (script not served) must fail, not hang.
    // quiet: msw would log every request, Authorization header included. bypass: the test
    // runner's own module requests also pass through the worker; the mock answers everything
    // under its baseUrl itself, unknown paths included, loudly.
    await withTimeout(
      worker.start({ quiet: true, onUnhandledFrame: 'bypass' }),
      10_000,
      'MSW service worker start',
    );
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    await worker.stop();
    vi.restoreAllMocks();
  });

  return {
    mock,
    /** A client on the mock's bootstrap token (scope manage). */
    // The tests pass tokens they own to a page only they use: the browser opt-in fits.
    admin: () =>
      new GraphToken({ baseUrl: mock.baseUrl, token: BOOTSTRAP_TOKEN, dangerouslyAllowBrowser: true }),
    /** A client on another secret, remembered so the console check looks for it. */
    clientFor: (secret: string) => {
      seenSecrets.add(secret);
      return new GraphToken({ baseUrl: mock.baseUrl, token: secret, dangerouslyAllowBrowser: true });
    },
  };
}
