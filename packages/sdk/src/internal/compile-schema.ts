/**
 * zod's compiled path for the response schemas, for Node, Deno, Bun and workers (the browser
 * build swaps in compile-schema.browser.ts, which keeps zod/mini's interpreted objects).
 *
 * The contract builds its schemas with `zod/mini`, whose objects zod runs interpreted: a loop over
 * the shape, and for every string a loop over its checks shared by every schema in the process.
 * zod's own `compile()` generates (with `new Function`) one parser for a whole schema, checks
 * included, and returns a copy that runs it first; where it answers "invalid" the copy hands the
 * value to zod's runtime parser, so every issue (code, path, message) is zod's own. A schema the
 * generated code cannot express, or a runtime that forbids `new Function` (workerd, a
 * Content-Security-Policy), keeps the runtime parser: correct, only slower.
 */
import { type $ZodType, compile, globalConfig } from 'zod/v4/core';

const compiled = new WeakMap<$ZodType, $ZodType>();

/**
 * `schema` on zod's compiled path (`compile()` from `zod/v4/core`), compiled at its first use and
 * cached; `schema` itself under `z.config({ jitless: true })`, which an app sets where code must
 * not be generated from text. Accepts and rejects exactly what `schema` does, with the same
 * output and issues (`compile-schema.test.ts` checks every contract schema against its original).
 */
export function compileSchema<T extends $ZodType>(schema: T): T {
  if (globalConfig.jitless) return schema;
  let out = compiled.get(schema);
  if (!out) {
    out = compile(schema);
    compiled.set(schema, out);
  }
  return out as T;
}
