import { expect } from 'vitest';

/**
 * Asserts that `object`'s own enumerable keys are exactly `keys`, in that order, and that each is
 * a plain data property (writable, enumerable, configurable): what `toJSON`, `JSON.stringify`,
 * `util.inspect` and a browser's DevTools list.
 */
export function expectPlainOwnFields(object: object, keys: readonly string[]): void {
  expect(Object.keys(object)).toEqual(keys);
  for (const key of keys) {
    expect(Object.getOwnPropertyDescriptor(object, key)).toEqual({
      value: (object as Record<string, unknown>)[key],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}
