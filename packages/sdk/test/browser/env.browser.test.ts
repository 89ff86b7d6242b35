/**
 * The browser build's env.browser.ts (see tsup.config.ts) in real Chromium: it must answer what
 * env.ts answers in a browser, so swapping it in changes nothing there.
 */
import { describe, expect, it } from 'vitest';
import * as variant from '../../src/internal/env.browser.js';
import * as env from '../../src/internal/env.js';
import { isBrowser } from '../../src/internal/is-browser.js';

describe('env in Chromium', () => {
  it('is a browser', () => {
    expect(isBrowser()).toBe(true);
  });

  it('reads no variable, in either module', () => {
    for (const name of ['GRAPHTOKEN_TOKEN', 'GRAPHTOKEN_BASE_URL', 'PATH']) {
      expect(env.readEnv(name)).toBeUndefined();
      expect(variant.readEnv(name)).toBe(env.readEnv(name));
    }
  });

  it('names the runtime as env.ts does', () => {
    expect(variant.runtimeName()).toBe(env.runtimeName());
  });
});
