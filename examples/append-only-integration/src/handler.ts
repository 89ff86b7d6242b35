/**
 * The webhook receiver: a Fetch-API handler, `(Request) => Promise<Response>`, so the same code
 * runs in node:http (see `node-adapter.ts`), an edge worker (see `worker.ts`), Deno or Bun.
 *
 * Per delivery it: checks the method and signature, validates the JSON body with zod (400 with
 * the failing fields), and appends one block with the delivery id as `Idempotency-Key`, so a
 * redelivered webhook replays the first append instead of adding a second block.
 *
 * The token is append-only (`presets.roamAppendOnly`), the only kind an encrypted graph accepts:
 * this integration can add to the graph and can never read it.
 */
import {
  type GraphToken,
  isAPIError,
  isConnectionError,
  isRateLimitError,
  isValidationError,
} from '@graphtoken/sdk';
import { describeIssues, toBlockContent, WebhookPayloadSchema } from './payload.ts';
import { json, problem } from './responses.ts';
import { verifyWebhookSignature } from './signature.ts';

/** What the handler needs of a client: appending blocks. A client declared with `scopes: ['append']` has it. */
export type AppendingClient = Pick<GraphToken<'append'>, 'blocks'>;

/** A structured log line. Never holds a secret (the SDK's messages are scrubbed; we log no headers). */
export interface LogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly deliveryId?: string;
  readonly blockId?: string;
  readonly requestId?: string;
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * A client holding an append-only token bound to `graphId`. Declare its scopes
   * (`new GraphToken({ scopes: ['append'] })`) and the compiler refuses any read you add later.
   */
  readonly client: AppendingClient;
  /** The (encrypted) graph the blocks go to. */
  readonly graphId: string;
  /**
   * The Standard Webhooks signing secret (`whsec_…`) shared with the sender. Without it any
   * caller who finds the URL can append: leave it out only in local development.
   */
  readonly signingSecret?: string | undefined;
  /** The header carrying the delivery id; default `webhook-id` (Standard Webhooks). */
  readonly deliveryIdHeader?: string;
  /** Where log lines go; default `console`. */
  readonly log?: (entry: LogEntry) => void;
}

/** What a successful delivery answers. */
export interface DeliveryResult {
  readonly deliveryId: string;
  readonly graphId: string;
  readonly blockId: string;
}

const defaultLog = (entry: LogEntry) => {
  const { level, message, ...fields } = entry;
  console[level](`[webhook] ${message}`, fields);
};

const DELIVERY_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * Builds the handler.
 *
 * @example
 * const handler = createWebhookHandler({
 *   client: new GraphToken({ token: process.env.GRAPHTOKEN_TOKEN, scopes: ['append'] }),
 *   graphId: process.env.GRAPHTOKEN_GRAPH_ID,
 *   signingSecret: process.env.WEBHOOK_SECRET,
 * });
 * const response = await handler(request);
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { client, graphId, signingSecret } = options;
  const deliveryIdHeader = options.deliveryIdHeader ?? 'webhook-id';
  const log = options.log ?? defaultLog;

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return problem(405, 'Method not allowed', 'Send webhook deliveries with POST.', {
        headers: { allow: 'POST' },
      });
    }
    const deliveryId = request.headers.get(deliveryIdHeader)?.trim();
    if (!deliveryId || !DELIVERY_ID.test(deliveryId)) {
      return problem(
        400,
        'Missing delivery id',
        `Send a unique delivery id (1–200 printable characters) in the ${deliveryIdHeader} header, the same one on every retry of a delivery.`,
        { errors: [{ field: deliveryIdHeader, message: 'is required' }] },
      );
    }
    const body = await request.text();
    if (signingSecret) {
      const refused = await verifyWebhookSignature(signingSecret, request.headers, body);
      if (refused) {
        log({ level: 'warn', message: `refused a delivery: ${refused}`, deliveryId });
        return problem(401, 'Invalid signature', SIGNATURE_DETAIL[refused], { deliveryId });
      }
    }
    const contentType = request.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
      return problem(
        415,
        'Unsupported media type',
        'Send the payload as JSON (Content-Type: application/json).',
        {
          deliveryId,
        },
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return problem(400, 'Invalid JSON', 'The body is not valid JSON.', { deliveryId });
    }
    const parsed = WebhookPayloadSchema.safeParse(raw);
    if (!parsed.success) {
      const errors = describeIssues(parsed.error);
      return problem(
        400,
        'Invalid payload',
        `The payload does not match this integration's schema: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
        { errors, deliveryId },
      );
    }

    try {
      const result = await client.blocks.append(
        graphId,
        { blocks: [{ content: toBlockContent(parsed.data) }] },
        // The delivery id is the idempotency key: a redelivery replays the stored answer.
        { idempotencyKey: `webhook-${deliveryId}` },
      );
      const block = result.data[0]!;
      log({ level: 'info', message: 'appended a block', deliveryId, blockId: block.id });
      return json(201, { deliveryId, graphId, blockId: block.id } satisfies DeliveryResult);
    } catch (error) {
      return upstreamFailure(error, deliveryId, log);
    }
  };
}

const SIGNATURE_DETAIL = {
  missing_headers:
    'Sign deliveries: send webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks).',
  stale_timestamp:
    'The webhook-timestamp is more than 5 minutes away from now: check the clock, or this is a replay.',
  bad_signature: 'The webhook-signature does not match the body: check the signing secret.',
} as const;

/**
 * Maps an API failure to an answer for the webhook sender. Transient failures get a 5xx, so the
 * sender retries (safe: same delivery id, same idempotency key). Problems only the operator can
 * fix (a revoked token, a missing scope) are logged in full and answered with a generic 500:
 * the sender learns nothing about our credentials.
 */
function upstreamFailure(error: unknown, deliveryId: string, log: (entry: LogEntry) => void): Response {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const requestId = isAPIError(error) ? error.requestId : undefined;
  const logged = { deliveryId, ...(requestId ? { requestId } : {}) };

  if (isValidationError(error) && error.fields.some((f) => f.field === 'Idempotency-Key')) {
    log({ level: 'warn', message: `delivery id reused with a different payload: ${message}`, ...logged });
    return problem(
      409,
      'Delivery id reused',
      'This delivery id was already used for a different payload; give every new delivery its own id.',
      { deliveryId },
    );
  }
  if (isRateLimitError(error)) {
    log({ level: 'warn', message, ...logged });
    return problem(503, 'Busy', 'The graph service is rate limiting us; retry this delivery later.', {
      deliveryId,
      headers: { 'retry-after': String(error.retryAfter ?? 30) },
    });
  }
  if (isConnectionError(error) || (isAPIError(error) && error.status >= 500)) {
    log({ level: 'warn', message, ...logged });
    return problem(
      502,
      'Upstream unavailable',
      'The graph service did not accept the block; retry this delivery.',
      {
        deliveryId,
      },
    );
  }
  log({ level: 'error', message, ...logged });
  return problem(
    500,
    'Integration misconfigured',
    'The integration could not append the block; its operator has been told. Retrying will not help until they fix it.',
    { deliveryId },
  );
}
