import { isPathParamName, pathParamPatterns } from '@graphtoken/contract';

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Why a path filter (a fault's `path`, a recorded-requests `path`) is not a usable template, or
 * undefined when it is: it starts with `/`, and each `{name}` (letters, digits, `_`) is a whole
 * segment, the only thing between two `/` (`/v1/graphs/{graphId}/blocks`, not `/v1/{a}{b}` nor
 * `/v1/x{id}`). So the pattern built from it matches in time linear in the path.
 */
export function pathTemplateProblem(template: string): string | undefined {
  if (!template.startsWith('/')) return 'must start with "/", e.g. /v1/graphs/{graphId}/blocks';
  const bad = template
    .slice(1)
    .split('/')
    .find((segment) => /[{}]/.test(segment) && !/^\{\w+\}$/.test(segment));
  if (bad === undefined) return undefined;
  return `has a segment "${bad.slice(0, 60)}" that is not a plain name nor one whole {name} placeholder: write each path parameter as a whole segment, e.g. /v1/graphs/{graphId}/blocks`;
}

/**
 * Matches an exact path, or a spec template (`/v1/graphs/{graphId}/blocks`) where each `{name}`
 * is one whole segment (any characters but `/`).
 * @throws {TypeError} when the template is not one (see {@link pathTemplateProblem}).
 */
export function pathPattern(template: string): RegExp {
  const problem = pathTemplateProblem(template);
  if (problem !== undefined) throw new TypeError(`path ${problem}`);
  const source = template
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Matches the raw (still percent-encoded) path of a request for an operation: the template exactly
 * (no trailing or doubled slash, no encoded character in a literal segment), each `{name}` one
 * segment that matches the spec's pattern for that path parameter, captured as a named group. So
 * `self`, `.`, `..` or `%2F` in an id's place, `/v1/tokens/`, `/v1/tokens/%73elf` or
 * `/v1/tokens/self/` never reach an operation, least of all another one.
 * @see ../../../../spec/openapi.yaml `components.parameters`
 */
export function operationPathPattern(template: string): RegExp {
  const source = escapeRegExp(template).replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!isPathParamName(name)) throw new Error(`the spec gives no pattern for path parameter ${name}`);
    return `(?<${name}>${pathParamPatterns[name].slice(1, -1)})`;
  });
  return new RegExp(`^${source}$`);
}
