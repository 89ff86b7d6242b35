/** Offline checks and secret hygiene of the SDK in real Chromium. */
import { generateTokenSecret } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import {
  ConnectionError,
  GraphToken,
  InvalidArgumentError,
  isMalformedTokenError,
  MalformedTokenError,
} from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';
import { consoleLinesWithSecrets, consoleOutput, seenSecrets, useBrowserMock } from './harness.js';

const { mock, admin, clientFor } = useBrowserMock();

describe('a token in browser code', () => {
  it('refuses a static token without the opt-in, at construction, without printing it', () => {
    let error: unknown;
    try {
      new GraphToken({ baseUrl: mock.baseUrl, token: BOOTSTRAP_TOKEN });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/dangerouslyAllowBrowser: true/);
    expect((error as Error).message).toMatch(/provider function/);
    expect((error as Error).message).not.toContain(BOOTSTRAP_TOKEN);
  });

  it('takes a token provider function without any opt-in', async () => {
    const client = new GraphToken({ baseUrl: mock.baseUrl, token: async () => BOOTSTRAP_TOKEN });
    await expect(client.tokens.introspect()).resolves.toMatchObject({
      token: { id: seedIds.tokens.bootstrap },
    });
  });

  it('takes a static token with dangerouslyAllowBrowser: true', async () => {
    await expect(admin().tokens.introspect()).resolves.toMatchObject({
      token: { id: seedIds.tokens.bootstrap },
    });
  });
});

describe('errors and secrets in the browser', () => {
  it('rejects a truncated token offline with MalformedTokenError, before any request', async () => {
    const truncated = BOOTSTRAP_TOKEN.slice(0, -3);
    seenSecrets.add(truncated);
    mock.requests.clear();

    const error = await new GraphToken({
      baseUrl: mock.baseUrl,
      token: truncated,
      dangerouslyAllowBrowser: true,
    }).tokens
      .introspect()
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(error).toBeInstanceOf(MalformedTokenError);
    expect(isMalformedTokenError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_token', offline: true });
    expect((error as Error).message).toMatch(/full token/);
    expect((error as Error).message).not.toContain(truncated);
    expect(mock.requests.all()).toHaveLength(0);
  });

  it('rejects a mistyped token (bad checksum) offline', async () => {
    const last = BOOTSTRAP_TOKEN.at(-1) === 'A' ? 'B' : 'A';
    const mistyped = BOOTSTRAP_TOKEN.slice(0, -1) + last;
    seenSecrets.add(mistyped);
    mock.requests.clear();

    await expect(
      new GraphToken({
        baseUrl: mock.baseUrl,
        token: mistyped,
        dangerouslyAllowBrowser: true,
      }).tokens.introspect(),
    ).rejects.toBeInstanceOf(MalformedTokenError);
    expect(mock.requests.all()).toHaveLength(0);
  });

  it('keeps secrets out of what a developer logs: clients, results and errors', async () => {
    const client = admin();
    const created = await client.tokens.create({
      name: 'logged',
      scopes: ['read'],
      graphIds: [seedIds.graphs.research],
    });
    seenSecrets.add(created.secret);
    const readClient = clientFor(created.secret);
    await admin().tokens.revoke(created.token.id);
    const revokedError = await readClient.tokens.introspect().catch((e: unknown) => e);

    // What people paste into their code while debugging.
    console.log('client', client, readClient);
    console.info('token', created.token);
    console.error('request failed', revokedError);
    console.warn(JSON.stringify(revokedError));
    console.debug(mock.requests.all());

    expect(consoleOutput.length).toBeGreaterThanOrEqual(5);
    expect(consoleLinesWithSecrets()).toEqual([]);
  });

  it('has a console check that does catch a logged secret', () => {
    const canary = generateTokenSecret();
    seenSecrets.add(canary);
    console.log(`debug: using ${canary}`);
    expect(consoleLinesWithSecrets()).toHaveLength(1);
    // Take the canary back out so the final check covers real output only.
    seenSecrets.delete(canary);
    consoleOutput.splice(consoleOutput.length - 1, 1);
  });

  it('refuses a redirect, as the browser build does, sending nothing to its target', async () => {
    const sent: string[] = [];
    const client = new GraphToken({
      baseUrl: mock.baseUrl,
      token: BOOTSTRAP_TOKEN,
      dangerouslyAllowBrowser: true,
      fetch: async (request) => {
        sent.push(`${request.method} ${new URL(request.url).pathname}`);
        return new Response(null, { status: 307, headers: { location: '/v1/tokens/self' } });
      },
    });
    const error = await client.tokens.revoke(seedIds.tokens.bootstrap).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      /with a 307 redirect, which the SDK never follows: nothing was sent there/,
    );
    expect(sent).toEqual([`DELETE /v1/tokens/${seedIds.tokens.bootstrap}`]);
  });

  it('lets no secret reach the console', () => {
    expect(consoleLinesWithSecrets()).toEqual([]);
  });
});
