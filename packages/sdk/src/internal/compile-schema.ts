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
 * `z.config({ jitless: true })`), `$ZodObjectJIT` itself falls back to the interpreted loop. A
 * string's or an array's checks (patterns, formats, lengths) are tested before zod's shared checks
 * loop, which then runs only for a value that fails (see {@link compileSchema}).
 */
import { $ZodObjectJIT, type $ZodType, globalConfig } from 'zod/v4/core';

const compiled = new WeakMap<$ZodType, $ZodType>();

type Def = Record<string, unknown> & { type: string; checks?: $ZodType[] };
/** What compileSchema reads of a schema: whether it is itself a check, its definition, its class. */
type Zod = $ZodType['_zod'] & { check?: unknown; def: Def; constr: new (def: Def) => $ZodType };

/** What compileSchema reads of a check's definition. */
type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  fn?: unknown;
  minimum: number;
  maximum: number;
};
type Run = $ZodType['_zod']['run'];

/**
 * A `run` for a string or an array that tests every check of `checks` itself and calls `parse`
 * alone where all pass, `run` (zod's, with its checks loop) otherwise; undefined where a check
 * is of a kind it does not know (a refinement, a built-in format, an exact length…), under
 * `z.config({ jitless: true })`, or where code cannot be generated. Each part is true only where
 * zod's own check passes. It may be false where zod's passes (a string of fewer than twice
 * `minimum` UTF-16 units, which zod counts in code points), and zod then decides from the start,
 * so nothing depends on that.
 *
 * Generated with `new Function`, as zod generates its object parsers: one function per schema, so
 * V8 sees one kind of check at each call site (closures built from one function would share one
 * site for every kind). Only the code's shape is text; every value is passed in `a`.
 */
function fastRun(checks: $ZodType[], isString: boolean, parse: Run, run: Run): Run | undefined {
  if (globalConfig.jitless) return undefined;
  const a: unknown[] = [];
  let code = isString ? "typeof v==='string'" : 'Array.isArray(v)';
  for (const check of checks) {
    const c = check._zod.def as unknown as CheckDef;
    const at = `a[${a.length}]`;
    // Code points are never more than UTF-16 units; zod counts them only below twice the minimum.
    const [test, value] =
      c.check === 'max_length'
        ? [`v.length<=${at}`, c.maximum]
        : c.check === 'min_length'
          ? [`v.length>=${at}`, isString ? 2 * c.minimum : c.minimum]
          : !isString || c.check !== 'string_format'
            ? []
            : // Like zod's check, `search` matches from the start whatever the `lastIndex`.
              c.format === 'regex' && c.pattern
              ? [`v.search(${at}.pattern)>=0`, c]
              : // The format's own function, called as zod calls it, its answer taken as zod takes it.
                c.fn
                ? [`${at}.fn(v)`, c]
                : [];
    if (!test) return undefined;
    code += `&&${test}`;
    a.push(value);
  }
  try {
    const make = new Function(
      'a',
      'parse',
      'run',
      `return(p,x)=>{const v=p.value;return ${code}?parse(p,x):run(p,x)}`,
    );
    return make(a, parse, run);
  } catch {
    // No code from text here (workerd; a Content-Security-Policy without 'unsafe-eval').
    return undefined;
  }
}

/**
 * `schema` with every object in it on zod's compiled path, and each string's or array's checks
 * tested before zod's checks loop; the same schema when nothing changes. Cached.
 *
 * The test: zod runs a schema's checks in a loop shared by every schema in the process (abort
 * state, `when`, issue bookkeeping, and one call site for every kind of check, so V8 inlines none
 * of them), about 35 to 70 ns a check before the check's own work; a page of 100 tokens has about
 * 840 checks (ids, hints and timestamps: a pattern or format each; names and descriptions: their
 * lengths; scopes: at least one). The copy tests the value itself first (a pattern with
 * `String.prototype.search`, which like zod's check matches from the start whatever the regular
 * expression's `lastIndex`; a format with its function; a length against its bound) and, when every
 * check passes, runs zod's own `parse` alone: passing checks add nothing, whatever their `when` or
 * `abort`, so the result is the same. When one fails, zod's own `run` decides from the start, so
 * every issue (code, path, message) is zod's own; a format's function then runs twice.
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
  } else {
    // An array's element, or the schema a wrapper (nullable, optional, default…) wraps.
    const field = def.element ? 'element' : 'innerType';
    const inner = def[field] as $ZodType | undefined;
    const next = inner && compileSchema(inner);
    const isString = def.type === 'string';
    // A string format is itself its first check.
    const checks = zod.check ? [schema, ...(def.checks ?? [])] : (def.checks ?? []);
    const checked = checks[0] && (isString || def.type === 'array');
    if (next !== inner || checked) {
      const copy = new zod.constr(inner ? { ...def, [field]: next } : { ...def });
      const fast = checked && fastRun(checks, isString, copy._zod.parse, copy._zod.run);
      if (fast) copy._zod.run = fast;
      if (fast || next !== inner) out = copy;
    }
  }
  compiled.set(schema, out);
  return out as T;
}
