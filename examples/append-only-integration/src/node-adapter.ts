/**
 * Serves a Fetch-API handler with node:http: the node request becomes a `Request`, the handler's
 * `Response` is written back. (Edge runtimes, Deno and Bun take the handler as it is.)
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** The largest webhook body read (1 MiB); a bigger one gets 413 without reaching the handler. */
export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function toRequest(req: IncomingMessage, limit: number): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, limit);
  return new Request(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A node:http request listener for `handler`.
 *
 * @example
 * createServer(toNodeListener(createWebhookHandler({ client, graphId }))).listen(8787);
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: { maxBodyBytes?: number } = {},
): RequestListener {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return (req, res) => {
    void (async () => {
      let response: Response;
      try {
        response = await handler(await toRequest(req, limit));
      } catch (error) {
        response =
          error instanceof BodyTooLargeError
            ? new Response(JSON.stringify({ title: 'Payload too large', status: 413 }), {
                status: 413,
                headers: { 'content-type': 'application/problem+json', connection: 'close' },
              })
            : new Response(JSON.stringify({ title: 'Internal error', status: 500 }), {
                status: 500,
                headers: { 'content-type': 'application/problem+json' },
              });
      }
      await writeResponse(response, res).catch(() => res.destroy());
    })();
  };
}
