/**
 * Request paths that put something other than an id where a path id belongs, or bend the path
 * around an operation (trailing or doubled slashes, encoded dots and slashes). Each must be
 * answered `404 not_found` and reach no operation. Test-only.
 */

/** One hostile request: method and path under the mock's base URL. */
export interface HostilePath {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
}

const T = 'tok_bootstrap0000000';
const G = 'gr_research';
const B = 'blk_research1';

/** Paths a Fetch client can send (its URL parser resolves `.`/`..` and `%2e` first). */
export const hostilePaths: readonly HostilePath[] = [
  { method: 'DELETE', path: '/v1/tokens/self/' },
  { method: 'GET', path: '/v1/tokens/self/' },
  { method: 'DELETE', path: '/v1/tokens/%73elf' },
  { method: 'GET', path: '/v1/tokens/%73elf' },
  { method: 'POST', path: '/v1/tokens/self/rotate/' },
  { method: 'POST', path: '/v1/tokens/%73elf/rotate' },
  { method: 'PATCH', path: '/v1/tokens/self' },
  { method: 'GET', path: '/v1/tokens/' },
  { method: 'GET', path: '/v1/tokens/.' },
  { method: 'GET', path: '/v1/tokens/self/..' },
  { method: 'GET', path: '/v1/tokens/%2e' },
  { method: 'DELETE', path: '/v1/tokens/%2E%2E' },
  { method: 'GET', path: `/v1/tokens/${T}/` },
  { method: 'DELETE', path: `/v1/tokens/${T}%2F` },
  { method: 'POST', path: `/v1/tokens/${T}%2Frotate` },
  { method: 'POST', path: `/v1/tokens/${T}/rotate/` },
  { method: 'GET', path: `/v1/tokens/${T}%3Fx` },
  { method: 'GET', path: `/v1/tokens/${T}%23x` },
  { method: 'GET', path: `/v1/tokens/${T}%20` },
  { method: 'GET', path: `/v1/tokens/tok_bootstrap000000%30` },
  { method: 'GET', path: `/v1/tokens/tok_${'a'.repeat(65)}` },
  { method: 'GET', path: `/v1/tokens/tok_${'a'.repeat(5000)}` },
  { method: 'GET', path: '/v1/tokens/tok_short' },
  { method: 'GET', path: '/v1//tokens' },
  { method: 'GET', path: '//v1/tokens' },
  { method: 'DELETE', path: '/v1/tokens//' },
  { method: 'GET', path: '/v1/graphs/' },
  { method: 'GET', path: `/v1/graphs/${G}/` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/..` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/..` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/%2e%2e` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/` },
  { method: 'GET', path: `/v1/graphs/${G}%2Fblocks` },
  { method: 'GET', path: `/v1/graphs//blocks` },
  { method: 'GET', path: `/v1/graphs/${G}//blocks` },
  { method: 'GET', path: `/v1/graphs/${B}` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/${B}/` },
  { method: 'PATCH', path: `/v1/graphs/${G}/blocks/${B}%2F` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/${B}/..` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/${G}` },
];

/**
 * Raw targets only a raw HTTP client sends as is: a Fetch client resolves their dot segments
 * before sending, so only the standalone server sees them.
 */
export const rawHostileTargets: readonly HostilePath[] = [
  { method: 'GET', path: '/v1/tokens/self/..' },
  { method: 'DELETE', path: '/v1/tokens/self/..' },
  { method: 'GET', path: '/v1/tokens/.' },
  { method: 'GET', path: '/v1/tokens/%2e%2e/tokens' },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/..` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/%2e%2e` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks/.%2E/blocks` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/%2E%2E` },
  { method: 'DELETE', path: `/v1/graphs/${G}/blocks/${B}/%2e%2e/..` },
  { method: 'GET', path: `/v1/graphs/${G}/blocks\\..` },
  { method: 'GET', path: '/__mock/../v1/tokens' },
  { method: 'GET', path: '/v1/tokens/./self' },
  // A URL parser reads `\` as `/`: `tokens\self` would reach introspect, or revoke the caller.
  { method: 'GET', path: '/v1/tokens\\self' },
  { method: 'DELETE', path: '/v1/tokens\\self' },
  { method: 'GET', path: `/v1\\graphs\\${G}\\blocks` },
  { method: 'GET', path: '/v1/tokens%5Cself' },
  // An empty first segment is a path, never an authority (`//host/…`).
  { method: 'DELETE', path: '//tok_AAAAAAAAAAAAAAAAAAAA/v1/tokens/self' },
  { method: 'GET', path: `//${G}/v1/graphs/${G}` },
];
