import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { banner } from './banner.js';

describe('banner', () => {
  it('prints the base URL the SDK takes (the origin, no /v1) and the bootstrap token, ready to paste', () => {
    const text = banner({ url: 'http://127.0.0.1:4010', version: '1.2.3', bootstrap: true });
    const lines = text.split('\n');
    expect(lines[0]).toBe('GraphToken mock 1.2.3 listening on http://127.0.0.1:4010');
    expect(lines).toContain('  GRAPHTOKEN_BASE_URL=http://127.0.0.1:4010');
    expect(lines).toContain(`  GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}`);
    expect(lines).toContain(
      `  export GRAPHTOKEN_BASE_URL=http://127.0.0.1:4010 GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}`,
    );
    expect(text).not.toMatch(/GRAPHTOKEN_BASE_URL=\S*\/v1/);
  });

  it('with a custom seed, names no token and prints no secret', () => {
    const text = banner({ url: 'http://127.0.0.1:4010', version: '1.2.3', bootstrap: false });
    expect(text).toContain('  GRAPHTOKEN_BASE_URL=http://127.0.0.1:4010');
    expect(text).not.toMatch(/^\s*(export )?GRAPHTOKEN_TOKEN=/m);
    expect(text).not.toMatch(/gt_/);
  });
});
