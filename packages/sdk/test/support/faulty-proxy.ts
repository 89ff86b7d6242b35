/**
 * A local HTTP proxy that cuts chosen responses mid-body: it forwards each request to the
 * target, sends the answer's status, headers (with the full Content-Length) and half its body,
 * then destroys the connection, as a flaky network or a crashing load balancer does.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface FaultyProxy {
  /** `http://127.0.0.1:<port>`, to use as the SDK's baseUrl. */
  readonly url: string;
  /** How many responses were cut. */
  readonly cut: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Starts a proxy to `target`; `shouldCut(request, n)` (n counts requests from 0) picks the answers to cut. */
export async function startFaultyProxy(
  target: string,
  shouldCut: (request: IncomingMessage, n: number) => boolean,
): Promise<FaultyProxy> {
  let n = 0;
  let cut = 0;
  const server = createServer(async (req, res) => {
    const index = n++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers.set(name, value);
    }
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: new Uint8Array(Buffer.concat(chunks)) } : {}),
    });
    const payload = Buffer.from(await upstream.arrayBuffer());
    const out: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    out['content-length'] = String(payload.length);
    res.writeHead(upstream.status, out);
    if (payload.length > 1 && shouldCut(req, index)) {
      cut++;
      // Half the body on the wire, then the connection goes away.
      res.write(payload.subarray(0, payload.length >> 1), () => res.socket?.destroy());
      return;
    }
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get cut() {
      return cut;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
