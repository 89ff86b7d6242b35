/** The `graphtoken-mock --help` text. */
export const USAGE = `Usage: graphtoken-mock [options]

Runs the GraphToken API mock as a local HTTP server: the whole /v1 API of
spec/openapi.yaml, plus admin endpoints under /__mock/ (faults, clock, reset,
recorded requests, state).

Options:
  -p, --port <n>           port to listen on; 0 picks any free port (default 4010)
  -H, --host <address>     address to listen on (default 127.0.0.1)
  -s, --seed <file>        JSON seed: accounts, graphs with roles, tokens, blocks
                           (default: the built-in seed with its bootstrap token)
      --state-file <file>  keep the state in this SQLite file across restarts: each
                           change is saved before it is answered (a JSON state file
                           of an earlier version is migrated, kept as <file>.bak)
      --latency <ms>       delay every /v1 response by this many milliseconds
      --rate-limit <n/s>   per-token rate limit, e.g. 100/60 = 100 requests per
                           60 seconds (default: off)
      --leak-report-limit <n/s>
                           per-client limit of POST /v1/tokens/revoke-leaked,
                           which needs no token; a client is a socket address
                           (default 60/60)
      --now <date-time>    start the mock's clock at this time (default: now)
      --journal-size <n>   how many requests /__mock/requests keeps; older ones are
                           dropped first (default 10000)
      --journal-body-bytes <n>
                           how many bytes /__mock/requests keeps of bodies and of
                           oversized headers (past 2 KiB) and URLs (past 256
                           characters); the oldest entries lose them first
                           (default 16777216)
      --cors-origin <url>  let web pages of this origin call the admin endpoints
                           (repeatable; * for any). /v1 answers every origin
      --allowed-host <name>
                           also answer requests with this Host (name or
                           name:port, repeatable); others get 400, so a web page
                           cannot reach the mock through DNS rebinding
      --admin-token <secret>
                           require Authorization: Bearer <secret> on the admin
                           endpoints (or set GRAPHTOKEN_MOCK_ADMIN_TOKEN); needed
                           for them when --host is not a loopback address
  -q, --quiet              do not log requests
  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 after SIGINT/SIGTERM, 1 when the server cannot start (port in use,
bad seed or state file), 2 for a usage error.

Examples:
  graphtoken-mock --port 0
  graphtoken-mock --seed ./seed.json --state-file ./.graphtoken-mock-state.db
  GRAPHTOKEN_MOCK_ADMIN_TOKEN=<secret> graphtoken-mock --host 0.0.0.0 --allowed-host mock
  curl -H "Authorization: Bearer <token>" http://127.0.0.1:4010/v1/tokens/self
`;
