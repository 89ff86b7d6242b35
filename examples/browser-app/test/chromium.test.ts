import { describe, expect, it } from 'vitest';
import { chromiumExecutable } from '../../../.ci/chromium.js';

describe('chromiumExecutable', () => {
  it('fails with a message that says how to get Chromium when none is found', () => {
    expect(() =>
      chromiumExecutable({ CHROMIUM_PATH: '/nonexistent/chrome' }, '/nonexistent/chromium'),
    ).toThrow(
      /Chromium not found at CHROMIUM_PATH=\/nonexistent\/chrome or \/nonexistent\/chromium\..*set CHROMIUM_PATH/,
    );
    expect(() => chromiumExecutable({}, '/nonexistent/chromium')).toThrow(/CHROMIUM_PATH is not set/);
  });

  it('uses CHROMIUM_PATH when it exists', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: process.execPath }, '/nonexistent/chromium')).toBe(
      process.execPath,
    );
  });
});
