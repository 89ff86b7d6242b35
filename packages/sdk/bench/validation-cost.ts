/**
 * Where the validation of a page of 100 tokens goes, on zod's compiled path (`compile()`, the full
 * build's):
 * the SDK's own `TokenPage` schema beside the same schema tree taken apart, each validating a
 * freshly parsed page (as a call does), in interleaved rounds, medians:
 *
 * - **schema as shipped**: `compileSchema(TokenPageSchema)`, what the full build runs;
 * - **no checks**: the same tree with every check removed (string, enum, nullable, array and
 *   object types only), compiled the same way: what zod costs per field before any check;
 * - **interpreted**: zod/mini's objects as the browser build keeps them (and as the full build
 *   runs them where code cannot be generated: workerd, `z.config({ jitless: true })`).
 *
 * Each is reported in µs per page, ÷ `JSON.parse` of the same page (the bulk of the page goal's
 * baseline), per field and per check.
 *
 * Run: `pnpm --filter @graphtoken/sdk build && node bench/validation-cost.ts [--passes 3] [--rounds 15]`
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TokenPageSchema } from '@graphtoken/contract';
import * as z from 'zod/mini';
import { type $ZodType, safeParse } from 'zod/v4/core';
import { compileSchema } from '../src/internal/compile-schema.ts';
import { tokenPage } from './fixtures.ts';
import { type Def, isCheck, rebuild } from './schema-variants.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    passes: { type: 'string', default: '3' },
    variant: { type: 'string' },
  },
});

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/** Fields (object properties and array elements) validated, and checks run, for `value`. */
function count(schema: $ZodType, value: unknown): { fields: number; checks: number } {
  const def = defOf(schema);
  const own = (def.checks?.length ?? 0) + (isCheck(schema) ? 1 : 0);
  let fields = 0;
  let checks = own;
  const add = (s: $ZodType, v: unknown) => {
    const c = count(s, v);
    fields += 1 + c.fields;
    checks += c.checks;
  };
  if (def.type === 'object') {
    for (const [key, s] of Object.entries(def.shape as Record<string, $ZodType>))
      add(s, (value as Record<string, unknown>)[key]);
  } else if (def.type === 'array') {
    for (const v of value as unknown[]) add(def.element as $ZodType, v);
  } else if (def.type === 'nullable' && value !== null) {
    const c = count(def.innerType as $ZodType, value);
    fields += c.fields;
    checks += c.checks;
  }
  return { fields, checks };
}

const text = JSON.stringify(tokenPage);
const shipped = compileSchema(TokenPageSchema);
const variants: Record<string, (() => unknown) | undefined> = {
  'JSON.parse only': () => JSON.parse(text),
  'schema as shipped (compiled)': () => safeParse(shipped, JSON.parse(text)),
  'no checks (compiled)': undefined,
  'interpreted (zod/mini, browser build)': () => safeParse(TokenPageSchema, JSON.parse(text)),
};
const noChecks = compileSchema(rebuild(TokenPageSchema, () => []));
variants['no checks (compiled)'] = () => safeParse(noChecks, JSON.parse(text));

// Each variant runs in its own fresh process, beside `JSON.parse` alone in the same rounds: zod's
// shared code (each schema's `run`, the checks loop) is optimised for the schemas a process has
// seen, so variants timed in one process would slow each other down (measured: ×3 for the shipped
// schema), where an app has only the SDK's own schemas.
if (args.variant) {
  const run = variants[args.variant];
  if (!run) throw new Error(`unknown variant ${args.variant}`);
  const result = run() as { success?: boolean };
  if ('success' in result && !result.success) throw new Error(`${args.variant} rejected the page`);
  const parseOnly = variants['JSON.parse only'] as () => unknown;
  const time = (fn: () => unknown, ms: number) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      fn();
      fn();
      n += 2;
      now = performance.now();
    }
    return ((now - start) * 1000) / n;
  };
  time(run, 300);
  time(parseOnly, 100);
  const out = { parse: [] as number[], total: [] as number[] };
  for (let round = 0; round < Number(args.rounds); round++) {
    out.parse.push(time(parseOnly, 50));
    out.total.push(time(run, 50));
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

const median = (v: number[] = []) => [...v].sort((a, b) => a - b)[v.length >> 1] as number;
const names = Object.keys(variants).filter((name) => name !== 'JSON.parse only');
const parse: number[] = [];
const validation: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let pass = 0; pass < Number(args.passes); pass++) {
  for (const name of names) {
    const child = JSON.parse(
      execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--variant', name, '--rounds', args.rounds],
        {
          encoding: 'utf8',
        },
      ),
    ) as { parse: number[]; total: number[] };
    parse.push(...child.parse);
    validation[name]?.push(...child.total.map((t, i) => t - (child.parse[i] as number)));
  }
}
const { fields, checks } = count(TokenPageSchema, tokenPage);
const parseMs = median(parse);
const v = (name: string) => median(validation[name]);
console.log(
  `validation of a page of 100 tokens (${text.length} B): ${fields} fields, ${checks} checks; node ${process.version}; each variant in ${args.passes} fresh processes × ${args.rounds} rounds, medians`,
);
console.table([
  { variant: 'JSON.parse only', 'µs per page': parseMs.toFixed(1), 'validation ÷ JSON.parse': '' },
  ...names.map((name) => ({
    variant: name,
    'µs per page': (parseMs + v(name)).toFixed(1),
    'validation ÷ JSON.parse': (v(name) / parseMs).toFixed(2),
  })),
]);
const floor = v('no checks (compiled)');
const shippedChecks = v('schema as shipped (compiled)') - floor;
console.log(
  `compiled path: per field (no checks) ${((floor * 1000) / fields).toFixed(0)} ns; per check (the shipped schema over the one with none) ${((shippedChecks * 1000) / checks).toFixed(0)} ns`,
);

// Where the checks' time goes: each field of a token, its 100 values of the page validated as an
// array on the compiled path, with its checks and without (in this process, one field at a time).
const shapeOf = (page: $ZodType) =>
  defOf(
    defOf(defOf(page).shape ? (defOf(page).shape as Record<string, $ZodType>).data! : page)
      .element as $ZodType,
  ).shape as Record<string, $ZodType>;
const withChecks = shapeOf(TokenPageSchema as unknown as $ZodType);
const withoutChecks = shapeOf(rebuild(TokenPageSchema as unknown as $ZodType, () => []));
const perField: { field: string; checks: number; 'µs per page': string }[] = [];
for (const [field, schema] of Object.entries(withChecks)) {
  const values = tokenPage.data.map((token) => token[field as keyof typeof token]);
  const checked = compileSchema(z.array(schema as never) as unknown as $ZodType);
  const bare = compileSchema(z.array(withoutChecks[field] as never) as unknown as $ZodType);
  const time = (schema: $ZodType) => {
    const start = performance.now();
    for (let i = 0; i < 2000; i++) safeParse(schema, values);
    return ((performance.now() - start) * 1000) / 2000;
  };
  const rounds: number[] = [];
  for (let round = 0; round < 9; round++) rounds.push(time(checked) - time(bare));
  const fieldChecks = count(z.array(schema as never) as unknown as $ZodType, values).checks;
  if (fieldChecks > 0)
    perField.push({ field, checks: fieldChecks, 'µs per page': median(rounds).toFixed(1) });
}
console.log(
  'the checks per field of a token (its 100 values on the page, compiled, with ÷ without its checks):',
);
console.table(perField);
