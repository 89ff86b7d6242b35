/**
 * The page built for a real service (VITE_GRAPHTOKEN_BASE_URL set): no mock, no service worker,
 * and a manage token asked for first, checked offline, never sent while malformed.
 */
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../.ci/chromium.js';
import { buildAndServe, type ServedApp } from './serve.js';

const API = 'https://api.graphtoken.invalid';

let app: ServedApp | undefined;
let browser: Browser | undefined;
let page: Page;
const apiRequests: string[] = [];
const served: string[] = [];

beforeAll(async () => {
  app = await buildAndServe(API);
  browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs],
    timeout: 30_000,
  });
  page = await browser.newPage();
  page.setDefaultTimeout(5_000);
  page.on('request', (request) => {
    if (request.url().startsWith(API)) apiRequests.push(request.url());
    else served.push(new URL(request.url()).pathname);
  });
  await page.goto(app.url, { timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the page built for a real service', () => {
  it('asks for a manage token, and rejects a truncated one offline', async () => {
    await page.getByLabel('Manage token').fill(BOOTSTRAP_TOKEN.slice(0, -2));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/full token string/);
    await expect.poll(() => page.getByText(API).count()).toBe(1);
    expect(apiRequests).toEqual([]);
  });

  it('ships neither the mock nor its service worker', async () => {
    expect(served.some((path) => path.includes('mockServiceWorker') || path.includes('demo-mock'))).toBe(
      false,
    );
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)))
      .toBe(0);
    const mockServiceWorker = await page.request.get(new URL('/mockServiceWorker.js', app!.url).href);
    // vite preview answers unknown paths with index.html (SPA fallback), never with the worker script.
    expect(mockServiceWorker.headers()['content-type']).toMatch(/^text\/html/);
  });
});
