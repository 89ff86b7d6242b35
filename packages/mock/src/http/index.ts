/**
 * `@graphtoken/mock/http`: the GraphToken mock as a real HTTP server (node:http on MSW's
 * `getResponse`), for test suites in any language, curl, and examples. Node only.
 *
 * @packageDocumentation
 */
export { ADMIN_PREFIX, createAdminHandlers } from '../admin/index.js';
export { MAX_BODY_BYTES } from './node-bridge.js';
export { checkSeed, loadSeedFile, MockFileError } from './seed-file.js';
export {
  type GraphTokenMockServer,
  type GraphTokenMockServerOptions,
  MockServerError,
  startGraphTokenMockServer,
} from './start-server.js';
export type { StateFileStatus } from './state-database.js';
