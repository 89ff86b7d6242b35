/**
 * Request validation against the contract: bodies through the zod schemas of @graphtoken/contract
 * (plus the few spec keywords zod does not express: `uniqueItems`, id patterns, `minProperties`),
 * query parameters and headers by their spec definitions. Every failure is a `422 validation_failed`
 * whose `errors` name the fields, never echoing a value (it could be a secret).
 */
import { containsWellFormedSecret, type FieldError, isDateTime } from '@graphtoken/contract';
import { type ApiProblem, validationFailed } from './problem.js';

type Path = readonly PropertyKey[];

/** `['blocks', 2, 'content']` → `blocks[2].content`; `[]` → `body`. */
export function fieldName(path: Path): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? 'body' : out;
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

interface Issue {
  readonly code: string;
  readonly path: Path;
}

function messageFor(issue: Issue, input: unknown): string {
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return 'is required';
      const expected = String(i.expected);
      if (expected === 'int') return 'must be an integer';
      return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected === 'object' ? 'JSON object' : expected}`;
    }
    case 'too_small':
    case 'too_big': {
      const n = Number(issue.code === 'too_small' ? i.minimum : i.maximum);
      const bound = issue.code === 'too_small' ? `at least ${n}` : `at most ${n}`;
      if (i.origin === 'string')
        return n === 1 && issue.code === 'too_small'
          ? 'must not be empty'
          : `must be ${bound} characters long`;
      if (i.origin === 'array') return `must have ${bound} ${n === 1 ? 'item' : 'items'}`;
      return `must be ${bound}`;
    }
    case 'invalid_value':
      return `must be one of: ${(i.values as unknown[]).map(String).join(', ')}`;
    case 'invalid_format':
      return i.format === 'datetime'
        ? 'must be an RFC 3339 date-time with a time zone, such as 2026-01-01T00:00:00Z'
        : 'has an invalid format';
    default:
      return 'is invalid';
  }
}

/** Turns zod issues into field errors (`unrecognized_keys` → one error per unknown property). */
export function issuesToFieldErrors(issues: readonly Issue[], input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of (issue as unknown as { keys: string[] }).keys) {
        errors.push({ field: fieldName([...issue.path, key]), message: 'is not allowed (unknown property)' });
      }
    } else {
      errors.push({ field: fieldName(issue.path), message: messageFor(issue, input) });
    }
  }
  return errors;
}

/** A schema as @graphtoken/contract's zod/mini schemas are: something with `safeParse`. */
export interface BodySchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

/**
 * The fields of a body that hold a well-formed token secret (literal, percent-encoded or
 * JSON-escaped): a token's name and description are shown in every list, so a secret pasted there
 * would leak to everyone who can list. The message never repeats the value.
 */
export function secretFieldErrors(raw: Record<string, unknown>, fields: readonly string[]): FieldError[] {
  return fields.flatMap((field) => {
    const value = raw[field];
    return typeof value === 'string' && containsWellFormedSecret(value)
      ? [
          {
            field,
            message:
              'must not contain a token secret (it would be shown in every token list); remove it, and revoke that token if it was shared',
          },
        ]
      : [];
  });
}

/** Validates a parsed body; `extra` adds the checks zod does not express. Throws `validation_failed`. */
export function validateBody<T>(
  schema: BodySchema<T>,
  input: unknown,
  extra?: (value: Record<string, unknown>) => FieldError[],
): T {
  const result = schema.safeParse(input);
  const errors = result.success ? [] : issuesToFieldErrors(result.error.issues, input);
  if (extra && input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const known = new Set(errors.map((e) => e.field));
    for (const e of extra(input as Record<string, unknown>)) if (!known.has(e.field)) errors.push(e);
  }
  if (errors.length > 0 || !result.success) throw validationFailed(errors);
  return result.data;
}

/** `uniqueItems` and an item pattern for an array property, as field errors. */
export function checkArray(
  value: Record<string, unknown>,
  key: string,
  options: { unique?: boolean; pattern?: RegExp; patternMessage?: string },
): FieldError[] {
  const list = value[key];
  if (!Array.isArray(list)) return [];
  const errors: FieldError[] = [];
  if (options.unique && new Set(list.map((x) => JSON.stringify(x))).size !== list.length) {
    errors.push({ field: key, message: 'must not contain duplicates' });
  }
  if (options.pattern) {
    list.forEach((item, i) => {
      if (typeof item === 'string' && !options.pattern!.test(item)) {
        errors.push({ field: `${key}[${i}]`, message: options.patternMessage ?? 'has an invalid format' });
      }
    });
  }
  return errors;
}

/** Collects query-parameter errors, then throws them all at once. */
export class QueryReader {
  readonly errors: FieldError[] = [];

  constructor(private readonly query: URLSearchParams) {}

  /** An integer parameter within bounds. */
  int(name: string, min: number, max: number, fallback: number): number {
    const raw = this.query.get(name);
    if (raw === null) return fallback;
    if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.errors.push({ field: name, message: `must be an integer from ${min} to ${max}` });
      return fallback;
    }
    return Number(raw);
  }

  /** One of the allowed values. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.query.get(name);
    if (raw === null) return undefined;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.errors.push({ field: name, message: `must be one of: ${allowed.join(', ')}` });
      return undefined;
    }
    return raw as T;
  }

  /** A string matching a pattern and length bounds. */
  string(
    name: string,
    options: { pattern?: RegExp; minLength?: number; maxLength?: number; message: string },
  ) {
    const raw = this.query.get(name);
    if (raw === null) return undefined;
    const { pattern, minLength = 0, maxLength = Number.POSITIVE_INFINITY } = options;
    if ((pattern && !pattern.test(raw)) || raw.length < minLength || raw.length > maxLength) {
      this.errors.push({ field: name, message: options.message });
      return undefined;
    }
    return raw;
  }

  /** An RFC 3339 date-time with an offset (spec "Query parameters"), as epoch milliseconds. */
  dateTime(name: string): number | undefined {
    const raw = this.query.get(name);
    if (raw === null) return undefined;
    // The contract's RFC 3339 check, as for bodies: a real calendar day and time, never rolled over.
    const ms = isDateTime(raw) ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(ms)) {
      this.errors.push({
        field: name,
        message: 'must be an RFC 3339 date-time with a time zone, such as 2026-01-01T00:00:00Z',
      });
      return undefined;
    }
    return ms;
  }

  /** A boolean: `true` or `false`, nothing else. */
  boolean(name: string): boolean | undefined {
    const raw = this.query.get(name);
    if (raw === null) return undefined;
    if (raw !== 'true' && raw !== 'false') {
      this.errors.push({ field: name, message: 'must be true or false' });
      return undefined;
    }
    return raw === 'true';
  }

  /** Throws `validation_failed` if any parameter was wrong. */
  done(): void {
    if (this.errors.length > 0) throw validationFailed(this.errors);
  }
}

/** Raised for the fields of the request body itself (absent, not JSON). */
export function bodyProblem(message: string): ApiProblem {
  return validationFailed([{ field: 'body', message }]);
}
