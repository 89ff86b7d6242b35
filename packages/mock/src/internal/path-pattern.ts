import { isPathParamName, pathParamPatterns } from '@graphtoken/contract';

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** Matches an exact path, or a spec template (`/v1/graphs/{graphId}/blocks`) where `{…}` is one segment. */
export function pathPattern(template: string): RegExp {
  const escaped = escapeRegExp(template).replace(/\{[^}/]*\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
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
