/**
 * `createGraphTokenMock`: a stateful mock of the whole GraphToken API as msw 3 handlers, with a
 * controllable clock, fault injection, recorded requests, snapshots and direct state access.
 */
import type { RequestHandler } from 'msw';
import { type ClockAdvance, createClock, type MockClock } from './clock.js';
import { DEFAULT_BASE_URL } from './constants.js';
import { createFaults, type MockFaults } from './faults.js';
import { createHandlers } from './handlers/index.js';
import { createRequestIds } from './internal/ids.js';
import { DEFAULT_LEAK_REPORT_LIMIT, type MockRuntime, type MockSettings } from './internal/pipeline.js';
import { createRateLimiter, type RateLimitOptions } from './internal/rate-limit.js';
import { createMemoryReplayStore, type ReplayStore } from './internal/replay-store.js';
import {
  createRequests,
  DEFAULT_JOURNAL_BODY_BYTES,
  DEFAULT_JOURNAL_SIZE,
  type MockRequests,
} from './requests.js';
import { defaultSeed, type MockSeed, type SeedIds, seedIds } from './seed.js';
import type { MockSnapshot } from './store/records.js';
import { MockState } from './store/state.js';
import { createStore, type MockStore } from './store/store.js';

/** Options of {@link createGraphTokenMock}. */
export interface GraphTokenMockOptions {
  /** Default {@link DEFAULT_BASE_URL}; handlers match `${baseUrl}/v1/...`. */
  baseUrl?: string;
  /** The data to start from (and return to on `reset()`). Default: {@link defaultSeed}. */
  seed?: MockSeed;
  /** Saved state to start from instead of the seed (the standalone server's `--state-file`). */
  snapshot?: MockSnapshot;
  /** The starting time. Default: the real time at creation. */
  now?: Date | string;
  /**
   * When true the clock stands still and moves only with `clock.advance()`/`clock.set()`, so
   * timestamps are exactly reproducible. Default false: it also moves as real time passes.
   */
  freezeClock?: boolean;
  /** A per-token rate limit; default false (off). */
  rateLimit?: RateLimitOptions | false;
  /**
   * The per-client limit of `POST /v1/tokens/revoke-leaked`, which needs no token (spec "Rate
   * limits"): default {@link DEFAULT_LEAK_REPORT_LIMIT}, 60 reports a minute. In-process and in the
   * service worker every request is the same client; the standalone server counts per socket address.
   */
  leakReportLimit?: RateLimitOptions;
  /** Milliseconds added before every response; default 0. */
  latencyMs?: number;
  /** Called after every state change (the standalone server persists its state file from it). */
  onChange?: () => void;
  /**
   * How many requests `mock.requests` keeps (a ring buffer: the oldest is dropped first).
   * Default {@link DEFAULT_JOURNAL_SIZE} (10,000).
   */
  journalSize?: number;
  /**
   * How many bytes `mock.requests` keeps (estimated heap size) of recorded bodies and of what is
   * oversized in recorded headers (past 2 KiB), paths and URLs (past 256 characters), default
   * {@link DEFAULT_JOURNAL_BODY_BYTES} (16 MiB): past it the oldest entries are made lean (body
   * replaced by `DROPPED_BODY_MARKER`, headers and URL cut with a marker), the entries kept. `0`
   * records no body at all (and keeps every entry lean). Worst case: this budget plus about
   * 4 KiB per entry kept.
   */
  journalBodyBytes?: number;
}

/** A mock of the GraphToken API. */
export interface GraphTokenMock {
  /** msw 3 handlers for the whole /v1 API, plus a loud catch-all for unknown paths under `baseUrl`. */
  readonly handlers: RequestHandler[];
  /** The base URL the handlers answer on (no trailing slash). */
  readonly baseUrl: string;
  /** The ids of the default seed's accounts, graphs and bootstrap token. */
  readonly seed: SeedIds;
  /** The mock's clock: expiry, grace periods, `lastUsedAt` and rate-limit windows follow it. */
  readonly clock: MockClock;
  /** Fault injection. */
  readonly faults: MockFaults;
  /** The requests answered so far, credentials redacted. */
  readonly requests: MockRequests;
  /** Direct access to the state. */
  readonly store: MockStore;
  /** Milliseconds added before every response (settable, 0 to 60,000; anything else throws a `RangeError` and changes nothing). */
  latencyMs: number;
  /** The per-token rate limit, or false (settable; an invalid one throws a `RangeError` and changes nothing). */
  rateLimit: RateLimitOptions | false;
  /** The per-client limit of `revoke-leaked` (settable; an invalid one throws a `RangeError` and changes nothing). */
  leakReportLimit: RateLimitOptions;
  /**
   * Back to the seed (or the starting snapshot): state, clock, faults, recorded requests, rate-limit
   * windows, idempotency keys, and `latencyMs`/`rateLimit` as the options set them.
   */
  reset(): void;
  /** The whole state, JSON-serialisable, with secret hashes only (never a secret). */
  snapshot(): MockSnapshot;
  /** Replaces the state (and clock) with a snapshot; faults and recorded requests stay. */
  restore(snapshot: MockSnapshot): void;
}

const MAX_LATENCY_MS = 60_000;

function checkLatency(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
    throw new RangeError(`latencyMs must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`);
  }
  return ms;
}

