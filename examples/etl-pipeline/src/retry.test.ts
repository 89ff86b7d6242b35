import {
  APIError,
  ConnectionError,
  InsufficientScopeError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
  TokenRevokedError,
  ValidationError,
} from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { isTransient, type RetryPolicy, retryDelay } from './retry.ts';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('isTransient', () => {
  it.each([
    { given: new ConnectionError('socket hang up'), want: true },
    { given: new TimeoutError('attempt', 30_000), want: true },
    { given: new RateLimitError({ status: 429, retryAfter: 1 }), want: true },
    { given: new InternalServerError({ status: 500 }), want: true },
    { given: APIError.generate({ status: 503 }), want: true },
    { given: new TokenRevokedError({ status: 401 }), want: false },
    { given: new InsufficientScopeError({ status: 403 }), want: false },
    { given: new ValidationError({ status: 422 }), want: false },
    { given: new TypeError('a bug'), want: false },
  ])('$given.name → $want', ({ given, want }) => {
    expect(isTransient(given)).toBe(want);
  });
});

describe('retryDelay', () => {
  it('backs off exponentially up to the cap, then gives up after maxAttempts', () => {
    const error = new InternalServerError({ status: 500 });
    expect([1, 2, 3].map((attempt) => retryDelay(error, attempt, policy))).toEqual([100, 200, 400]);
    expect(retryDelay(error, 4, policy)).toBeNull();
    expect(retryDelay(error, 3, { ...policy, maxDelayMs: 250 })).toBe(250);
  });

  it('waits at least as long as Retry-After says', () => {
    expect(retryDelay(new RateLimitError({ status: 429, retryAfter: 7 }), 1, policy)).toBe(7_000);
  });

  it('never retries an error a retry cannot fix', () => {
    expect(retryDelay(new InsufficientScopeError({ status: 403 }), 1, policy)).toBeNull();
  });
});
