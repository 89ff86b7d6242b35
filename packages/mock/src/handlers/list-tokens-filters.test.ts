/**
 * `GET /v1/tokens` stale-token filters and orders (issue 11), as a user finding stale tokens
 * would call them, and as a client paging with a cursor from another list would.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { BOOTSTRAP_TOKEN, type GraphTokenMock, seedIds } from '../index.js';

const { graphs } = seedIds;
const NOW = '2026-06-01T00:00:00.000Z';
const admin = { token: BOOTSTRAP_TOKEN };

let mock: GraphTokenMock;
let call: Call;
beforeEach(() => ({ mock, call } = frozenMock(NOW)));

/** Creates a token through the store at a given time, used at `usedAt` (through the API). */
async function token(
  name: string,
  options: { createdAt: string; usedAt?: string; expiresAt?: string; description?: string },
) {
  mock.clock.set(options.createdAt);
  const made = mock.store.createToken({
    name,
    scopes: ['read'],
    graphIds: [graphs.research],
    createdAt: options.createdAt,
    ...(options.expiresAt !== undefined && { expiresAt: options.expiresAt }),
    ...(options.description !== undefined && { description: options.description }),
  });
  if (options.usedAt !== undefined) {
    mock.clock.set(options.usedAt);
    expect((await call('GET', '/v1/tokens/self', { token: made.secret })).status).toBe(200);
  }
  return made.token.id;
}

async function names(query: string): Promise<string[]> {
  const res = await call('GET', `/v1/tokens?${query}`, admin);
  expect(res.status, res.text).toBe(200);
  return res.body.data.map((t: { name: string }) => t.name).filter((n: string) => n !== 'bootstrap');
}

