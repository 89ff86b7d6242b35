/**
 * The webhook payload this integration accepts, validated with zod, and the block it becomes.
 * The shape follows a Zapier-style "action": one event carrying one entry to append.
 */
import { z } from 'zod';

/** The most characters a block holds (`Block.content` has `maxLength: 10000`). */
const MAX_BLOCK_LENGTH = 10_000;

/**
 * A webhook delivery's body. Unknown fields are ignored (senders add fields over time); the ones
 * used are checked strictly, so a bad payload gets a 400 naming the field, not a half-written block.
 *
 * @example
 * { "event": "entry.created", "data": { "text": "Call Grace about COBOL", "tags": ["meeting"] } }
 */
export const WebhookPayloadSchema = z.object({
  event: z.literal('entry.created', {
    error: 'must be "entry.created", the only event this integration handles',
  }),
  data: z.object({
    text: z
      .string({ error: 'is required: the text of the block to append' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(8_000, { error: 'must be at most 8000 characters' }),
    tags: z
      .array(
        z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u, { error: 'must be 1–40 letters, digits, "-" or "_"' }),
      )
      .max(10, { error: 'must list at most 10 tags' })
      .optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    source: z.string().trim().min(1).max(100).optional(),
  }),
});

/** A validated webhook payload. */
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

/**
 * The block content a payload becomes. It is a pure function of the payload (no "received at"
 * time, no random ids): a redelivered webhook must produce the same append body, or the API
 * refuses the replayed idempotency key with 422.
 */
export function toBlockContent(payload: WebhookPayload): string {
  const { text, tags = [], url, source } = payload.data;
  const parts = [text, ...tags.map((tag) => `#${tag}`)];
  if (url) parts.push(`[${source ?? 'link'}](${url})`);
  else if (source) parts.push(`(via ${source})`);
  return parts.join(' ').slice(0, MAX_BLOCK_LENGTH);
}

/** One `{ field, message }` per problem, with dotted paths (`data.tags.2`), for a 400 body. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }));
}
