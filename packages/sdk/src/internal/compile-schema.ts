/**
 * zod's compiled path for the response schemas, for Node, Deno, Bun and workers (the browser
 * build swaps in compile-schema.browser.ts, which keeps zod/mini's interpreted objects).
 *
 * The contract builds its schemas with `zod/mini`, whose `object()` is zod core's interpreted
 * `$ZodObject`. zod classic's `z.object()` is `$ZodObjectJIT`: the same definition, plus a parser
 * generated (with `new Function`) for its shape on first use, which validates a page of tokens
 * several times faster. At first use of a schema this rebuilds it with `$ZodObjectJIT` for every
 * object in its tree (through arrays and wrappers such as nullable; a union, which no response
 * schema has, is kept as it is: correct, only slower), reusing each definition as it is (checks,
 * refinements, messages), so the result accepts and rejects exactly what the original does.
 * Where zod cannot generate code (a Content-Security-Policy or workerd forbids `new Function`, or
 * `z.config({ jitless: true })`), `$ZodObjectJIT` itself falls back to the interpreted loop. A string with one check (an id's or
 * a hint's pattern, a timestamp's format) is tested before zod's shared checks loop, which then
 * runs only for a value that fails (see {@link compileSchema}).
 */
import { $ZodObjectJIT, type $ZodType } from 'zod/v4/core';

const compiled = new WeakMap<$ZodType, $ZodType>();

type Def = Record<string, unknown> & { type: string; checks?: $ZodType[] };
/** What compileSchema reads of a schema: whether it is itself a check, its definition, its class. */
type Zod = $ZodType['_zod'] & { check?: unknown; def: Def; constr: new (def: Def) => $ZodType };
/** The fields of a string check's definition read by compileSchema. */
type CheckDef = { format?: string; pattern: RegExp; fn?: (value: string) => unknown };

/**
 * `schema` with every object in it on zod's compiled path, and each string with one check
 * (a `regex`, or a `stringFormat` with a function) tested before zod's checks loop; the same
 * schema when nothing changes. Cached.
 *
 * The string test: zod runs a schema's checks in a loop shared by every schema in the process
 * (abort state, `when`, issue bookkeeping, and one call site for every kind of check, so V8
 * inlines none of them), about 70 ns a check before the check's own work; a page of 100 tokens has
 * about 470 such checks (ids, hints, timestamps). The copy tests the value itself first
 * (`String.prototype.search`, which like zod's check matches from the start whatever the regular
 * expression's `lastIndex`; or the format's function) and, when it passes, runs zod's own `parse`
 * alone: a passing check adds nothing, whatever its `when` or `abort`, so the result is the same.
 * When it fails, zod's own `run` decides from the start, so every issue (code, path, message) is
 * zod's own; a format's function then runs twice. A string with more checks (lengths as well) is
 * left to zod: testing those too would cost more bytes than the full build's size ceiling has.
 */
export function compileSchema<T extends $ZodType>(schema: T): T {
  let out = compiled.get(schema);
  if (out) return out as T;
  const zod = schema._zod as Zod;
  const def = zod.def;
  out = schema;
  if (def.type === 'object') {
    const shape: Record<string, $ZodType> = {};
    for (const [key, value] of Object.entries(def.shape as Record<string, $ZodType>))
      shape[key] = compileSchema(value);
    out = new $ZodObjectJIT({ ...def, shape } as never);
  } else if (def.type === 'string') {
    // A string format is itself its first check.
    const [check, other] = zod.check ? [schema, ...(def.checks ?? [])] : (def.checks ?? []);
    const c = check?._zod.def as unknown as CheckDef | undefined;
    // `search` is -1 (+ 1: falsy) where there is no match.
    const test = c?.format === 'regex' ? (value: string) => value.search(c.pattern) + 1 : c?.format && c.fn;
    if (test && !other) {
      const copy = new zod.constr({ ...def });
      const { run, parse } = copy._zod;
      copy._zod.run = (payload, ctx) =>
        typeof payload.value === 'string' && test(payload.value) ? parse(payload, ctx) : run(payload, ctx);
      out = copy;
    }
  } else {
    // An array's element, or the schema a wrapper (nullable, optional, default…) wraps.
    const field = def.element ? 'element' : 'innerType';
    const inner = def[field] as $ZodType | undefined;
    const next = inner && compileSchema(inner);
    if (next !== inner) out = new zod.constr({ ...def, [field]: next });
  }
  compiled.set(schema, out);
  return out as T;
}
