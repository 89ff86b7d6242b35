/**
 * Issue 11's client-side features against @graphtoken/mock's real headers: the expiry warning
 * from `GraphToken-Token-Expiration`, the rate-limit state, and pacing that keeps N concurrent
 * calls clear of the mock's configured limit (0 answers 429).
 */
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { createRateLimitPacer, GraphToken, parseRateLimit, type TokenExpiringEvent } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';

const mock = useGraphTokenMock();
const { graphs } = seedIds;

describe('against the mock', () => {
  it('warns once when the token expires within the window', async () => {
    const admin = new GraphToken({ token: BOOTSTRAP_TOKEN });
    const expiresAt = new Date(mock.clock.now().getTime() + 3 * 86_400_000).toISOString();
    const { secret, token } = await admin.tokens.create({
      name: 'expiring',
      scopes: ['read'],
      graphIds: [graphs.research],
      expiresAt,
    });
    const events: TokenExpiringEvent[] = [];
    const client = new GraphToken({ token: secret, onTokenExpiring: (e) => void events.push(e) });
    await client.graphs.get(graphs.research);
    await client.graphs.list().firstPage();
    expect(events).toHaveLength(1);
    expect(events[0]!.expiresAt.getTime()).toBe(new Date(token.expiresAt!).getTime());
    expect(events[0]!.tokenHint).toBe(`gt_…${token.hint}`);
    // The bootstrap token never expires: no header, no warning.
    const quiet: TokenExpiringEvent[] = [];
    await new GraphToken({
      token: BOOTSTRAP_TOKEN,
      onTokenExpiring: (e) => void quiet.push(e),
    }).tokens.introspect();
    expect(quiet).toEqual([]);
  });

  it('reads the rate-limit state of an answer', async () => {
    mock.rateLimit = { limit: 50, windowSeconds: 60 };
    const { response } = await new GraphToken({ token: BOOTSTRAP_TOKEN }).tokens.introspect().withResponse();
    const [state] = parseRateLimit(response);
    expect(state).toMatchObject({ policy: 'token', remaining: 49, limit: 50, windowSeconds: 60 });
  });

  it('paces 25 concurrent calls through a 10-per-second limit with 0 answers 429', async () => {
    mock.rateLimit = { limit: 10, windowSeconds: 1 };
    const client = new GraphToken({
      token: BOOTSTRAP_TOKEN,
      retry: false,
      rateLimit: createRateLimitPacer(),
    });
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => client.tokens.introspect()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const sent = mock.requests.filter({ operationId: 'introspectToken' });
    expect(sent.filter((r) => r.status === 429)).toEqual([]);
    expect(sent).toHaveLength(25);
  }, 20_000);

  it('moves a provider-backed client to the successor at once, while the app still stores the new secret', async () => {
    // The README's recipe (`token: () => current`; store the secret, then `current = secret`) with
    // other calls running meanwhile: every call started after rotateSelf's answer uses the successor.
    const admin = new GraphToken({ token: BOOTSTRAP_TOKEN });
    const created = await admin.tokens.create({
      name: 'pipe',
      scopes: ['read'],
      graphIds: [graphs.research],
    });
    let current = created.secret;
    const client = new GraphToken({ token: () => current });
    await client.tokens.introspect();
    let answered = false;
    let stop = false;
    const afterAnswer: string[] = [];
    const background = (async () => {
      while (!stop) {
        const started = answered;
        const { requestId } = await client.graphs.get(graphs.research).withResponse();
        if (started) afterAnswer.push(requestId!);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { secret, token: successor } = await client.tokens.rotateSelf({ gracePeriodSeconds: 300 });
    answered = true;
    await new Promise((resolve) => setTimeout(resolve, 100)); // await vault.write('graphtoken', secret)
    current = secret;
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop = true;
    await background;
    for (let i = 0; i < 3; i++)
      afterAnswer.push((await client.tokens.introspect().withResponse()).requestId!);
    expect(afterAnswer.length).toBeGreaterThan(5);
    const tokenIds = afterAnswer.map((id) => mock.requests.all().find((r) => r.requestId === id)?.tokenId);
    expect(tokenIds).toEqual(afterAnswer.map(() => successor.id));
  });
});
