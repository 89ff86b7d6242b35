/**
 * The page schema taken apart, for the benchmarks: the same tree rebuilt with its checks replaced
 * (none, or as many that always pass), to measure what zod costs per field and per check.
 */
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

export type Def = Record<string, unknown> & { type: string; checks?: $ZodType[]; format?: string };
type Constructor = new (def: Def) => $ZodType;
/** A schema that is itself a check (zod's string formats: `z.stringFormat`, `z.email()`…). */
export const isCheck = (schema: $ZodType) => schema._zod.traits.has('$ZodCheck');

/**
 * `schema` rebuilt with each check (and each string format) replaced: `replace(n)` gives the checks
 * to use instead of `n` checks (none, or as many that always pass).
 */
export function rebuild(schema: $ZodType, replace: (count: number) => $ZodType[]): $ZodType {
  const def = defOf(schema);
  if (isCheck(schema)) {
    return z.string().check(...(replace(1 + (def.checks?.length ?? 0)) as never[])) as unknown as $ZodType;
  }
  const next: Def = { ...def, checks: replace(def.checks?.length ?? 0) };
  if (def.type === 'object') {
    const shape = def.shape as Record<string, $ZodType>;
    next.shape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, rebuild(v, replace)]));
  } else if (def.type === 'array') next.element = rebuild(def.element as $ZodType, replace);
  else if (def.type === 'nullable') next.innerType = rebuild(def.innerType as $ZodType, replace);
  return new (schema._zod.constr as unknown as Constructor)(next);
}
