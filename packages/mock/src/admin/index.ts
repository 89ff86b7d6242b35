/**
 * The mock's admin endpoints (`/__mock/...`) as runtime-neutral MSW handlers.
 *
 * @packageDocumentation
 */
export { ADMIN_PREFIX, createAdminHandlers } from './create-admin-handlers.js';
export type { ClockCommand } from './validate.js';
