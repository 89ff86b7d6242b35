/**
 * The per-client limit of `revoke-leaked` on the standalone server: a client is the socket's
 * remote address, which a request cannot choose (a header claiming another is ignored), and the
 * journal at `/__mock/requests` never shows a reported secret.
 */
import { request } from 'node:http';
import { TOKEN_PATTERN } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { startGraphTokenMockServer } from './start-server.js';

function post(
  url: string,
  body: unknown,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const target = new URL('/v1/tokens/revoke-leaked', url);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(options.localAddress && { localAddress: options.localAddress }),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('revoke-leaked on the standalone server', () => {
  it('counts each socket address apart, and ignores a header claiming another client', async () => {
    await using server = await startGraphTokenMockServer({
      leakReportLimit: { limit: 2, windowSeconds: 60 },
    });
    const report = { secrets: ['not-a-secret'] };
    const spoof = { 'x-graphtoken-mock-client': 'x 10.9.8.7' };
    expect((await post(server.url, report)).status).toBe(202);
    expect((await post(server.url, report, { headers: spoof })).status).toBe(202);
    const third = await post(server.url, report, { headers: spoof });
    expect(third.status).toBe(429);
    expect(third.headers['ratelimit-policy']).toBe('"client";q=2;w=60');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own window.
    const other = await post(server.url, report, { localAddress: '127.0.0.2' });
    expect(other.status).toBe(202);
    expect(other.headers.ratelimit).toBe('"client";r=1;t=60');
    // The bridge's own header is not in the journal.
    const journal = await fetch(`${server.url}/__mock/requests`).then((r) => r.text());
    expect(journal).not.toContain('x-graphtoken-mock-client');
    expect(journal).not.toContain('127.0.0.2');
  });

  it('keeps the reported secrets out of /__mock/requests and /__mock/state', async () => {
    await using server = await startGraphTokenMockServer({});
    const { secret } = server.mock.store.createToken({ scopes: ['manage'] });
    expect((await post(server.url, { secrets: [secret] })).status).toBe(202);
    expect((await post(server.url, { secrets: [secret], note: secret })).status).toBe(422);
    for (const path of ['/__mock/requests', '/__mock/state']) {
      const text = await fetch(`${server.url}${path}`).then((r) => r.text());
      expect(text, path).not.toContain(secret);
      expect(text, path).not.toMatch(TOKEN_PATTERN);
      expect(text, path).not.toContain(`gt_…${secret.slice(-4)}`);
    }
  });
});
