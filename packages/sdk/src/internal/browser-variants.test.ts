/**
 * The browser build's variants (see tsup.config.ts): they behave like the modules they replace,
 * minus what a browser cannot do. Run in Chromium too, through vitest.browser.config.ts.
 */

import { readdirSync } from 'node:fs';
import { TokenPageSchema } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { tokenObject } from '../../test/support/stub-fetch.js';
import { compileSchema as keepSchema } from './compile-schema.browser.js';
import { compileSchema } from './compile-schema.js';
import { redirectTarget as hiddenTarget } from './redirect-target.browser.js';
import { redirectTarget } from './redirect-target.js';

describe('compile-schema', () => {
  const page = {
    data: [tokenObject(), tokenObject({ id: 'tok_AAAAAAAAAAAAAAAA', description: 'x' })],
    nextCursor: 'c',
  };
  const broken = [
    { ...page, nextCursor: 3 },
    { data: [{ ...tokenObject(), scopes: ['root'] }], nextCursor: null },
    { data: [{ ...tokenObject(), createdAt: '2025-02-30T00:00:00Z' }], nextCursor: null },
    { data: [{ ...tokenObject(), name: undefined }], nextCursor: null },
    { data: [{ ...tokenObject(), hint: 'toolong' }], nextCursor: null },
    { data: 'x', nextCursor: null },
    null,
  ];

  it('accepts and rejects exactly what the original schema does, with the same issues and output', () => {
    const compiled = compileSchema(TokenPageSchema);
    expect(compiled).not.toBe(TokenPageSchema);
    const extra = { ...page, data: [{ ...tokenObject(), addedLater: true }] };
    for (const input of [page, extra, ...broken]) {
      const a = safeParse(TokenPageSchema, input);
      const b = safeParse(compiled, input);
      expect(b.success).toBe(a.success);
      if (a.success && b.success) expect(b.data).toEqual(a.data);
      else expect(JSON.stringify(b.error?.issues)).toBe(JSON.stringify(a.error?.issues));
    }
  });

  it('compiles each schema once', () => {
    expect(compileSchema(TokenPageSchema)).toBe(compileSchema(TokenPageSchema));
  });

  it('the browser variant keeps the schema as it is', () => {
    expect(keepSchema(TokenPageSchema)).toBe(TokenPageSchema);
  });
});

describe('redirect-target', () => {
  const from = new URL('https://api.graphtoken.dev/v1/tokens/tok_G5KdR5pNKRaVTet6');

  it('names the path a Location resolves to, and its origin only when it differs', () => {
    expect(redirectTarget('../tokens/self', from)).toBe('/v1/tokens/self');
    expect(redirectTarget('https://u:p@evil.example:8443/a?b=1#c', from)).toBe(
      'https://evil.example:8443/a?b=1',
    );
    expect(redirectTarget('http://[::1', from)).toBe('"http://[::1"');
  });

  it('the browser variant names nothing: a browser hides the Location of a manual redirect', () => {
    expect(hiddenTarget('../tokens/self', from)).toBeUndefined();
  });
});

describe('every browser variant', () => {
  const variants = readdirSync(new URL('.', import.meta.url)).filter((file) => file.endsWith('.browser.ts'));

  for (const file of variants) {
    it(`${file} exports what the module it replaces exports, and nothing else`, async () => {
      const variant = await import(`./${file.replace(/\.ts$/, '.js')}`);
      const original = await import(`./${file.replace(/\.browser\.ts$/, '.js')}`);
      expect(Object.keys(variant).sort()).toEqual(Object.keys(original).sort());
      for (const name of Object.keys(original)) expect(typeof variant[name]).toBe(typeof original[name]);
    });
  }
});
