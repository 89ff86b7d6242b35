/**
 * Responses whose body fails while it is read, as when a connection drops mid-body: the status
 * and headers arrive, then half the body, then the stream errors (or stalls for good).
 */

/** A response that delivers half of `body`, then fails with `error` (undici's is `TypeError: terminated`). */
export function cutBody(
  body: unknown,
  { status = 200, error = new TypeError('terminated') }: { status?: number; error?: unknown } = {},
): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        controller.error(error);
        return;
      }
      sent = true;
      controller.enqueue(bytes.slice(0, bytes.length >> 1));
    },
  });
  return new Response(stream, {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req_cut' },
  });
}

/** A response that delivers half of `body` and then never anything more, until its request is aborted. */
export function stalledBody(body: unknown, signal: AbortSignal): Response {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) {
        return new Promise<void>((resolve) => {
          const fail = () => {
            controller.error(signal.reason);
            resolve();
          };
          if (signal.aborted) fail();
          else signal.addEventListener('abort', fail, { once: true });
        });
      }
      sent = true;
      controller.enqueue(bytes.slice(0, bytes.length >> 1));
      return undefined;
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}
