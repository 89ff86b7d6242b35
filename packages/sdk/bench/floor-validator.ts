/**
 * The floor of a validating ky client, for bench/client-overhead.ts: the page schema on zod's
 * compiled path with every check removed (types, enums, nullables, arrays and objects only), what
 * zod costs per field before any check. client-overhead.ts bundles this file with esbuild, so it
 * runs on its own copy of zod, as the SDK's build does: zod's shared code, optimised for the
 * interpreted schemas the bench also runs, would otherwise make this floor dearer than it is.
 */
import { TokenPageSchema } from '@graphtoken/contract';
import { type $ZodType, safeParse } from 'zod/v4/core';
import { compileSchema } from '../src/internal/compile-schema.ts';
import { rebuild } from './schema-variants.ts';

const schema = compileSchema(rebuild(TokenPageSchema as unknown as $ZodType, () => []));

/** `value` validated against the check-free page schema; throws where it does not fit. */
export function validatePageWithoutChecks(value: unknown): unknown {
  const result = safeParse(schema, value);
  if (!result.success) throw new Error('the floor schema rejected the page');
  return result.data;
}
