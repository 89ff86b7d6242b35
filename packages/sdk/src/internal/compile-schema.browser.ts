/**
 * The browser build's stand-in for compile-schema.ts: schemas stay on zod/mini's interpreted path.
 * Browsers validate a few responses per page view, where bundle size counts and zod's compiled
 * path would add bytes and need `new Function`, which a Content-Security-Policy often forbids.
 */
import type { $ZodType } from 'zod/v4/core';

/** `schema` unchanged. */
export function compileSchema<T extends $ZodType>(schema: T): T {
  return schema;
}
