/**
 * The browser build run where there is no browser: `node --conditions=browser`, Bun with the same
 * flag, or a bundle made for browsers run by Node. It must read the environment as the full build
 * does: a client given its token in code and its address in `GRAPHTOKEN_BASE_URL` must call that
 * address, never the default (production) API. (break16: a `.browser.ts` variant of env.ts that
 * read nothing sent such a token to https://api.graphtoken.dev.)
 *
 * The build is made here the way tsup makes it (src/ with the browser variants, esbuild for the
 * browser) into a temporary file, so the test needs no prior `pnpm build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserVariantsPlugin } from '../../build/browser-variant.ts';
import { newToken, problem, stubFetch } from '../../test/support/stub-fetch.js';

type Sdk = typeof import('../index.js');

let dir: string;
let sdk: Sdk;
let code: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    plugins: [browserVariantsPlugin],
    logLevel: 'silent',
  });
  dir = mkdtempSync(join(tmpdir(), 'graphtoken-browser-build-'));
  const file = join(dir, 'index.mjs');
  code = result.outputFiles[0]?.text ?? '';
  writeFileSync(file, code);
  sdk = (await import(pathToFileURL(file).href)) as Sdk;
}, 60_000);

afterAll(() => {
  vi.unstubAllEnvs();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the browser build outside a browser', () => {
  it('is the browser build, run where there is no document', () => {
    expect(code).toContain('// src/internal/compile-schema.browser.ts');
    expect(code).toContain('// src/internal/redirect-target.browser.ts');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('calls GRAPHTOKEN_BASE_URL with the token given in code, and names its runtime', async () => {
    vi.stubEnv('GRAPHTOKEN_BASE_URL', 'http://127.0.0.1:4010');
    const stub = stubFetch(() => problem(401, 'invalid_token'));
    const client = new sdk.GraphToken({ token: newToken(), fetch: stub.fetch, maxRetries: 0 });
    expect(client.baseUrl).toBe('http://127.0.0.1:4010');
    await expect(client.tokens.introspect()).rejects.toBeInstanceOf(sdk.InvalidTokenError);
    expect(stub.sent[0]?.url).toBe('http://127.0.0.1:4010/v1/tokens/self');
    expect(stub.sent[0]?.headers['user-agent']).toMatch(/^graphtoken-sdk-js\/\S+ node\//);
  });

  it('takes its token from GRAPHTOKEN_TOKEN when none is given', async () => {
    const token = newToken();
    vi.stubEnv('GRAPHTOKEN_TOKEN', token);
    vi.stubEnv('GRAPHTOKEN_BASE_URL', 'http://127.0.0.1:4010');
    const stub = stubFetch(() => problem(401, 'invalid_token'));
    const client = new sdk.GraphToken({ fetch: stub.fetch, maxRetries: 0 });
    await expect(client.tokens.introspect()).rejects.toBeInstanceOf(sdk.InvalidTokenError);
    expect(stub.sent[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });
});
