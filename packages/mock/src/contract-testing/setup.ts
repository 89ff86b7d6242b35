/**
 * The vitest setup file of this package: every response any test makes the mock produce is
 * validated against spec/openapi.yaml, and a test during which the mock drifted from the spec fails.
 * Injected faults are exempt (they are off-contract on purpose).
 */
import { afterEach } from 'vitest';
import { addResponseObserver } from '../internal/observers.js';
import { loadSpecValidator } from './spec-validator.js';

const validator = loadSpecValidator(new URL('../../../../spec/openapi.yaml', import.meta.url));
const pending: Promise<void>[] = [];
const drift: string[] = [];

/** How many responses this test file had validated (for the report test). */
export const validated = { count: 0 };

addResponseObserver((event) => {
  if (event.injected) return;
  pending.push(
    event.response.text().then((body) => {
      validated.count++;
      drift.push(
        ...validator.validate({
          operationId: event.operationId,
          method: event.method,
          path: event.path,
          status: event.response.status,
          headers: event.response.headers,
          body,
        }),
      );
    }),
  );
});

afterEach(async () => {
  await Promise.all(pending.splice(0));
  const found = drift.splice(0);
  if (found.length > 0) {
    throw new Error(`The mock drifted from spec/openapi.yaml:\n  ${[...new Set(found)].join('\n  ')}`);
  }
});
