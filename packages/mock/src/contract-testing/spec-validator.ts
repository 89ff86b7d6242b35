/**
 * Validates a response against spec/openapi.yaml: the status is documented for the operation, the
 * content type is the documented one, the body matches its schema (ajv, JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1) and every required header is present and valid. Test-only.
 */
import { readFileSync } from 'node:fs';
import { type OperationId, operations, TOKEN_PATTERN } from '@graphtoken/contract';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { operationPathPattern } from '../internal/path-pattern.js';

/** One response to check. */
export interface ResponseToValidate {
  operationId: OperationId | null;
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: string;
}

/** Checks responses against the spec; `validate` returns one message per violation. */
export interface SpecValidator {
  validate(response: ResponseToValidate): string[];
}

type Json = Record<string, unknown>;

const COMPONENTS_ID = 'https://graphtoken.dev/openapi/components.json';

/** Rewrites `#/components/schemas/X` refs to the registered components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
          ? `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`
          : rewriteRefs(v),
      ]),
    );
  }
  return node;
}

function deref(spec: Json, node: unknown): Json {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((acc, key) => (acc as Json)?.[key], spec) as Json;
  }
  return current;
}

/** Builds a validator from a spec file. */
export function loadSpecValidator(specPath: string | URL): SpecValidator {
  const spec = parse(readFileSync(specPath, 'utf8')) as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword('example');
  const schemas = (spec.components as Json).schemas as Json;
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(schemas) });

  const cache = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: unknown) => {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as Json);
      cache.set(key, fn);
    }
    return fn;
  };
  const paths = spec.paths as Record<string, Record<string, Json>>;

  const checkBody = (key: string, schema: unknown, body: string, where: string): string[] => {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    const fn = compile(key, schema);
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message}`);
  };

  return {
    validate(r) {
      const where = `${r.method} ${r.path} → ${r.status}${r.operationId ? ` (${r.operationId})` : ''}`;
      const problems: string[] = [];
      if (!/^req_[A-Za-z0-9]+$/.test(r.headers.get('x-request-id') ?? '')) {
        problems.push(`${where}: no valid X-Request-Id header`);
      }
      const secretAllowed =
        (r.operationId === 'createToken' ||
          r.operationId === 'rotateToken' ||
          r.operationId === 'rotateSelfToken') &&
        r.status === 201;
      if (!secretAllowed && new RegExp(TOKEN_PATTERN.source).test(r.body)) {
        problems.push(`${where}: the body contains a secret`);
      }
      if (r.operationId === null) {
        if (r.method === 'OPTIONS' && r.status === 204) return problems;
        if (r.status === 405) {
          // A path of the spec with a method it does not take: Allow lists exactly the spec's methods.
          const specMethods = Object.entries(paths)
            .filter(([template]) => operationPathPattern(template).test(r.path))
            .flatMap(([, item]) => Object.keys(item as Json).map((m) => m.toUpperCase()));
          const allow = (r.headers.get('allow') ?? '').split(/\s*,\s*/).filter((m) => m !== '');
          const expected = new Set([
            ...specMethods,
            'OPTIONS',
            ...(specMethods.includes('GET') ? ['HEAD'] : []),
          ]);
          if (specMethods.length === 0) problems.push(`${where}: 405 for a path the spec does not have`);
          if (allow.length !== expected.size || !allow.every((m) => expected.has(m)))
            problems.push(
              `${where}: Allow "${allow.join(', ')}" is not the spec's ${[...expected].join(', ')}`,
            );
          if (allow.includes(r.method)) problems.push(`${where}: 405 for a method Allow lists`);
        } else if (r.status !== 404 && r.status !== 414) {
          problems.push(`${where}: an unknown route must answer 404 (405 with Allow for a known path)`);
        }
        problems.push(...checkBody('Problem', { $ref: '#/components/schemas/Problem' }, r.body, where));
        return problems;
      }
      const op = operations[r.operationId];
      const response = (paths[op.path]?.[op.method.toLowerCase()]?.responses as Json | undefined)?.[
        String(r.status)
      ];
      if (response === undefined) {
        problems.push(`${where}: status ${r.status} is not documented for ${r.operationId}`);
        return problems;
      }
      const resolved = deref(spec, response);
      const content = resolved.content as Record<string, Json> | undefined;
      const contentType = r.headers.get('content-type')?.split(';')[0]?.trim() ?? null;
      if (content === undefined) {
        if (r.body !== '') problems.push(`${where}: a body where the spec documents none`);
        if (contentType !== null) problems.push(`${where}: Content-Type ${contentType} without a body`);
      } else {
        const media = contentType === null ? undefined : content[contentType];
        if (media === undefined) {
          problems.push(
            `${where}: Content-Type ${contentType} is not one of ${Object.keys(content).join(', ')}`,
          );
        } else {
          problems.push(
            ...checkBody(`${r.operationId} ${r.status} ${contentType}`, media.schema, r.body, where),
          );
        }
      }
      // The headers this contract added for issue 11 appear only where a response documents them.
      const documented = new Set(Object.keys((resolved.headers ?? {}) as Json).map((h) => h.toLowerCase()));
      for (const name of ['graphtoken-token-expiration', 'ratelimit-policy', 'ratelimit']) {
        if (r.headers.has(name) && !documented.has(name))
          problems.push(`${where}: header ${name} is sent but not documented for this response`);
      }
      for (const [name, headerRef] of Object.entries((resolved.headers ?? {}) as Json)) {
        const header = deref(spec, headerRef);
        const value = r.headers.get(name);
        if (value === null) {
          if (header.required === true) problems.push(`${where}: required header ${name} is missing`);
          continue;
        }
        const schema = header.schema as Json;
        const typed = schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
        const fn = compile(`header ${name} ${JSON.stringify(schema)}`, schema);
        if (!fn(typed))
          problems.push(`${where}: header ${name}: ${value} ${fn.errors?.[0]?.message ?? 'is invalid'}`);
      }
      return problems;
    },
  };
}
