#!/usr/bin/env node
// Regenerates everything derived from spec/openapi.yaml:
//   src/generated/openapi.ts     the openapi-typescript types (paths, components, operations)
//   src/generated/operations.ts  the operations table (method, path, tag, scopes, success status), the error
//                                codes, and each operation's documented error codes (a separate table, so
//                                a client that only needs `operations` does not bundle them)
// `--check` writes nothing and exits 1 when a generated file differs from what the spec gives (CI runs it).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const repo = resolve(pkg, '../..');
const specPath = join(repo, 'spec/openapi.yaml');
const outDir = join(pkg, 'src/generated');
const HEADER = (what) =>
  `// ${what}\n// Generated from spec/openapi.yaml by packages/contract/scripts/generate.mjs. Do not edit: run \`pnpm generate\`.\n`;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

class SpecError extends Error {}

/** Follows a local `$ref` (`#/components/...`) inside the spec document. */
function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new SpecError(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith('#/'))
      throw new SpecError(`only local $refs are supported: ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((acc, key) => acc?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
    if (current === undefined) throw new SpecError(`unresolved $ref ${[...seen].at(-1)}`);
  }
  return current;
}

/** The `status` const and `code` enum of a problem+json response schema (Problem allOf a narrowing object). */
function problemCodes(spec, response) {
  const media = deref(spec, response).content?.['application/problem+json'];
  if (!media) return null;
  const parts = deref(spec, media.schema)?.allOf ?? [];
  for (const part of parts.map((p) => deref(spec, p))) {
    const status = part?.properties?.status?.const;
    const codes = part?.properties?.code?.enum;
    if (typeof status === 'number' && Array.isArray(codes)) return { status, codes };
  }
  return null;
}

/**
 * The `schema.pattern` of each path parameter of an operation (path-item and operation parameters,
 * the operation's winning), checked against the path template: every `{name}` needs a pattern,
 * anchored with `^…$`, so that a client and the server can refuse an id that could reach another
 * operation (`self`, `.`, `..`, an encoded `/`).
 */
function pathParamPatterns(spec, where, path, item, op) {
  const byName = new Map();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(spec, raw);
    if (param?.in === 'path') byName.set(param.name, deref(spec, param.schema)?.pattern);
  }
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  for (const name of byName.keys()) {
    if (!names.includes(name)) throw new SpecError(`${where}: path parameter ${name} is not in the path`);
  }
  return names.map((name) => {
    const pattern = byName.get(name);
    if (typeof pattern !== 'string')
      throw new SpecError(`${where}: path parameter ${name} has no schema.pattern`);
    if (!pattern.startsWith('^') || !pattern.endsWith('$'))
      throw new SpecError(`${where}: the pattern of path parameter ${name} must be anchored (^…$)`);
    new RegExp(pattern, 'u');
    return [name, pattern];
  });
}

export function buildTables(spec) {
  const securityScheme = 'bearerAuth';
  const scopeNames = deref(spec, spec.components?.schemas?.Scope)?.enum;
  const roleNames = deref(spec, spec.components?.schemas?.Role)?.enum;
  const declaredCodes = deref(spec, spec.components?.schemas?.ErrorCode)?.enum;
  if (!Array.isArray(scopeNames)) throw new SpecError('components.schemas.Scope must be an enum');
  if (!Array.isArray(roleNames)) throw new SpecError('components.schemas.Role must be an enum');
  if (!Array.isArray(declaredCodes)) throw new SpecError('components.schemas.ErrorCode must be an enum');

  const operations = [];
  const errorCodes = new Map();
  const pathPatterns = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) throw new SpecError(`${where} has no operationId`);
      // `security: []` on the operation itself is the one way to say "no token" (OpenAPI 3.1
      // §4.8.10); an operation that states nothing inherits the document's requirement.
      const requirements = op.security ?? spec.security ?? [];
      if (requirements.length === 0 && !Array.isArray(op.security))
        throw new SpecError(`${where} has no security requirement`);
      const security = requirements.map((req) => {
        const scopes = req[securityScheme];
        if (!Array.isArray(scopes)) throw new SpecError(`${where}: security must use ${securityScheme}`);
        for (const s of scopes)
          if (!scopeNames.includes(s)) throw new SpecError(`${where}: unknown scope ${s}`);
        return scopes;
      });
      const statuses = Object.keys(op.responses ?? {});
      const success = statuses.filter((s) => /^2\d\d$/.test(s)).map(Number);
      if (success.length !== 1) throw new SpecError(`${where} must have exactly one 2xx response`);
      const errors = [];
      for (const status of statuses) {
        const found = problemCodes(spec, op.responses[status]);
        if (!found) continue;
        if (String(found.status) !== status) {
          throw new SpecError(`${where}: response ${status} narrows status to ${found.status}`);
        }
        for (const code of found.codes) {
          if (!declaredCodes.includes(code))
            throw new SpecError(`${where}: code ${code} is not in ErrorCode`);
          const known = errorCodes.get(code);
          if (known !== undefined && known !== found.status) {
            throw new SpecError(`code ${code} is used with status ${known} and ${found.status}`);
          }
          errorCodes.set(code, found.status);
          errors.push(code);
        }
      }
      const params = pathParamPatterns(spec, where, path, item, op);
      for (const [name, pattern] of params) {
        const known = pathPatterns.get(name);
        if (known !== undefined && known !== pattern) {
          throw new SpecError(`path parameter ${name} has two patterns: ${known} and ${pattern}`);
        }
        pathPatterns.set(name, pattern);
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        pathParams: params.map(([name]) => name),
        tag: op.tags?.[0] ?? 'default',
        security,
        successStatus: success[0],
        errorCodes: [...new Set(errors)].sort(),
      });
    }
  }
  const ids = operations.map((o) => o.operationId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new SpecError(`operationId ${dup} is used twice`);
  const unused = declaredCodes.filter((c) => !errorCodes.has(c));
  if (unused.length > 0) throw new SpecError(`ErrorCode values no response carries: ${unused.join(', ')}`);
  return {
    operations,
    errorCodes: declaredCodes.map((c) => [c, errorCodes.get(c)]),
    scopeNames,
    roleNames,
    pathPatterns: [...pathPatterns],
  };
}

function renderOperations({ operations, errorCodes, scopeNames, roleNames, pathPatterns }) {
  const lit = (v) => JSON.stringify(v).replaceAll('"', "'");
  const ops = operations
    .map(
      (o) =>
        `  ${o.operationId}: {\n` +
        `    operationId: '${o.operationId}',\n` +
        `    method: '${o.method}',\n` +
        `    path: '${o.path}',\n` +
        `    pathParams: ${lit(o.pathParams)},\n` +
        `    tag: '${o.tag}',\n` +
        `    security: ${lit(o.security)},\n` +
        `    successStatus: ${o.successStatus},\n` +
        '  },',
    )
    .join('\n');
  const codes = errorCodes.map(([c, s]) => `  ${c}: { status: ${s} },`).join('\n');
  const patterns = pathPatterns.map(([n, p]) => `  ${n}: ${lit(p)},`).join('\n');
  const opCodes = operations.map((o) => `  ${o.operationId}: ${lit(o.errorCodes)},`).join('\n');
  return `${HEADER('The operations table and error codes of the GraphToken API.')}
/** The scopes a token can hold, in the order the spec lists them. */
export const scopeNames = ${lit(scopeNames)} as const;

/** The roles an account can have on a graph. */
export const roleNames = ${lit(roleNames)} as const;

/** One operation of the API, as the spec declares it. */
export interface OperationInfo {
  readonly operationId: string;
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, e.g. \`/v1/tokens/{tokenId}\`. */
  readonly path: string;
  /** The names of the path template's parameters, in order; their patterns are in {@link pathParamPatterns}. */
  readonly pathParams: readonly string[];
  /** The spec tag, which is also the SDK resource and the mock handler file. */
  readonly tag: string;
  /**
   * The operation's \`security\` requirement: alternatives, any one of which suffices; each lists the
   * scopes it needs. \`[[]]\` means any valid token; \`[]\` means no token at all (the operation
   * ignores credentials, e.g. \`revokeLeakedTokens\`).
   */
  readonly security: readonly (readonly (typeof scopeNames)[number][])[];
  readonly successStatus: number;
}

/** Every operation of the API, keyed by operationId. */
export const operations = {
${ops}
} as const satisfies Record<string, OperationInfo>;

/** An operationId of the API. */
export type OperationId = keyof typeof operations;

/**
 * The pattern every path parameter must match, keyed by parameter name (the \`schema.pattern\` of
 * the spec's path parameters; the generator checks that a name has one pattern in every
 * operation, so {@link operations}' \`pathParams\` lead here). A value that breaks it could reach
 * another operation (\`self\`, \`.\`, \`..\`, an encoded \`/\`): clients refuse it before sending,
 * the server answers \`404 not_found\`.
 */
export const pathParamPatterns = {
${patterns}
} as const;

/** The name of a path parameter of the API (\`tokenId\`, \`graphId\`, \`blockId\`). */
export type PathParamName = keyof typeof pathParamPatterns;

/** Every API error \`code\` with the HTTP status it comes with. */
export const errorCodes = {
${codes}
} as const;

/** An API error \`code\`. */
export type ErrorCode = keyof typeof errorCodes;

/**
 * The API error codes each operation documents, keyed by operationId. Kept apart from
 * {@link operations} so that code which only sends requests (the SDK) does not bundle them.
 */
export const operationErrorCodes = {
${opCodes}
} as const satisfies Record<OperationId, readonly ErrorCode[]>;
`;
}

export async function generate() {
  const spec = parse(await readFile(specPath, 'utf8'));
  const types = astToString(
    await openapiTS(pathToFileURL(specPath), { alphabetize: false, defaultNonNullable: false }),
  );
  // openapi-typescript writes its three root interfaces bare; every export of the package has JSDoc.
  const rootDocs = {
    paths: 'Every path of the API with its operations, keyed by path template (openapi-fetch style).',
    components: 'The reusable parts of the spec: schemas, responses, parameters, headers.',
    operations: 'Every operation of the API, keyed by operationId: parameters, request body and responses.',
  };
  let documented = types;
  for (const [name, doc] of Object.entries(rootDocs)) {
    const declaration = `export interface ${name} {`;
    if (!documented.includes(declaration))
      throw new SpecError(`openapi-typescript wrote no \`${name}\` interface`);
    documented = documented.replace(declaration, `/** ${doc} */\n${declaration}`);
  }
  return {
    [join(outDir, 'openapi.ts')]: `${HEADER('TypeScript types of the GraphToken API.')}\n${documented}`,
    [join(outDir, 'operations.ts')]: renderOperations(buildTables(spec)),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  let files;
  try {
    files = await generate();
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(`spec/openapi.yaml: ${error.message}\n`);
    process.exit(1);
  }
  const stale = [];
  for (const [file, contents] of Object.entries(files)) {
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current === contents) continue;
    stale.push(relative(repo, file));
    if (!check) await writeFile(file, contents);
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `Generated files are stale: ${stale.join(', ')}.\nRun \`pnpm generate\` and commit the result.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    check
      ? 'Generated files are up to date.\n'
      : `Generated ${Object.keys(files).length} files (${stale.length} changed).\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