function checkRateLimit(limit: RateLimitOptions | false): RateLimitOptions | false {
  if (limit === false) return false;
  const { limit: n, windowSeconds } = (limit ?? {}) as Partial<RateLimitOptions>;
  if (
    !Number.isInteger(n) ||
    (n as number) < 0 ||
    typeof windowSeconds !== 'number' ||
    !Number.isFinite(windowSeconds) ||
    windowSeconds <= 0
  ) {
    throw new RangeError(
      'rateLimit must be false or { limit: an integer >= 0, windowSeconds: a number > 0 }',
    );
  }
  return { limit: n as number, windowSeconds };
}

function checkLeakReportLimit(limit: RateLimitOptions): RateLimitOptions {
  const message = 'leakReportLimit must be { limit: an integer >= 1, windowSeconds: a number > 0 }';
  let checked: RateLimitOptions | false;
  try {
    checked = limit === (false as unknown) ? false : checkRateLimit(limit);
  } catch {
    throw new RangeError(message);
  }
  if (checked === false || checked.limit < 1) throw new RangeError(message);
  return checked;
}

/**
 * Creates a mock of the GraphToken API.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { BOOTSTRAP_TOKEN, createGraphTokenMock } from '@graphtoken/mock';
 *
 * const mock = createGraphTokenMock({ now: '2026-01-01T00:00:00Z' });
 * const server = setupServer(...mock.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * // fetch('https://api.graphtoken.dev/v1/tokens/self', { headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` } })
 */
export function createGraphTokenMock(options: GraphTokenMockOptions = {}): GraphTokenMock {
  return createMockInternals(options).mock;
}

/** What the standalone server's state database plugs into a mock. @internal */
export interface MockInternalOptions {
  /** Where replay records live instead of memory. */
  replays?: ReplayStore;
  /** Note every change for `state.takeChanges()`. */
  trackChanges?: boolean;
}

/** A mock and its insides, for the standalone server's persistence. @internal */
export function createMockInternals(
  options: GraphTokenMockOptions,
  internals: MockInternalOptions = {},
): { mock: GraphTokenMock; state: MockState } {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  new URL(baseUrl); // throws a clear TypeError for a bad base URL
  const seed = options.seed ?? defaultSeed;
  const onChange = () => options.onChange?.();
  const clock = createClock({
    ...(options.now !== undefined && { start: options.now }),
    frozen: options.freezeClock ?? false,
    onChange: () => {
      state.clockChanged();
      onChange();
    },
  });
  const state: MockState = new MockState(clock, onChange);
  state.trackChanges = internals.trackChanges ?? false;
  const startClock = clock.getState();
  const settings: MockSettings = {
    latencyMs: checkLatency(options.latencyMs ?? 0),
    rateLimit: checkRateLimit(options.rateLimit ?? false),
    leakReportLimit: checkLeakReportLimit(options.leakReportLimit ?? DEFAULT_LEAK_REPORT_LIMIT),
  };
  // Never rewound, not even by reset(): an id names one request in a log for the server's whole life.
  const nextRequestId = createRequestIds();
  const runtime: MockRuntime = {
    state,
    baseUrl,
    faults: createFaults(),
    requests: createRequests(
      options.journalSize ?? DEFAULT_JOURNAL_SIZE,
      options.journalBodyBytes ?? DEFAULT_JOURNAL_BODY_BYTES,
    ),
    settings,
    rateLimiter: createRateLimiter(),
    leakReportLimiter: createRateLimiter(),
    replays: internals.replays ?? createMemoryReplayStore(),
    basePath: new URL(baseUrl).pathname.replace(/\/$/, ''),
    nextRequestId,
  };

  const load = () => {
    if (options.snapshot) {
      state.loadSnapshot(options.snapshot);
      if (options.now !== undefined) clock.setState(startClock);
    } else {
      clock.setState(startClock);
      state.loadSeed(seed);
    }
  };
  load();

  const mock: GraphTokenMock = {
    handlers: createHandlers(runtime),
    baseUrl,
    seed: seedIds,
    clock: {
      now: () => clock.now(),
      advance: (by: ClockAdvance) => clock.advance(by),
      set: (at: Date | string) => clock.set(at),
    },
    faults: runtime.faults,
    requests: runtime.requests,
    store: createStore(state),
    get latencyMs() {
      return settings.latencyMs;
    },
    set latencyMs(ms: number) {
      settings.latencyMs = checkLatency(ms);
    },
    get rateLimit() {
      return settings.rateLimit;
    },
    set rateLimit(limit: RateLimitOptions | false) {
      settings.rateLimit = checkRateLimit(limit);
      runtime.rateLimiter.clear();
    },
    get leakReportLimit() {
      return settings.leakReportLimit;
    },
    set leakReportLimit(limit: RateLimitOptions) {
      settings.leakReportLimit = checkLeakReportLimit(limit);
      runtime.leakReportLimiter.clear();
    },
    reset() {
      settings.latencyMs = options.latencyMs ?? 0;
      settings.rateLimit = options.rateLimit ?? false;
      settings.leakReportLimit = options.leakReportLimit ?? DEFAULT_LEAK_REPORT_LIMIT;
      runtime.faults.clear();
      runtime.requests.clear();
      runtime.rateLimiter.clear();
      runtime.leakReportLimiter.clear();
      runtime.replays.clear();
      load();
      onChange();
    },
    snapshot: () => state.toSnapshot(),
    restore(snapshot) {
      // A snapshot that fails to load leaves the mock as it was.
      const before = state.toSnapshot();
      try {
        state.loadSnapshot(snapshot);
      } catch (error) {
        state.loadSnapshot(before);
        throw error;
      }
      runtime.rateLimiter.clear();
      runtime.replays.clear();
      onChange();
    },
  };
  return { mock, state };
}
