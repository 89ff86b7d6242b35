import { BOOTSTRAP_TOKEN } from '../constants.js';

/**
 * The startup banner of `graphtoken-mock`: where it listens, and the base URL and token as
 * ready-to-paste `GRAPHTOKEN_BASE_URL=…` / `GRAPHTOKEN_TOKEN=…` lines (a `.env` file takes them as
 * they are; a shell takes the `export` line).
 *
 * The base URL is the server's origin, without `/v1`: the SDK adds `/v1` to every path itself, so
 * `…/v1` as `baseUrl` would send `GET /v1/v1/…`. The only secret printed is the bootstrap token, a
 * public test secret of the mock; a seed's own secrets are never printed, nor is any created token.
 *
 * @param options.url - the server's `http://<host>:<port>`.
 * @param options.version - the version of @graphtoken/mock.
 * @param options.bootstrap - whether the seed holds the bootstrap token (the default seed does).
 */
export function banner({
  url,
  version,
  bootstrap,
}: {
  url: string;
  version: string;
  bootstrap: boolean;
}): string {
  const lines = [
    `GraphToken mock ${version} listening on ${url}`,
    `  API: ${url}/v1/…   admin: ${url}/__mock/`,
  ];
  if (bootstrap) {
    lines.push(
      'Ready to paste (the SDK and the examples read these; the SDK adds /v1 itself):',
      `  GRAPHTOKEN_BASE_URL=${url}`,
      `  GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}`,
      `  export GRAPHTOKEN_BASE_URL=${url} GRAPHTOKEN_TOKEN=${BOOTSTRAP_TOKEN}`,
      'The token is the bootstrap token (scope manage: it mints the others), a public test secret for local use only.',
      `Try: curl -s ${url}/v1/tokens/self -H "Authorization: Bearer $GRAPHTOKEN_TOKEN"`,
    );
  } else {
    lines.push(
      'Ready to paste (the SDK adds /v1 itself):',
      `  GRAPHTOKEN_BASE_URL=${url}`,
      '  # GRAPHTOKEN_TOKEN=<one of the secrets in your seed file>',
    );
  }
  return lines.join('\n');
}
