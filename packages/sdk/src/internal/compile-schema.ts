/**
 * zod's compiled path for the response schemas, for Node, Deno, Bun and workers (the browser
 * build swaps in compile-schema.browser.ts, which keeps zod/mini's interpreted objects).
 *
 * The contract builds its schemas with `zod/mini`, whose `object()` is zod core's interpreted
 * `$ZodObject`. zod classic's `z.object()` is `$ZodObjectJIT`: the same definition, plus a parser
 * generated (with `new Function`) for its shape on first use, which validates a page of tokens
 * several times faster. At first use of a schema this rebuilds it with `$ZodObjectJIT` for every
 * object in its tree, reusing each definition as it is (checks, refinements, messages), so the
 * result accepts and rejects exactly what the original does. Where zod cannot generate code
 * (a Content-Security-Policy or workerd forbids `new Function`, or `z.config({ jitless: true })`),
 * `$ZodObjectJIT` itself falls back to the interpreted loop.
 */
import { $ZodObjectJIT, type $ZodType } from 'zod/v4/core';

const compiled = new WeakMap<$ZodType, $ZodType>();

/** The wrappers whose inner schema sits in one definition field. */
const INNER: Record<string, string> = {
  array: 'element',
  optional: 'innerType',
  nullable: 'innerType',
  default: 'innerType',
  prefault: 'innerType',
  nonoptional: 'innerType',
  readonly: 'innerType',
  catch: 'innerType',
};

type Def = Record<string, unknown> & { type: string };
type Constructor = new (def: Def) => $ZodType;

/** `schema` with every object in it on zod's compiled path; the same schema when nothing changes. Cached. */
export function compileSchema<T extends $ZodType>(schema: T): T {
  let out = compiled.get(schema);
  if (out) return out as T;
  const def = schema._zod.def as unknown as Def;
  const rebuild = schema._zod.constr as unknown as Constructor;
  out = schema;
  if (def.type === 'object') {
    const shape: Record<string, $ZodType> = {};
    for (const [key, value] of Object.entries(def.shape as Record<string, $ZodType>))
      shape[key] = compileSchema(value);
    out = new $ZodObjectJIT({ ...def, shape } as never);
  } else if (def.type === 'union') {
    const options = (def.options as $ZodType[]).map(compileSchema);
    if (options.some((o, i) => o !== (def.options as $ZodType[])[i])) out = new rebuild({ ...def, options });
  } else if (Object.hasOwn(INNER, def.type)) {
    const field = INNER[def.type] as string;
    const inner = def[field] as $ZodType;
    const next = compileSchema(inner);
    if (next !== inner) out = new rebuild({ ...def, [field]: next });
  }
  compiled.set(schema, out);
  return out as T;
}
