/**
 * The SDK's integration tests in real headless Chromium (Vitest browser mode, Playwright provider),
 * against @graphtoken/mock's service worker. Run with `pnpm test:browser`.
 */

import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumExecutable } from '../../.ci/chromium.js';
import { browserVariant } from './build/browser-variant.ts';

/** This package's own sources: the only files whose imports get browser variants. */
const sourceDir = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // As in vitest.config.ts: tests import the SDK by its package name, resolved to the source.
    alias: { '@graphtoken/sdk': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  // Serves /mockServiceWorker.js from the msw package: without it the worker never registers
  // and every test hangs until its hook timeout.
  plugins: [
    msw({ mode: 'worker-only' }),
    {
      // As the `browser` build does (tsup.config.ts): a source file's `./x.js` resolves to
      // `x.browser.ts` beside it where one exists (compile-schema, redirect-target).
      name: 'browser-variants',
      enforce: 'pre',
      resolveId(source, importer) {
        if (!importer?.startsWith(sourceDir) || /\.test(-d)?\.ts$/.test(importer)) return null;
        return browserVariant(dirname(importer), source) ?? null;
      },
    },
  ],
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      ui: false,
      screenshotFailures: false,
      // Chromium's first connection can take over 30 s on a loaded 2-core CI machine (seen once,
      // while other packages' tests ran beside it); a slow start is not a failure of the SDK.
      connectTimeout: 90_000,
      provider: playwright({
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [...chromiumArgs],
          timeout: 30_000,
        },
        actionTimeout: 5_000,
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
