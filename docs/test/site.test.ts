/**
 * The built reference site (`pnpm run docs`), opened in Chromium as a reader would: from the index to
 * the rendered OpenAPI reference, where every operation of the contract's generated operations
 * table must be listed with its method and path, and every error code must be named; and to the
 * typedoc pages of the SDK and the mock. The site must not need the network (requests to it are
 * refused here, and a script, style or document fetched from it fails the test).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errorCodes, type OperationInfo, operations } from '@graphtoken/contract';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../.ci/chromium.ts';

const site = resolve(fileURLToPath(new URL('.', import.meta.url)), '../site');
const url = (path: string) => pathToFileURL(join(site, path)).href;

let browser: Browser;
const networkUse: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(site, 'index.html'))) {
    throw new Error(`${site}/index.html is missing: build the site first with \`pnpm docs\``);
  }
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...chromiumArgs] });
});

afterAll(async () => {
  await browser?.close();
});

/** A new page that refuses the network and remembers what needed it. */
async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route(/^https?:/, (route) => {
    const request = route.request();
    if (['document', 'script', 'stylesheet', 'xhr', 'fetch'].includes(request.resourceType())) {
      networkUse.push(`${request.resourceType()} ${request.url()} (from ${path})`);
    }
    return route.abort();
  });
  const response = await page.goto(url(path));
  expect(response?.ok() ?? true, `${path} loads`).toBe(true);
  return page;
}

const allOperations = Object.values(operations) as OperationInfo[];

describe('the reference site', () => {
  it('has an index page linking the HTTP API, the SDK and the mock references', async () => {
    const page = await openPage('index.html');
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['api/index.html', 'sdk/index.html', 'mock/index.html']);
    for (const link of links) {
      await page.goto(url('index.html'));
      await page.click(`a[href="${link}"]`);
      await page.waitForLoadState('load');
      expect(page.url()).toBe(url(link ?? ''));
      expect(await page.title()).not.toBe('');
    }
    await page.close();
  });

  it('renders every operation of the contract with its method and path', async () => {
    expect(allOperations.length).toBeGreaterThanOrEqual(15);
    const page = await openPage('api/index.html');
    const tags = [...new Set(allOperations.map((op) => op.tag))];
    for (const tag of tags) {
      // Redoc lists a tag's operations once its menu entry is opened.
      await page.locator(`a[href="/${tag}"]`).first().click();
    }
    for (const op of allOperations) {
      const anchor = `${op.tag}/${op.operationId.toLowerCase()}`;
      // The tag's overview lists only its first operations with their paths, so each one is opened
      // from the menu (which lists them all), and its own section must show its method and path.
      const menuEntry = page.locator(`a[href="#/${anchor}"]`).first();
      await expect
        .poll(() => menuEntry.count(), { message: `${op.operationId} is in the API reference's menu` })
        .toBeGreaterThan(0);
      await menuEntry.click();
      const section = page.locator(`[id="${anchor}"]`);
      await expect
        .poll(
          async () => ((await section.count()) > 0 ? ((await section.first().textContent()) ?? '') : ''),
          {
            message: `${op.operationId} (${op.method} ${op.path}) is on the API reference`,
          },
        )
        .toContain(op.path);
      const text = ((await section.first().textContent()) ?? '').toLowerCase();
      expect(text, op.operationId).toContain(`${op.method.toLowerCase()}${op.path.toLowerCase()}`);
    }
    await page.close();
  });

  it('names every error code of the contract on the API reference', async () => {
    const page = await openPage('api/index.html');
    await page.locator('a[href="/section/errors"]').first().click();
    // The text a reader sees: textContent would also read the spec inlined in the page's <script>.
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here.
    const text = await page.evaluate(() => document.body.innerText);
    const codes = Object.keys(errorCodes);
    expect(codes.length).toBeGreaterThanOrEqual(15);
    expect(codes.filter((code) => !text.includes(code))).toEqual([]);
    await page.close();
  });

  /** The names a typedoc page links to (its index of members, and the navigation). */
  async function linkTexts(path: string): Promise<Set<string>> {
    const page = await openPage(path);
    const texts = await page.$$eval('a', (as) => as.map((a) => (a.textContent ?? '').trim()));
    await page.close();
    return new Set(texts);
  }

  it('documents every runtime export of the SDK with typedoc', async () => {
    const exported = Object.keys(await import('@graphtoken/sdk'));
    expect(exported).toContain('GraphToken');
    const documented = await linkTexts('sdk/modules.html');
    expect(exported.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents every runtime export of each mock entry point with typedoc', async () => {
    const entries = {
      index: await import('@graphtoken/mock'),
      node: await import('@graphtoken/mock/node'),
      http: await import('@graphtoken/mock/http'),
    };
    for (const [entry, module] of Object.entries(entries)) {
      const exported = Object.keys(module);
      expect(exported.length, entry).toBeGreaterThan(0);
      const documented = await linkTexts(`mock/modules/${entry}.html`);
      expect(
        exported.filter((name) => !documented.has(name)),
        entry,
      ).toEqual([]);
    }
    // The browser entry needs a browser to import; its one function is named.
    expect((await linkTexts('mock/modules/browser.html')).has('setupGraphTokenWorker')).toBe(true);
  });

  it('needed no network: no document, script, style or data came from outside the site', () => {
    expect(networkUse).toEqual([]);
  });
});
