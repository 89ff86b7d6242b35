/**
 * `@graphtoken/mock`: a stateful mock of the whole GraphToken API for offline tests, as msw 3
 * handlers. Runtime-neutral: it runs wherever msw does (Node, browsers, workers, Deno, Bun).
 * For Node test runners see `@graphtoken/mock/node`; for the browser, `@graphtoken/mock/browser`.
 *
 * @packageDocumentation
 */
export { ADMIN_PREFIX, type ClockCommand, createAdminHandlers } from './admin/index.js';
export type { ClockAdvance, ClockState, MockClock } from './clock.js';
export { BOOTSTRAP_TOKEN, DEFAULT_BASE_URL } from './constants.js';
export type { ActiveFault, FaultRule, MockFaults } from './faults.js';
export { DEFAULT_LEAK_REPORT_LIMIT } from './internal/pipeline.js';
export type { RateLimitOptions } from './internal/rate-limit.js';
export { createGraphTokenMock, type GraphTokenMock, type GraphTokenMockOptions } from './mock.js';
export {
  CUT_URL_MARKER,
  DEFAULT_JOURNAL_BODY_BYTES,
  DEFAULT_JOURNAL_SIZE,
  DROPPED_BODY_MARKER,
  DROPPED_HEADERS_KEY,
  type MockRequests,
  RECORDED_BODY_LIMIT,
  type RecordedRequest,
  type RequestMatch,
  TRUNCATED_MARKER,
} from './requests.js';
export {
  defaultSeed,
  type MockSeed,
  type SeedAccount,
  type SeedBlock,
  type SeedGraph,
  type SeedIds,
  type SeedToken,
  seedIds,
} from './seed.js';
export type {
  AccountRecord,
  AuditEventRecord,
  BlockRecord,
  GraphRecord,
  IdCounters,
  MockSnapshot,
  TokenRecord,
} from './store/records.js';
export { MockSetupError } from './store/state.js';
export type { MockAccount, MockGraph, MockStore, StoreTokenInput } from './store/store.js';
