// TypeScript types of the GraphToken API.
// Generated from spec/openapi.yaml by packages/contract/scripts/generate.mjs. Do not edit: run `pnpm generate`.

/** Every path of the API with its operations, keyed by path template (openapi-fetch style). */
export interface paths {
    "/v1/tokens/self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Introspect the calling token
         * @description Who am I: the calling token's metadata (never its secret), the account it acts for, and
         *     its effective scopes on each graph it is bound to and its creator can still see
         *     (`grants`: token scopes ∩ the creator's current role). Needs any valid token, no scope
         *     (RFC 7662 in spirit). Like every authenticated request, this one updates `lastUsedAt`,
         *     so `token.lastUsedAt` is the time of this request. A rotated token still in its grace
         *     period is `active` and shows in `revokedAt` when it stops working.
         */
        get: operations["introspectToken"];
        put?: never;
        post?: never;
        /**
         * Revoke the calling token
         * @description Revokes the token that makes the request, immediately and irreversibly: the thing to do
         *     when a secret has leaked. Needs any valid token, no scope (RFC 7009 in spirit). Sets
         *     `revokedAt` to now (ending any rotation grace period). Every later request with this
         *     secret, including a second call to this endpoint, gets `401 token_revoked`.
         */
        delete: operations["revokeSelfToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/self/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the calling token
         * @description The calling token replaces itself with a successor, as `rotateToken` does, without
         *     needing `manage`: a pipeline rotates its own secret on schedule (GitLab's self-rotation).
         *     The successor has the same `name`, `description`, `scopes`, `graphIds` and `expiresAt`
         *     and a new secret, shown once in this response (`Cache-Control: no-store`); the calling
         *     token gets `rotatedTo` and `revokedAt` = now + `gracePeriodSeconds` (default 0: the
         *     calling secret stops working when this answer is sent, so store the new one first, or
         *     ask for a grace period). A token already rotated (it has a `rotatedTo`, e.g. during its
         *     grace period) gets `409 token_not_active`: its successor is the one to rotate. As for any
         *     rotation, the token's creator must still be `owner` or `admin` of every graph it is bound
         *     to (`403 not_graph_admin`). Honours `Idempotency-Key`: a replay returns the stored 201
         *     response, secret included, even after a grace period of 0 revoked the calling secret (see
         *     Idempotency: only that case; a secret revoked any other way or expired gets `401`).
         *     Recorded as a `token.rotated` audit event.
         */
        post: operations["rotateSelfToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/revoke-leaked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report leaked secrets
         * @description Anyone who finds a GraphToken secret where it should not be (a public repository, a
         *     paste, a log) reports it here, without an account or a token, as with GitHub's
         *     credential revocation API. Every reported string that is a well-formed secret (prefix,
         *     length and checksum) of an active token, one in its rotation grace period included, is
         *     revoked at once and recorded as a `token.revoked` audit event with reason `leak_report`
         *     and actor `system`. Other strings (not secrets, unknown, already revoked or expired) are
         *     ignored.
         *
         *     The answer is the same `202` whatever was revoked: it never says which secrets were
         *     valid, so it cannot be used to test secrets. A body that breaks the schema gets
         *     `422 validation_failed` as anywhere else. Limited per client (`429 rate_limited`, with
         *     `RateLimit-Policy: "client";…`). Credentials sent with it are ignored, and an
         *     `Idempotency-Key` is not needed: reporting a secret twice changes nothing more.
         */
        post: operations["revokeLeakedTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description The tokens the calling token's account created, plus those bound to graphs it owns or
         *     administers, newest first (`createdAt` descending) unless `sort` says otherwise.
         *     Metadata only: a secret is never listed. Revoked and expired tokens stay listed (people
         *     debug failures with them).
         *
         *     Filters, all combinable (a token is listed when it matches every one given):
         *     - `status` (computed at request time) and `graphId` (tokens bound to that graph; an
         *       unknown graph gives an empty page);
         *     - stale tokens: `lastUsedBefore` (not used since that time: last used before it, or never
         *       used and created before it), `neverUsed`, `createdBefore`, `expiresBefore` (tokens
         *       with an `expiresAt` before that time, already expired ones included);
         *     - `q`: a case-insensitive substring of the name or the description.
         *
         *     Cursor-paginated: follow `nextCursor` with the same filters, `sort` and `limit` until it
         *     is `null`. Needs `manage`.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a token
         * @description Mints a token for the calling token's account (`createdBy` is that account). The
         *     secret is in this response only (`Cache-Control: no-store`): store it now, it can never
         *     be shown again; the server keeps only a hash. Needs `manage`.
         *
         *     Rules, checked in this order after the body validates:
         *     - `scopes` are stored normalised (`[read, write]` → `[write]`).
         *     - `graphIds` needs at least one graph when `scopes` has `read`, `append` or `write`
         *       (`422 validation_failed`).
         *     - each graph must be visible to the account (`404 not_found`), and the account must be
         *       its `owner` or `admin` (`403 not_graph_admin`): owners and admins mint tokens only for
         *       their own graphs, never for a graph shared with them.
         *     - `read` and `write` cannot be bound to an encrypted graph, which is append-only
         *       (`422 scope_not_allowed_for_encrypted_graph`).
         *     - `expiresAt` is `null` or absent (never expires), or a future time at most one year
         *       (365 days) ahead (`422 validation_failed`).
         *
         *     The token's effective permission is its scopes ∩ the creator's current role on each
         *     graph. Honours `Idempotency-Key`: a replay returns the stored 201 response, secret
         *     included, so a client that lost the response to a network failure can recover it.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a token
         * @description One token's metadata, never its secret, whatever its status. A token the account can
         *     neither see as creator nor as owner/admin of one of its graphs gets `404 not_found`, as
         *     an unknown or malformed id does. Needs `manage`.
         */
        get: operations["getToken"];
        put?: never;
        post?: never;
        /**
         * Revoke a token
         * @description Revokes a token immediately and irreversibly (RFC 7009 in spirit): `revokedAt` becomes
         *     now and every later request with its secret gets `401 token_revoked`. Idempotent:
         *     revoking a revoked token is `204` again and leaves `revokedAt` unchanged. Revoking a
         *     token whose rotation grace period is still running ends it now; revoking an expired
         *     token records `revokedAt` (its status becomes `revoked`). The token stays listable.
         *     A token can revoke itself this way too. Needs `manage`.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        /**
         * Rename or redescribe a token
         * @description Changes a token's `name` and/or `description`, nothing else: scopes, graphs and expiry
         *     are fixed at creation (create a new token, or rotate, instead). Send at least one of the
         *     two; `description: null` clears it. Any other property gets `422 validation_failed`.
         *     Works on revoked and expired tokens too. Needs `manage`. Only the account that created
         *     the token may rename it: an owner or admin of a graph it is bound to gets
         *     `403 not_token_owner` (they may still get and revoke it); any other account gets
         *     `404 not_found`.
         */
        patch: operations["updateToken"];
        trace?: never;
    };
    "/v1/tokens/{tokenId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a token
         * @description Replaces a token with a successor that has the same `name`, `description`, `scopes`,
         *     `graphIds` and `expiresAt`, and a new secret, shown once in this response
         *     (`Cache-Control: no-store`). The successor gets `rotatedFrom` = the old id; the old token
         *     gets `rotatedTo` = the new id and `revokedAt` = now + `gracePeriodSeconds`.
         *
         *     With the default grace period of 0 the old secret stops working at once. With a grace
         *     period the old token stays `active` (its `revokedAt` in the future) so a pipeline can
         *     swap secrets without downtime; after it, the old secret gets `401 token_revoked`.
         *     Revoking the old token ends its grace period early. Rotating a token that is `revoked`,
         *     `expired` or already rotated (it has a `rotatedTo`; rotate its successor instead) gets
         *     `409 token_not_active`. The body is optional. Honours
         *     `Idempotency-Key`: a replay returns the stored 201 response, secret included.
         *     Needs `manage`. Only the account that created the token may rotate it, since the new
         *     secret acts as that account: an owner or admin of a graph it is bound to gets
         *     `403 not_token_owner` (they may still get and revoke it); any other account gets
         *     `404 not_found`. A rotation mints a secret, so, as for `createToken`, the creator must
         *     still be `owner` or `admin` of every graph the token is bound to: a creator since demoted
         *     to `editor` or `viewer` (or removed) gets `403 not_graph_admin`. A token can also rotate
         *     itself without `manage`: `POST /v1/tokens/self/rotate`.
         */
        post: operations["rotateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/graphs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the graphs the token can reach
         * @description The graphs the calling token is bound to (its `graphIds`) that its creator can still
         *     see, plus, for a token with `manage`, every graph its creator owns or administers (with
         *     `scopes: []` when the token is not bound to it). Each graph shows the creator's `role`
         *     and the token's effective `scopes` there (token scopes ∩ role). Needs any valid token:
         *     every token has at least one scope. Not paginated.
         */
        get: operations["listGraphs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/graphs/{graphId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a graph
         * @description One graph's metadata, with the creator's `role` and the token's effective `scopes`
         *     there. Needs any one of `read`, `append` or `write` on that graph. A graph the creator
         *     can see but the token is not bound to gets `403 graph_not_in_token`; a graph the
         *     creator cannot see gets `404 not_found`.
         */
        get: operations["getGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/graphs/{graphId}/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List blocks
         * @description A graph's blocks, oldest first (creation order). Cursor-paginated: follow `nextCursor`
         *     with the same `limit` until it is `null`. Needs `read` on that graph (`write` implies
         *     it); an `append`-only token cannot read, so encrypted graphs cannot be listed.
         */
        get: operations["listBlocks"];
        put?: never;
        /**
         * Append blocks
         * @description Appends a batch of 1 to 100 blocks to a graph, all or nothing: if one block is invalid,
         *     none is added (`422 validation_failed`, with a field such as `blocks[2].content`). The
         *     response lists the created blocks in request order. The only way to add content to an
         *     encrypted graph. Needs `append` on that graph (`write` implies it). Honours
         *     `Idempotency-Key`: a replay returns the stored 201 response with
         *     `Idempotent-Replayed: true` and appends nothing.
         */
        post: operations["appendBlocks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/graphs/{graphId}/blocks/{blockId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a block
         * @description One block of a graph. Needs `read` on that graph (`write` implies it). A block that does
         *     not exist in this graph (or was deleted) gets `404 not_found`.
         */
        get: operations["getBlock"];
        put?: never;
        post?: never;
        /**
         * Delete a block
         * @description Deletes a block for good. Needs `write` on that graph. Deleting a block that is already
         *     gone gets `404 not_found`.
         */
        delete: operations["deleteBlock"];
        options?: never;
        head?: never;
        /**
         * Edit a block
         * @description Replaces a block's `content` and sets `updatedAt` to now. Needs `write` on that graph:
         *     `read` and `append` tokens cannot change content, and no token can on an encrypted
         *     graph.
         */
        patch: operations["updateBlock"];
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description What happened to the tokens the calling token's account may see (those it created and
         *     those bound to graphs it owns or administers, as for `listTokens`), newest first
         *     (`occurredAt` descending). Filter by `tokenId`, `type` and `since` (events at or after
         *     that time). An event is recorded when it happens; an expiry and the end of a rotation
         *     grace period are recorded at the time they happened (`occurredAt` = `expiresAt` or
         *     `revokedAt`), as soon as that time has passed. Events are kept for 400 days. Never
         *     holds a secret. Cursor-paginated: follow `nextCursor` with the same filters and `limit`
         *     until it is `null`. Needs `manage`.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
/** The reusable parts of the spec: schemas, responses, parameters, headers. */
export interface components {
    schemas: {
        /**
         * @description A token scope. `write` implies `read` and `append`; `manage` is account-level (token
         *     management for the graphs the creator owns or administers) and not limited by
         *     `graphIds`.
         * @enum {string}
         */
        Scope: "read" | "append" | "write" | "manage";
        /**
         * @description An account's role on a graph. It caps what the account's tokens can do there:
         *     `viewer` → `read`; `editor` → `read`, `append`, `write`; `owner`/`admin` → all, and
         *     only owners and admins can mint tokens for the graph.
         * @enum {string}
         */
        Role: "owner" | "admin" | "editor" | "viewer";
        /**
         * @description Computed at request time: `revoked` when `revokedAt` <= now; else `expired` when
         *     `expiresAt` <= now; else `active`.
         * @enum {string}
         */
        TokenStatus: "active" | "revoked" | "expired";
        /**
         * @description The machine-readable error code of a problem, each with one HTTP status:
         *     `invalid_request` 400; `missing_token`, `malformed_token`, `invalid_token`,
         *     `token_revoked`, `token_expired` 401; `insufficient_scope`, `graph_not_in_token`,
         *     `not_graph_admin`, `not_token_owner` 403; `not_found` 404; `token_not_active` 409; `request_too_large` 413;
         *     `validation_failed`, `scope_not_allowed_for_encrypted_graph` 422; `rate_limited` 429;
         *     `internal_error` 500.
         * @enum {string}
         */
        ErrorCode: "invalid_request" | "missing_token" | "malformed_token" | "invalid_token" | "token_revoked" | "token_expired" | "insufficient_scope" | "graph_not_in_token" | "not_graph_admin" | "not_token_owner" | "not_found" | "token_not_active" | "request_too_large" | "validation_failed" | "scope_not_allowed_for_encrypted_graph" | "rate_limited" | "internal_error";
        /** @description A token's metadata. Never holds the secret. */
        Token: {
            /** @description The public id. Not a secret. */
            id: string;
            /** @description The name of the application or pipeline that uses the token. */
            name: string;
            /** @description The expected usage, or null. */
            description: string | null;
            /** @description The token's scopes, normalised (implied scopes dropped). */
            scopes: components["schemas"]["Scope"][];
            /**
             * @description The graphs the data scopes (`read`, `append`, `write`) apply to; empty only for a
             *     `manage`-only token.
             */
            graphIds: string[];
            /** Format: date-time */
            createdAt: string;
            /** @description The account that created the token; its role caps the token's permission. */
            createdBy: string;
            /**
             * Format: date-time
             * @description When the token expires, or null for never.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description The time of the token's last authenticated request, or null if never used.
             */
            lastUsedAt: string | null;
            status: components["schemas"]["TokenStatus"];
            /**
             * Format: date-time
             * @description When the token was (or will be) revoked, or null. In the future while a rotated
             *     token's grace period runs; the token stays `active` until then.
             */
            revokedAt: string | null;
            /** @description The id of the token this one replaced by rotation, or null. */
            rotatedFrom: string | null;
            /** @description The id of the token that replaced this one by rotation, or null. */
            rotatedTo: string | null;
            /** @description The last 4 characters of the secret, to recognise the token in a list. */
            hint: string;
        };
        /**
         * @description A token and its secret: only in the create and rotate responses, shown once. Store the
         *     secret now; it can never be retrieved again.
         */
        TokenWithSecret: {
            token: components["schemas"]["Token"];
            /** @description The secret: `gt_`, 30 random base62 characters and a 6-character base62 CRC32 checksum. */
            secret: string;
        };
        /** @description One page of tokens, newest first. */
        TokenPage: {
            data: components["schemas"]["Token"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description The account a token acts for. */
        Account: {
            id: string;
            name: string;
        };
        /** @description What the calling token may do on one graph it is bound to. */
        Grant: {
            graphId: string;
            graphName: string;
            role: components["schemas"]["Role"];
            /**
             * @description The effective scopes (token scopes ∩ the creator's role), normalised; never
             *     `manage`; empty when the role allows none of the token's scopes.
             */
            scopes: components["schemas"]["Scope"][];
        };
        /** @description The calling token, its account and its effective grants. */
        Introspection: {
            token: components["schemas"]["Token"];
            account: components["schemas"]["Account"];
            /** @description One per graph in `graphIds` that the creator can still see. */
            grants: components["schemas"]["Grant"][];
        };
        CreateTokenRequest: {
            /**
             * @description The name of the application or pipeline that will use the token. A name holding a well-formed token secret (literal, percent-encoded or JSON-escaped) is refused
             *     with `422 validation_failed` naming `name` (the value is not echoed): names are shown in every token list.
             */
            name: string;
            /**
             * @description The expected usage. A description holding a well-formed token secret is refused with `422
             *     validation_failed` naming `description`, as for `name`.
             */
            description?: string | null;
            /** @description Stored normalised (`[read, write]` → `[write]`). */
            scopes: components["schemas"]["Scope"][];
            /**
             * @description The graphs to bind; at least one when `scopes` has `read`, `append` or `write`. The
             *     account must be `owner` or `admin` of each.
             */
            graphIds?: string[];
            /**
             * Format: date-time
             * @description A future time at most one year (365 days) ahead; null or absent for never.
             */
            expiresAt?: string | null;
        };
        /** @description Name and description only; at least one of them. */
        UpdateTokenRequest: {
            /**
             * @description A name holding a well-formed token secret (literal, percent-encoded or JSON-escaped) is refused
             *     with `422 validation_failed` naming `name` (the value is not echoed): names are shown in every token list.
             */
            name?: string;
            /**
             * @description null clears the description. A description holding a well-formed token secret is refused with `422
             *     validation_failed` naming `description`, as for `name`.
             */
            description?: string | null;
        };
        RotateTokenRequest: {
            /**
             * @description How long the old secret keeps working, in seconds (at most 7 days): the old token's
             *     `revokedAt` becomes now + this. 0 revokes it at once.
             * @default 0
             */
            gracePeriodSeconds?: number;
        };
        /**
         * @description A `listTokens` order; `-` means descending.
         * @enum {string}
         */
        TokenSort: "createdAt" | "-createdAt" | "lastUsedAt" | "-lastUsedAt" | "expiresAt" | "name";
        RevokeLeakedRequest: {
            /**
             * @description The strings found, 1 to 100 of them. Those that are not GraphToken secrets are
             *     ignored, so a scanner may send what it matched without checking it first.
             */
            secrets: string[];
        };
        RevokeLeakedResult: {
            /** @description How many strings the report held. Never how many were valid secrets. */
            received: number;
        };
        /**
         * @description What happened: `token.created` (by create or rotation), `token.updated` (renamed or
         *     redescribed), `token.rotated` (a successor was minted; see `successorId`),
         *     `token.revoked` (see `reason`), `token.expired` (its `expiresAt` passed),
         *     `token.first_used` (its first authenticated request).
         * @enum {string}
         */
        AuditEventType: "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.expired" | "token.first_used";
        /**
         * @description Why a token was revoked: `manual` (by a `manage` token, `revokeToken`), `self` (the
         *     token revoked itself), `rotation_grace_ended` (it was rotated and its grace period, maybe
         *     0, ended), `leak_report` (its secret was reported through `revoke-leaked`).
         * @enum {string}
         */
        RevocationReason: "manual" | "self" | "rotation_grace_ended" | "leak_report";
        /** @description One thing that happened to a token. Never holds a secret. */
        AuditEvent: {
            id: string;
            type: components["schemas"]["AuditEventType"];
            /** Format: date-time */
            occurredAt: string;
            /** @description The token it happened to. */
            tokenId: string;
            /**
             * @description The account whose token did it (for a self-rotation or first use, the token's own
             *     creator), or `system` for what the service did itself (expiry, end of a grace
             *     period, a leak report).
             */
            actor: string;
            /** @description For `token.revoked`, why; null for every other type. */
            reason: components["schemas"]["RevocationReason"] | null;
            /** @description For `token.rotated`, the id of the successor; null for every other type. */
            successorId: string | null;
        };
        /** @description One page of audit events, newest first. */
        AuditEventPage: {
            data: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description A graph, as the calling token sees it. */
        Graph: {
            id: string;
            name: string;
            /** @description Encrypted graphs are append-only; only `append` can be bound to them. */
            encrypted: boolean;
            role: components["schemas"]["Role"];
            /**
             * @description The calling token's effective scopes on this graph (its scopes ∩ the creator's
             *     role), normalised; never `manage`; empty when the graph is reachable only through
             *     `manage`.
             */
            scopes: components["schemas"]["Scope"][];
        };
        GraphList: {
            data: components["schemas"]["Graph"][];
        };
        /** @description A block of graph content. */
        Block: {
            id: string;
            graphId: string;
            /** @description 1 to 10,000 characters (Unicode code points, see "Lengths of strings"). */
            content: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description One page of blocks, oldest first. */
        BlockPage: {
            data: components["schemas"]["Block"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description The created blocks, in request order. */
        AppendBlocksResult: {
            data: components["schemas"]["Block"][];
        };
        NewBlock: {
            /** @description 1 to 10,000 characters (Unicode code points, see "Lengths of strings"). */
            content: string;
        };
        AppendBlocksRequest: {
            blocks: components["schemas"]["NewBlock"][];
        };
        UpdateBlockRequest: {
            /** @description 1 to 10,000 characters (Unicode code points, see "Lengths of strings"). */
            content: string;
        };
        /** @description An RFC 9457 problem details body (`application/problem+json`). Never contains a secret. */
        Problem: {
            /**
             * Format: uri
             * @description `https://docs.graphtoken.dev/errors/<code>`: the documentation of the error.
             */
            type: string;
            /** @description A short, human-readable summary of the error type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong in this request, and what to check or do next. */
            detail: string;
            code: components["schemas"]["ErrorCode"];
            /** @description The request id, as in the `X-Request-Id` header. */
            requestId: string;
            /**
             * @description With `insufficient_scope`: the scopes the operation accepts; any one of them is
             *     enough.
             */
            requiredScopes?: components["schemas"]["Scope"][];
            /**
             * @description With `insufficient_scope`: the token's scopes (on a graph: its effective scopes
             *     there), normalised.
             */
            grantedScopes?: components["schemas"]["Scope"][];
            /** @description With `validation_failed` (and `scope_not_allowed_for_encrypted_graph`) the failing fields. */
            errors?: components["schemas"]["FieldError"][];
            /** @description With `rate_limited`, seconds to wait before retrying (as `Retry-After`). */
            retryAfter?: number;
        };
        /** @description One field that broke the contract. */
        FieldError: {
            /**
             * @description A body path (`name`, `graphIds[0]`, `blocks[2].content`), or the name of a query
             *     parameter or header (`limit`, `cursor`, `Idempotency-Key`).
             */
            field: string;
            /** @description What is wrong with it. */
            message: string;
        };
    };
    responses: {
        /**
         * @description `invalid_request`: the credentials are not presented as `Authorization: Bearer <token>`:
         *     another scheme, a malformed header, two credentials, or a token in the query string.
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 400;
                    /** @enum {string} */
                    code?: "invalid_request";
                };
            };
        };
        /**
         * @description No usable token: none sent (`missing_token`), not a well-formed GraphToken secret
         *     (`malformed_token`, caught by its prefix, length or checksum without a lookup),
         *     unknown (`invalid_token`), revoked (`token_revoked`) or expired (`token_expired`).
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 401;
                    /** @enum {string} */
                    code?: "missing_token" | "malformed_token" | "invalid_token" | "token_revoked" | "token_expired";
                };
            };
        };
        /**
         * @description `insufficient_scope`: the token is valid but lacks the scope the operation needs
         *     (`requiredScopes` lists the accepted ones, `grantedScopes` the token's).
         */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticateInsufficientScope"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "insufficient_scope";
                };
            };
        };
        /**
         * @description `insufficient_scope`: the token lacks `manage`. `not_graph_admin`: the account behind
         *     the calling token is not `owner` or `admin` of a graph in `graphIds` (a graph shared
         *     with it as `editor` or `viewer`); owners and admins mint tokens only for their own
         *     graphs.
         */
        ForbiddenCreate: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticateInsufficientScope"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "insufficient_scope" | "not_graph_admin";
                };
            };
        };
        /**
         * @description `insufficient_scope`: the token's effective scopes on this graph (its scopes ∩ the
         *     creator's current role) do not cover the operation. `graph_not_in_token`: the
         *     creator can see the graph but the token is not bound to it.
         */
        ForbiddenGraph: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticateInsufficientScope"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "insufficient_scope" | "graph_not_in_token";
                };
            };
        };
        /**
         * @description `insufficient_scope`: the token lacks `manage`. `not_token_owner`: the calling token's
         *     account can see this token (as owner or admin of a graph it is bound to) but did not
         *     create it. Only the creator's account may rename or rotate a token, because a rotation
         *     issues a secret that acts as the creator; owners and admins of a bound graph may still
         *     get, list and revoke it.
         */
        ForbiddenTokenOwner: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticateInsufficientScope"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "insufficient_scope" | "not_token_owner";
                };
            };
        };
        /**
         * @description `insufficient_scope`: the token lacks `manage`. `not_token_owner`: the calling token's
         *     account can see this token (as owner or admin of a graph it is bound to) but did not
         *     create it; only the creator rotates a token, since the new secret acts as the creator.
         *     `not_graph_admin`: the creator is no longer `owner` or `admin` of a graph the token is
         *     bound to; a rotation mints a secret, and only owners and admins mint tokens.
         */
        ForbiddenRotate: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWWAuthenticateInsufficientScope"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "insufficient_scope" | "not_token_owner" | "not_graph_admin";
                };
            };
        };
        /**
         * @description `not_graph_admin`: the calling token's creator is no longer `owner` or `admin` of a graph
         *     the token is bound to, so the token cannot mint its successor. Ask an owner or admin of
         *     that graph for a new token.
         */
        ForbiddenRotateSelf: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {string} */
                    code?: "not_graph_admin";
                };
            };
        };
        /**
         * @description `not_found`: no such token, graph or block, or one the calling token's account cannot
         *     see (the API does not tell the two apart).
         */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 404;
                    /** @enum {string} */
                    code?: "not_found";
                };
            };
        };
        /**
         * @description `token_not_active`: the token to rotate is `revoked`, `expired` or already rotated;
         *     only an active token without a successor can be rotated. Rotate its successor, or
         *     create a new token instead.
         */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 409;
                    /** @enum {string} */
                    code?: "token_not_active";
                };
            };
        };
        /**
         * @description `validation_failed`: the body, a query parameter or a header breaks this contract
         *     (including a body that is not JSON, an unknown property, a query parameter the
         *     operation does not take or one given twice, an invalid cursor, or an
         *     `Idempotency-Key` reused with a different body). `errors` lists each failing field:
         *     a body path such as `blocks[2].content`, or a parameter or header name such as
         *     `limit` or `Idempotency-Key`.
         */
        ValidationFailed: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 422;
                    /** @enum {string} */
                    code?: "validation_failed";
                };
            };
        };
        /**
         * @description `validation_failed`: the body or a header breaks this contract (see `errors`), e.g. a
         *     name too long, no `graphIds` for a data scope, `expiresAt` in the past or more than a
         *     year ahead. `scope_not_allowed_for_encrypted_graph`: `read` or `write` bound to an
         *     encrypted graph, which accepts only `append`.
         */
        ValidationFailedCreate: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 422;
                    /** @enum {string} */
                    code?: "validation_failed" | "scope_not_allowed_for_encrypted_graph";
                };
            };
        };
        /**
         * @description `request_too_large`: the request body is larger than the server reads (8 MiB; the
         *     largest valid request, 100 blocks of 10,000 characters, is about 4 MB). Nothing was
         *     done. Send a smaller body, e.g. split an append into batches.
         */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 413;
                    /** @enum {string} */
                    code?: "request_too_large";
                };
            };
        };
        /**
         * @description `rate_limited`: this token sent too many requests. Wait `Retry-After` seconds (also in
         *     the body as `retryAfter`) before retrying.
         */
        RateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 429;
                    /** @enum {string} */
                    code?: "rate_limited";
                };
            };
        };
        /**
         * @description `internal_error`: an unexpected server error. Safe to retry idempotent requests (and
         *     POSTs sent with an `Idempotency-Key`); quote the `requestId` if it persists.
         */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 500;
                    /** @enum {string} */
                    code?: "internal_error";
                };
            };
        };
    };
    parameters: {
        /**
         * @description A token's public id (`tok_` and 16 to 64 letters or digits), never its secret. An
         *     unknown id, or one the calling account cannot see, gets `404 not_found`; so does an id
         *     that breaks the pattern (`self`, `.`, `..`, an encoded `/`), which never reaches another
         *     operation. Clients refuse such an id before sending anything.
         * @example tok_G5KdR5pNKRaVTet6
         */
        TokenId: string;
        /**
         * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
         *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
         *     which never reaches another operation. Clients refuse such an id before sending anything.
         * @example gr_x2nEgXwpV83v
         */
        GraphId: string;
        /**
         * @description A block's id (`blk_` and 1 to 64 letters or digits). An unknown id, or a block of
         *     another graph, gets `404 not_found`; so does an id that breaks the pattern, which never
         *     reaches another operation. Clients refuse such an id before sending anything.
         * @example blk_NZkSLr0kiC9I
         */
        BlockId: string;
        /**
         * @description The `nextCursor` of the previous page; omit it for the first page. Opaque: do not
         *     build or edit one. An invalid cursor gets `422 validation_failed` on field `cursor`.
         * @example eyJjIjoiMjAyNS0wMy0wMVQxMjowMDowMFoifQ
         */
        Cursor: string;
        /**
         * @description How many tokens per page, 1 to 100 (outside that range → `422 validation_failed`).
         * @example 20
         */
        TokenLimit: number;
        /**
         * @description How many blocks per page, 1 to 100 (outside that range → `422 validation_failed`).
         * @example 50
         */
        BlockLimit: number;
        /**
         * @description Only tokens with this status, as computed at request time.
         * @example active
         */
        TokenStatusFilter: components["schemas"]["TokenStatus"];
        /**
         * @description Only tokens bound to this graph. An unknown graph gives an empty page.
         * @example gr_x2nEgXwpV83v
         */
        GraphIdFilter: string;
        /**
         * @description Only tokens not used since this time: last used before it, or never used and created
         *     before it. `now - 90 days` finds the tokens idle for 90 days.
         * @example 2025-08-22T00:00:00Z
         */
        LastUsedBefore: string;
        /**
         * @description Only tokens created before this time.
         * @example 2025-01-01T00:00:00Z
         */
        CreatedBefore: string;
        /**
         * @description Only tokens with an `expiresAt` before this time (those that never expire are left
         *     out; those already expired are in). `now + 7 days` finds the tokens about to expire.
         * @example 2025-11-27T00:00:00Z
         */
        ExpiresBefore: string;
        /**
         * @description `true`: only tokens never used (`lastUsedAt` null); `false`: only tokens used at least once.
         * @example true
         */
        NeverUsed: boolean;
        /**
         * @description Only tokens whose `name` or `description` contains this text, ignoring case (Unicode
         *     lower-casing, without locale rules).
         * @example pipeline
         */
        TokenSearch: string;
        /**
         * @description The order of the list: a field, descending when prefixed with `-`. `-createdAt` (newest
         *     first) by default. Tokens without the field (never used, never expiring) come last in
         *     either direction; ties keep creation order (reversed when descending, as `-createdAt`
         *     lists the later of two tokens created at the same time first). `name` compares code
         *     points.
         * @example -lastUsedAt
         */
        TokenSort: components["schemas"]["TokenSort"];
        /**
         * @description Only the events of this token. A token the caller may not see gives an empty page.
         * @example tok_MPxf0A9Rt4jp5IIk
         */
        AuditTokenIdFilter: string;
        /**
         * @description Only events of this type.
         * @example token.revoked
         */
        AuditEventTypeFilter: components["schemas"]["AuditEventType"];
        /**
         * @description Only events that occurred at or after this time.
         * @example 2025-11-01T00:00:00Z
         */
        Since: string;
        /**
         * @description How many events per page, 1 to 100 (outside that range → `422 validation_failed`).
         * @example 20
         */
        AuditEventLimit: number;
        /**
         * @description A unique key (a UUID, say) that makes this POST safe to retry. A retry with the same
         *     key and body returns the stored original response with `Idempotent-Replayed: true` and
         *     does nothing else; the same key with a different body gets `422 validation_failed` on
         *     field `Idempotency-Key`. Keys are scoped to the calling token. A stored response is kept
         *     for 24 hours, across server restarts; a create or rotate replay carries the same secret,
         *     stored encrypted with a key derived from this header's value (not stored), so a retry after
         *     a restart never creates a second token. Use a random key (a UUID): the key is what
         *     protects a stored secret.
         * @example 6f1c2b9e-8a4d-4c1e-9f3a-2d7b5e8c0a41
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The id of this request (`req_…`), also in error bodies as `requestId`. Quote it to support.
         * @example req_7Hq2LmX9vB4nKp3T
         */
        XRequestId: string;
        /**
         * @description RFC 6750 challenge. By code:
         *     - `missing_token`: `Bearer realm="graphtoken"`
         *     - `invalid_request`: `Bearer error="invalid_request"`
         *     - `malformed_token`, `invalid_token`: `Bearer error="invalid_token"`
         *     - `token_revoked`: `Bearer error="invalid_token", error_description="token revoked"`
         *     - `token_expired`: `Bearer error="invalid_token", error_description="token expired"`
         * @example Bearer error="invalid_token", error_description="token revoked"
         */
        WWWAuthenticate: string;
        /**
         * @description RFC 6750 challenge, present when the code is `insufficient_scope`:
         *     `Bearer error="insufficient_scope", scope="<scopes>"`, where `<scopes>` lists the
         *     accepted scopes, space-separated (any one of them is enough). Absent for other 403 codes.
         * @example Bearer error="insufficient_scope", scope="manage"
         */
        WWWAuthenticateInsufficientScope: string;
        /**
         * @description Seconds to wait before retrying (also in the body as `retryAfter`).
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description Always `no-store`: the response holds a secret that must not be cached.
         * @example no-store
         */
        CacheControlNoStore: "no-store";
        /**
         * @description `true` when this response is a stored one, replayed for a retry with the same
         *     `Idempotency-Key`; absent otherwise.
         * @example true
         */
        IdempotentReplayed: "true";
        /**
         * @description When the calling token stops working (RFC 3339, UTC), as it stands after the operation:
         *     its `expiresAt`, or the end of its rotation grace period when that comes first (so a
         *     rotation of the calling token carries its new grace period's end). Present on every answer to an
         *     authenticated request whose token has such a time; absent for a token that never
         *     expires. Modelled on GitHub's `GitHub-Authentication-Token-Expiration`.
         * @example 2026-09-14T08:30:00Z
         */
        TokenExpiration: string;
        /**
         * @description The rate-limit policy that applies (draft-ietf-httpapi-ratelimit-headers-09, a
         *     Structured Fields list): `"token";q=<requests per window>;w=<window in seconds>` for
         *     the per-token limit, or `"client";q=…;w=…` for the per-client limit of
         *     `revoke-leaked`. Present when a limit applies.
         * @example "token";q=100;w=60
         */
        RateLimitPolicy: string;
        /**
         * @description The state of that policy now (draft-ietf-httpapi-ratelimit-headers-09):
         *     `"token";r=<requests left in this window>;t=<seconds until the window resets>`. When
         *     `r` is 0, the next request before `t` seconds gets `429 rate_limited`.
         * @example "token";r=42;t=17
         */
        RateLimit: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
/** Every operation of the API, keyed by operationId: parameters, request body and responses. */
export interface operations {
    introspectToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling token, its account and its grants. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Introspection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeSelfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling token is revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    rotateSelfToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID, say) that makes this POST safe to retry. A retry with the same
                 *     key and body returns the stored original response with `Idempotent-Replayed: true` and
                 *     does nothing else; the same key with a different body gets `422 validation_failed` on
                 *     field `Idempotency-Key`. Keys are scoped to the calling token. A stored response is kept
                 *     for 24 hours, across server restarts; a create or rotate replay carries the same secret,
                 *     stored encrypted with a key derived from this header's value (not stored), so a retry after
                 *     a restart never creates a second token. Use a random key (a UUID): the key is what
                 *     protects a stored secret.
                 * @example 6f1c2b9e-8a4d-4c1e-9f3a-2d7b5e8c0a41
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateTokenRequest"];
            };
        };
        responses: {
            /** @description The successor token and its secret. The secret is shown this once: store it now. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRotateSelf"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeLeakedTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeLeakedRequest"];
            };
        };
        responses: {
            /**
             * @description The report was received; every valid secret in it is already revoked. Says nothing
             *     about which ones were valid.
             */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokeLeakedResult"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /**
                 * @description Only tokens with this status, as computed at request time.
                 * @example active
                 */
                status?: components["parameters"]["TokenStatusFilter"];
                /**
                 * @description Only tokens bound to this graph. An unknown graph gives an empty page.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId?: components["parameters"]["GraphIdFilter"];
                /**
                 * @description Only tokens not used since this time: last used before it, or never used and created
                 *     before it. `now - 90 days` finds the tokens idle for 90 days.
                 * @example 2025-08-22T00:00:00Z
                 */
                lastUsedBefore?: components["parameters"]["LastUsedBefore"];
                /**
                 * @description Only tokens created before this time.
                 * @example 2025-01-01T00:00:00Z
                 */
                createdBefore?: components["parameters"]["CreatedBefore"];
                /**
                 * @description Only tokens with an `expiresAt` before this time (those that never expire are left
                 *     out; those already expired are in). `now + 7 days` finds the tokens about to expire.
                 * @example 2025-11-27T00:00:00Z
                 */
                expiresBefore?: components["parameters"]["ExpiresBefore"];
                /**
                 * @description `true`: only tokens never used (`lastUsedAt` null); `false`: only tokens used at least once.
                 * @example true
                 */
                neverUsed?: components["parameters"]["NeverUsed"];
                /**
                 * @description Only tokens whose `name` or `description` contains this text, ignoring case (Unicode
                 *     lower-casing, without locale rules).
                 * @example pipeline
                 */
                q?: components["parameters"]["TokenSearch"];
                /**
                 * @description The order of the list: a field, descending when prefixed with `-`. `-createdAt` (newest
                 *     first) by default. Tokens without the field (never used, never expiring) come last in
                 *     either direction; ties keep creation order (reversed when descending, as `-createdAt`
                 *     lists the later of two tokens created at the same time first). `name` compares code
                 *     points.
                 * @example -lastUsedAt
                 */
                sort?: components["parameters"]["TokenSort"];
                /**
                 * @description How many tokens per page, 1 to 100 (outside that range → `422 validation_failed`).
                 * @example 20
                 */
                limit?: components["parameters"]["TokenLimit"];
                /**
                 * @description The `nextCursor` of the previous page; omit it for the first page. Opaque: do not
                 *     build or edit one. An invalid cursor gets `422 validation_failed` on field `cursor`.
                 * @example eyJjIjoiMjAyNS0wMy0wMVQxMjowMDowMFoifQ
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tokens. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID, say) that makes this POST safe to retry. A retry with the same
                 *     key and body returns the stored original response with `Idempotent-Replayed: true` and
                 *     does nothing else; the same key with a different body gets `422 validation_failed` on
                 *     field `Idempotency-Key`. Keys are scoped to the calling token. A stored response is kept
                 *     for 24 hours, across server restarts; a create or rotate replay carries the same secret,
                 *     stored encrypted with a key derived from this header's value (not stored), so a retry after
                 *     a restart never creates a second token. Use a random key (a UUID): the key is what
                 *     protects a stored secret.
                 * @example 6f1c2b9e-8a4d-4c1e-9f3a-2d7b5e8c0a41
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description The new token and its secret. The secret is shown this once: store it now. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenCreate"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailedCreate"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A token's public id (`tok_` and 16 to 64 letters or digits), never its secret. An
                 *     unknown id, or one the calling account cannot see, gets `404 not_found`; so does an id
                 *     that breaks the pattern (`self`, `.`, `..`, an encoded `/`), which never reaches another
                 *     operation. Clients refuse such an id before sending anything.
                 * @example tok_G5KdR5pNKRaVTet6
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A token's public id (`tok_` and 16 to 64 letters or digits), never its secret. An
                 *     unknown id, or one the calling account cannot see, gets `404 not_found`; so does an id
                 *     that breaks the pattern (`self`, `.`, `..`, an encoded `/`), which never reaches another
                 *     operation. Clients refuse such an id before sending anything.
                 * @example tok_G5KdR5pNKRaVTet6
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is revoked (or already was). */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A token's public id (`tok_` and 16 to 64 letters or digits), never its secret. An
                 *     unknown id, or one the calling account cannot see, gets `404 not_found`; so does an id
                 *     that breaks the pattern (`self`, `.`, `..`, an encoded `/`), which never reaches another
                 *     operation. Clients refuse such an id before sending anything.
                 * @example tok_G5KdR5pNKRaVTet6
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTokenRequest"];
            };
        };
        responses: {
            /** @description The updated token. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenTokenOwner"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    rotateToken: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID, say) that makes this POST safe to retry. A retry with the same
                 *     key and body returns the stored original response with `Idempotent-Replayed: true` and
                 *     does nothing else; the same key with a different body gets `422 validation_failed` on
                 *     field `Idempotency-Key`. Keys are scoped to the calling token. A stored response is kept
                 *     for 24 hours, across server restarts; a create or rotate replay carries the same secret,
                 *     stored encrypted with a key derived from this header's value (not stored), so a retry after
                 *     a restart never creates a second token. Use a random key (a UUID): the key is what
                 *     protects a stored secret.
                 * @example 6f1c2b9e-8a4d-4c1e-9f3a-2d7b5e8c0a41
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A token's public id (`tok_` and 16 to 64 letters or digits), never its secret. An
                 *     unknown id, or one the calling account cannot see, gets `404 not_found`; so does an id
                 *     that breaks the pattern (`self`, `.`, `..`, an encoded `/`), which never reaches another
                 *     operation. Clients refuse such an id before sending anything.
                 * @example tok_G5KdR5pNKRaVTet6
                 */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateTokenRequest"];
            };
        };
        responses: {
            /** @description The successor token and its secret. The secret is shown this once: store it now. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRotate"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listGraphs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The graphs the token can reach. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getGraph: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The graph. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Graph"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listBlocks: {
        parameters: {
            query?: {
                /**
                 * @description How many blocks per page, 1 to 100 (outside that range → `422 validation_failed`).
                 * @example 50
                 */
                limit?: components["parameters"]["BlockLimit"];
                /**
                 * @description The `nextCursor` of the previous page; omit it for the first page. Opaque: do not
                 *     build or edit one. An invalid cursor gets `422 validation_failed` on field `cursor`.
                 * @example eyJjIjoiMjAyNS0wMy0wMVQxMjowMDowMFoifQ
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of blocks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    appendBlocks: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID, say) that makes this POST safe to retry. A retry with the same
                 *     key and body returns the stored original response with `Idempotent-Replayed: true` and
                 *     does nothing else; the same key with a different body gets `422 validation_failed` on
                 *     field `Idempotency-Key`. Keys are scoped to the calling token. A stored response is kept
                 *     for 24 hours, across server restarts; a create or rotate replay carries the same secret,
                 *     stored encrypted with a key derived from this header's value (not stored), so a retry after
                 *     a restart never creates a second token. Use a random key (a UUID): the key is what
                 *     protects a stored secret.
                 * @example 6f1c2b9e-8a4d-4c1e-9f3a-2d7b5e8c0a41
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppendBlocksRequest"];
            };
        };
        responses: {
            /** @description The created blocks, in request order. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppendBlocksResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
                /**
                 * @description A block's id (`blk_` and 1 to 64 letters or digits). An unknown id, or a block of
                 *     another graph, gets `404 not_found`; so does an id that breaks the pattern, which never
                 *     reaches another operation. Clients refuse such an id before sending anything.
                 * @example blk_NZkSLr0kiC9I
                 */
                blockId: components["parameters"]["BlockId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The block. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Block"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
                /**
                 * @description A block's id (`blk_` and 1 to 64 letters or digits). An unknown id, or a block of
                 *     another graph, gets `404 not_found`; so does an id that breaks the pattern, which never
                 *     reaches another operation. Clients refuse such an id before sending anything.
                 * @example blk_NZkSLr0kiC9I
                 */
                blockId: components["parameters"]["BlockId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The block is deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    updateBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A graph's id (`gr_` and 1 to 64 letters or digits). An unknown id, or a graph the
                 *     token's creator cannot see, gets `404 not_found`; so does an id that breaks the pattern,
                 *     which never reaches another operation. Clients refuse such an id before sending anything.
                 * @example gr_x2nEgXwpV83v
                 */
                graphId: components["parameters"]["GraphId"];
                /**
                 * @description A block's id (`blk_` and 1 to 64 letters or digits). An unknown id, or a block of
                 *     another graph, gets `404 not_found`; so does an id that breaks the pattern, which never
                 *     reaches another operation. Clients refuse such an id before sending anything.
                 * @example blk_NZkSLr0kiC9I
                 */
                blockId: components["parameters"]["BlockId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBlockRequest"];
            };
        };
        responses: {
            /** @description The updated block. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Block"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGraph"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /**
                 * @description Only the events of this token. A token the caller may not see gives an empty page.
                 * @example tok_MPxf0A9Rt4jp5IIk
                 */
                tokenId?: components["parameters"]["AuditTokenIdFilter"];
                /**
                 * @description Only events of this type.
                 * @example token.revoked
                 */
                type?: components["parameters"]["AuditEventTypeFilter"];
                /**
                 * @description Only events that occurred at or after this time.
                 * @example 2025-11-01T00:00:00Z
                 */
                since?: components["parameters"]["Since"];
                /**
                 * @description How many events per page, 1 to 100 (outside that range → `422 validation_failed`).
                 * @example 20
                 */
                limit?: components["parameters"]["AuditEventLimit"];
                /**
                 * @description The `nextCursor` of the previous page; omit it for the first page. Opaque: do not
                 *     build or edit one. An invalid cursor gets `422 validation_failed` on field `cursor`.
                 * @example eyJjIjoiMjAyNS0wMy0wMVQxMjowMDowMFoifQ
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "GraphToken-Token-Expiration": components["headers"]["TokenExpiration"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
}
