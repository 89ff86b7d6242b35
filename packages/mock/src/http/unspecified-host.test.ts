/**
 * Listening on an unspecified address (`0.0.0.0`, `::`, or a spelling of it such as `0`): the URL
 * the server gives (and the CLI prints) is a loopback one, and the server answers it, and the
 * bound address as a `Host` too.
 */
import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { rawRequest } from '../contract-testing/raw-http.js';
import { isLoopback } from './access-policy.js';
import { startGraphTokenMockServer } from './start-server.js';

describe.each(['0', '0.0.0.0', '::', '0x0'])('host %s', (host) => {
  it('gives a loopback URL that the server answers (Host from that URL)', async () => {
    await using server = await startGraphTokenMockServer({ port: 0, host });
    const printed = new URL(server.url);
    expect(isLoopback(printed.hostname)).toBe(true);
    expect(isIP(printed.hostname.replace(/^\[|\]$/g, ''))).not.toBe(0);
    const answer = await rawRequest(
      server.port,
      `GET /v1/tokens/self HTTP/1.1\r\nHost: ${printed.host}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.status, answer.body).toBe(200);
    const viaFetch = await fetch(`${server.url}/v1/tokens/self`, {
      headers: { Authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
    });
    expect(viaFetch.status).toBe(200);
    // Beyond loopback without an admin token: the admin endpoints stay off.
    expect(server.adminDisabledReason).toMatch(/--admin-token/);
  });

  it('accepts the bound address as Host, refuses a foreign one', async () => {
    await using server = await startGraphTokenMockServer({ port: 0, host });
    const bound = host.includes(':') ? '[::]' : '0.0.0.0';
    const ok = await rawRequest(
      server.port,
      `GET /v1/tokens/self HTTP/1.1\r\nHost: ${bound}:${server.port}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(ok.status, ok.body).toBe(200);
    const foreign = await rawRequest(
      server.port,
      `GET /v1/tokens/self HTTP/1.1\r\nHost: evil.example:${server.port}\r\nAuthorization: Bearer ${BOOTSTRAP_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    expect(foreign.status).toBe(400);
  });
});