/** Every name over all pages, following nextCursor. */
async function allPages(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res = await call(
      'GET',
      `/v1/tokens?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      admin,
    );
    expect(res.status, res.text).toBe(200);
    seen.push(...res.body.data.map((t: { name: string }) => t.name));
    cursor = res.body.nextCursor;
    if (cursor === null) return seen.filter((n) => n !== 'bootstrap');
  }
  throw new Error('pagination did not end');
}

describe('listTokens stale-token filters', () => {
  beforeEach(async () => {
    await token('old-idle', { createdAt: '2025-01-01T00:00:00Z', usedAt: '2025-02-01T00:00:00Z' });
    await token('old-never', { createdAt: '2025-03-01T00:00:00Z' });
    await token('recent-used', { createdAt: '2025-04-01T00:00:00Z', usedAt: '2026-05-30T00:00:00Z' });
    await token('new-never', {
      createdAt: '2026-05-01T00:00:00Z',
      expiresAt: '2026-06-05T00:00:00Z',
      description: 'Nightly SYNC job',
    });
    await token('expired', { createdAt: '2025-05-01T00:00:00Z', expiresAt: '2025-06-01T00:00:00Z' });
    mock.clock.set(NOW);
  });

  it('lastUsedBefore finds tokens not used since then: used before it, or never used and created before it', async () => {
    expect(await names('lastUsedBefore=2026-01-01T00:00:00Z')).toEqual(['expired', 'old-never', 'old-idle']);
  });

  it('neverUsed=true and false split the list, and combine with createdBefore', async () => {
    expect(await names('neverUsed=true')).toEqual(['new-never', 'expired', 'old-never']);
    expect(await names('neverUsed=false')).toEqual(['recent-used', 'old-idle']);
    expect(await names('neverUsed=true&createdBefore=2026-01-01T00:00:00Z')).toEqual([
      'expired',
      'old-never',
    ]);
  });

  it('expiresBefore keeps tokens with an expiry before then, expired ones included, never the ones without', async () => {
    expect(await names('expiresBefore=2026-06-08T00:00:00Z')).toEqual(['new-never', 'expired']);
    expect(await names('expiresBefore=2025-06-01T00:00:00Z')).toEqual([]);
  });

  it('q matches name or description ignoring case, and combines with status', async () => {
    expect(await names('q=SYNC')).toEqual(['new-never']);
    expect(await names('q=nightly%20sync')).toEqual(['new-never']);
    expect(await names('q=OLD')).toEqual(['old-never', 'old-idle']);
    expect(await names('q=old&status=active')).toEqual(['old-never', 'old-idle']);
    expect(await names('q=e&status=expired')).toEqual(['expired']);
  });

  it('sorts by lastUsedAt and expiresAt with never-used / never-expiring tokens last in either direction', async () => {
    expect(await names('sort=lastUsedAt&q=-')).toEqual(['old-idle', 'recent-used', 'old-never', 'new-never']);
    expect(await names('sort=-lastUsedAt&q=-')).toEqual([
      'recent-used',
      'old-idle',
      'new-never',
      'old-never',
    ]);
    expect(await names('sort=expiresAt')).toEqual([
      'expired',
      'new-never',
      'old-idle',
      'old-never',
      'recent-used',
    ]);
  });

  it('sorts by createdAt ascending and by name in code point order', async () => {
    expect(await names('sort=createdAt')).toEqual([
      'old-idle',
      'old-never',
      'recent-used',
      'expired',
      'new-never',
    ]);
    expect(await names('sort=name')).toEqual([
      'expired',
      'new-never',
      'old-idle',
      'old-never',
      'recent-used',
    ]);
  });

  it('pages every order with cursors: each token once, in the order of one big page', async () => {
    for (const sort of ['createdAt', '-createdAt', 'lastUsedAt', '-lastUsedAt', 'expiresAt', 'name']) {
      const whole = await names(`sort=${sort}&limit=100`);
      expect(await allPages(`sort=${sort}`, 2), sort).toEqual(whole);
      expect(await allPages(`sort=${sort}&neverUsed=true`, 1), sort).toEqual(
        await names(`sort=${sort}&neverUsed=true`),
      );
    }
  });

  it('refuses a cursor from another sort or other filters with 422 on cursor', async () => {
    const first = await call('GET', '/v1/tokens?sort=name&limit=1', admin);
    const cursor = encodeURIComponent(first.body.nextCursor);
    for (const other of [
      'sort=-lastUsedAt',
      'sort=name&q=old',
      'neverUsed=true&sort=name',
      '',
      'sort=createdAt',
    ]) {
      const res = await call('GET', `/v1/tokens?${other}&limit=1&cursor=${cursor}`, admin);
      expect(res.status, other).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
    }
    const fromDefault = await call('GET', '/v1/tokens?limit=1', admin);
    const res = await call(
      'GET',
      `/v1/tokens?sort=name&limit=1&cursor=${encodeURIComponent(fromDefault.body.nextCursor)}`,
      admin,
    );
    expect(res.status).toBe(422);
  });

  it('refuses bad filter values with a 422 per field', async () => {
    const res = await call(
      'GET',
      '/v1/tokens?lastUsedBefore=yesterday&createdBefore=2026-01-01&neverUsed=yes&sort=-name&q=',
      admin,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['createdBefore', 'lastUsedBefore', 'neverUsed', 'q', 'sort'].sort(),
    );
    const long = await call('GET', `/v1/tokens?q=${'x'.repeat(101)}`, admin);
    expect(long.status).toBe(422);
  });
});

describe('listTokens by name', () => {
  it('compares code points, not UTF-16 units, and matches q on non-ASCII text', async () => {
    for (const name of ['\u{1F600} smile', '\uFFFD replacement', 'Zeta', 'alpha', 'ÉCOLE']) {
      mock.store.createToken({ name, scopes: ['read'], graphIds: [graphs.research] });
    }
    expect(await names('sort=name')).toEqual([
      'Zeta',
      'alpha',
      'ÉCOLE',
      '\uFFFD replacement',
      '\u{1F600} smile',
    ]);
    expect(await names('q=%C3%A9cole')).toEqual(['ÉCOLE']);
    expect(await allPages('sort=name', 1)).toEqual(await names('sort=name'));
  });

  it('pages names too long for a cursor of 512 characters (100 emoji, 100 quotes) without a 422', async () => {
    const long = ['\u{1F600}'.repeat(100), '"'.repeat(100), '\u0001'.repeat(100), '\u00e9'.repeat(100), 'a'];
    for (const name of long) mock.store.createToken({ name, scopes: ['read'], graphIds: [graphs.research] });
    let cursor: string | null = null;
    const seen: string[] = [];
    do {
      const res = await call(
        'GET',
        `/v1/tokens?sort=name&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        admin,
      );
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.data.map((t: { name: string }) => t.name));
      cursor = res.body.nextCursor;
      if (cursor !== null) expect(cursor.length).toBeLessThanOrEqual(512);
    } while (cursor !== null);
    expect(seen.filter((n) => n !== 'bootstrap')).toEqual(await names('sort=name&limit=100'));
    expect(seen.filter((n) => n !== 'bootstrap')).toHaveLength(long.length);
  });
});
