/**
 * A request body over the server's limit gets `413 request_too_large` (problem+json) however it is
 * framed: a chunked body past the 64 MiB the server reads to discard is answered, not reset.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseRawAnswer } from '../contract-testing/raw-http.js';
import { startGraphTokenMockServer } from './start-server.js';

/** Streams a chunked body of `mib` MiB (1 MiB chunks, honouring backpressure); resolves with what came back. */
function sendChunked(port: number, mib: number): Promise<{ received: string; sentMib: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let sent = 0;
    let stopped = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(chunks).toString('latin1'), sentMib: sent });
    };
    const timer = setTimeout(done, 60_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {
      stopped = true;
    });
    socket.on('close', done);
    socket.write(
      `POST /v1/tokens HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = Buffer.concat([
      Buffer.from('100000\r\n'),
      Buffer.alloc(0x100000, 0x20),
      Buffer.from('\r\n'),
    ]);
    const pump = () => {
      while (!stopped && sent < mib) {
        sent++;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!stopped) socket.end('0\r\n\r\n');
    };
    pump();
  });
}

describe('a body over the limit, chunked', () => {
  it('over the 64 MiB the server discards: 413 request_too_large, then close', async () => {
    await using server = await startGraphTokenMockServer({ port: 0 });
    const tokens = server.mock.store.listTokens().length;
    const { received } = await sendChunked(server.port, 70);
    const answer = parseRawAnswer(received);
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).code).toBe('request_too_large');
    expect(server.mock.store.listTokens()).toHaveLength(tokens);
  }, 90_000);

  it('over maxBodyBytes but under 64 MiB: 413 request_too_large', async () => {
    await using server = await startGraphTokenMockServer({ port: 0, maxBodyBytes: 1024 });
    const { received } = await sendChunked(server.port, 2);
    const answer = parseRawAnswer(received);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe('request_too_large');
  }, 30_000);
});
