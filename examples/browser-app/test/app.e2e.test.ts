/**
 * The token settings page, end to end in real headless Chromium: built with Vite, served by
 * `vite preview`, driven by Playwright, answered by @graphtoken/mock in the page's service worker.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isWellFormedToken } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN } from '@graphtoken/mock';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../../.ci/chromium.js';
import { buildAndServe, type ServedApp } from './serve.js';

const RESULTS = join(import.meta.dirname, '..', 'test-results');

let app: ServedApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const consoleLines: string[] = [];
const pageErrors: string[] = [];
/** Every secret the page showed, to check that none lingers anywhere afterwards. */
const shownSecrets: string[] = [];

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  app = await buildAndServe();
  browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs],
    timeout: 30_000,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.setDefaultNavigationTimeout(15_000);
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.url);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

function row(name: string) {
  return page.locator('tr', { has: page.locator('td.name strong', { hasText: name }) });
}

async function openNewTokenDialog(): Promise<void> {
  await page.getByRole('button', { name: '+ New API token' }).click();
  await expect.poll(() => page.getByRole('dialog', { name: 'New API token' }).isVisible()).toBe(true);
}

/** Reads the secret from the one-time dialog, then closes it; returns the secret. */
async function takeSecretAndClose(): Promise<string> {
  const dialog = page.getByTestId('secret-dialog');
  await dialog.waitFor();
  const secret = (await page.getByTestId('secret').textContent()) ?? '';
  shownSecrets.push(secret);
  await page.getByTestId('close-secret').click();
  await dialog.waitFor({ state: 'detached' });
  return secret;
}

/** Whether a string occurs anywhere the page keeps text: markup, form values, rendered text, storage. */
function pageHolds(secret: string): Promise<boolean> {
  return page.evaluate((s) => {
    const fields = [...document.querySelectorAll('input, textarea')] as (
      | HTMLInputElement
      | HTMLTextAreaElement
    )[];
    const storage = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    return [document.documentElement.outerHTML, document.body.textContent ?? '', document.title, ...storage]
      .concat(fields.map((f) => f.value))
      .some((text) => text.includes(s));
  }, secret);
}

/** The demo's mock, as the page exposes it on `window.graphtokenMock` (demo mode only). */
type PageMock = import('@graphtoken/mock').GraphTokenMock;

/** The rows the list shows now, by token name, once the list has settled on `filter`. */
async function shownNames(filter: string): Promise<string[]> {
  await page.locator(`.list-slot[data-filter="${filter}"][aria-busy="false"]`).waitFor();
  return page.locator('td.name strong').allTextContents();
}

async function showFilter(label: string, filter: string): Promise<string[]> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect
    .poll(() => page.getByRole('button', { name: label, exact: true }).getAttribute('aria-pressed'))
    .toBe('true');
  return shownNames(filter);
}

/** The audit events the history dialog shows: [event, who, reason] per row, newest first. */
async function historyOf(tokenId: string, screenshot?: string): Promise<string[][]> {
  await page
    .locator(`tr[data-token-id="${tokenId}"]`)
    .getByRole('button', { name: /^History of / })
    .click();
  const dialog = page.getByTestId('audit-dialog');
  await dialog.getByTestId('audit-events').waitFor();
  const rows = await dialog
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].filter((_, i) => i !== 1).map((td) => td.textContent ?? ''),
      ),
    );
  const whenCells = await dialog.locator('tbody td.when').allTextContents();
  for (const when of whenCells) expect(when).toMatch(/UTC$/);
  if (screenshot) await page.screenshot({ path: join(RESULTS, screenshot) });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  return rows;
}

describe('token settings page in headless Chromium', () => {
  it('lists tokens with name, scopes, graphs, status, hint and last use, labelled as a demo', async () => {
    const banner = page.getByTestId('demo-banner');
    await expect.poll(() => banner.textContent()).toContain('bootstrap token');
    await expect.poll(() => banner.textContent()).toContain(`gt_…${BOOTSTRAP_TOKEN.slice(-4)}`);

    const bootstrap = row('bootstrap');
    await expect.poll(() => bootstrap.locator('td.scopes').textContent()).toBe('manage');
    await expect.poll(() => bootstrap.locator('td.graphs').textContent()).toBe('Account (manage)');
    await expect.poll(() => bootstrap.locator('td.status').textContent()).toBe('active');
    await expect
      .poll(() => bootstrap.locator('td.hint').textContent())
      .toBe(`gt_…${BOOTSTRAP_TOKEN.slice(-4)}`);
    // The page itself just used the bootstrap token, so it has a last use.
    await expect.poll(() => bootstrap.locator('td.last-used').textContent()).toMatch(/UTC$/);
    // The demo's own manage token is shown by its hint only.
    await expect(pageHolds(BOOTSTRAP_TOKEN)).resolves.toBe(false);
  });

  it('offers only append-only access once an encrypted graph is chosen', async () => {
    await openNewTokenDialog();
    const scope = (name: string) => page.getByRole('checkbox', { name: new RegExp(`^${name}:`) });
    const journal = page.getByRole('checkbox', { name: /Private journal/ });

    await journal.check();
    await expect.poll(() => scope('append').isChecked()).toBe(true);
    for (const name of ['read', 'write', 'manage']) {
      await expect.poll(() => scope(name).isDisabled(), { message: `${name} disabled` }).toBe(true);
    }
    const enabledPresets = await page
      .locator('#token-preset option:not([disabled])')
      .evaluateAll((options) => options.map((o) => o.textContent));
    expect(enabledPresets).toEqual(['Custom (choose scopes below)', 'Roam · append-only access']);
    await expect.poll(() => page.getByTestId('encrypted-note').isVisible()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'browser-app-create-dialog.png') });

    // Unchoosing the encrypted graph brings every scope back.
    await journal.uncheck();
    for (const name of ['read', 'append', 'write', 'manage']) {
      await expect.poll(() => scope(name).isDisabled(), { message: `${name} disabled` }).toBe(false);
    }

    await journal.check();
    await page.getByLabel('Name', { exact: true }).fill('Zapier journal actions');
    await page.getByLabel('Expected usage').fill('Appends Zapier action results to the encrypted journal');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await takeSecretAndClose();
    expect(isWellFormedToken(secret)).toBe(true); // not toMatch: a failure would print the secret

    const created = row('Zapier journal actions');
    await created.waitFor();
    await expect.poll(() => created.locator('td.scopes').textContent()).toBe('append');
    await expect.poll(() => created.locator('td.graphs').textContent()).toBe('Private journalencrypted');
  });

  it('shows a new secret once, with a copy button and a warning, and keeps only its hint', async () => {
    await openNewTokenDialog();
    await page.getByLabel('Name', { exact: true }).fill('CI pipeline');
    await page.getByLabel('Expected usage').fill('Nightly ETL load of the research notes');
    await page.getByLabel('Preset').selectOption({ label: 'TriplyDB · Write access' });
    await page.getByRole('checkbox', { name: /Research notes/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();

    const dialog = page.getByTestId('secret-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Store it now: it will not be shown again.');
    const secret = (await page.getByTestId('secret').textContent()) ?? '';
    shownSecrets.push(secret);
    expect(isWellFormedToken(secret)).toBe(true); // not toMatch: a failure would print the secret

    await page.getByTestId('copy-secret').click();
    await expect.poll(() => page.getByTestId('copy-secret').textContent()).toBe('Copied');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard === secret, 'the clipboard holds the secret').toBe(true);
    await page.screenshot({
      path: join(RESULTS, 'browser-app-secret-dialog.png'),
      mask: [page.getByTestId('secret')],
    });

    await page.getByTestId('close-secret').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('flash').textContent()).toBe('Token “CI pipeline” created.');

    const created = row('CI pipeline');
    await created.waitFor();
    await expect.poll(() => created.locator('td.name').textContent()).toContain('Nightly ETL load');
    await expect.poll(() => created.locator('td.scopes').textContent()).toBe('write');
    await expect.poll(() => created.locator('td.graphs').textContent()).toBe('Research notes');
    await expect.poll(() => created.locator('td.status').textContent()).toBe('active');
    await expect.poll(() => created.locator('td.hint').textContent()).toBe(`gt_…${secret.slice(-4)}`);
    await expect.poll(() => created.locator('td.last-used').textContent()).toBe('Never');
    await expect(pageHolds(secret)).resolves.toBe(false);
  });

  it('revokes a token only after confirmation', async () => {
    const target = row('CI pipeline');
    await target.getByRole('button', { name: 'Revoke CI pipeline' }).click();
    const confirm = page.getByTestId('revoke-dialog');
    await expect.poll(() => confirm.textContent()).toContain('cannot be restored');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => target.locator('td.status').textContent()).toBe('active');

    await target.getByRole('button', { name: 'Revoke CI pipeline' }).click();
    await page.getByTestId('confirm-revoke').click();
    await confirm.waitFor({ state: 'detached' });
    await target.locator('td.status', { hasText: 'revoked' }).waitFor();
    await expect.poll(() => target.getByRole('button', { name: 'Revoke CI pipeline' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('flash').textContent()).toBe('Token “CI pipeline” revoked.');
    await expect.poll(() => row('Zapier journal actions').locator('td.status').textContent()).toBe('active');

    await page.screenshot({ path: join(RESULTS, 'browser-app.png'), fullPage: true });
  });

  it('shows the stale tokens: active, not used for 90 days (or never, and created before that)', async () => {
    // Seed through the page's own mock: move its clock back 120 days, mint two tokens, use one.
    await page.evaluate(async () => {
      const mock = (globalThis as unknown as { graphtokenMock: PageMock }).graphtokenMock;
      const now = mock.clock.now();
      mock.clock.set(new Date(now.getTime() - 120 * 86_400_000));
      const used = mock.store.createToken({
        name: 'Old importer',
        scopes: ['read'],
        graphIds: ['gr_research'],
      });
      const answer = await fetch(`${mock.baseUrl}/v1/graphs`, {
        headers: { authorization: `Bearer ${used.secret}` },
      });
      if (answer.status !== 200) throw new Error(`the old importer could not list graphs: ${answer.status}`);
      mock.store.createToken({ name: 'Forgotten script', scopes: ['read'], graphIds: ['gr_research'] });
      mock.clock.set(now);
      mock.store.createToken({ name: 'Fresh reader', scopes: ['read'], graphIds: ['gr_research'] });
    });

    // Longest unused first; never used last. Used or recent tokens, and revoked ones, are not stale.
    expect(await showFilter('Stale (not used for 90 days)', 'stale')).toEqual([
      'Old importer',
      'Forgotten script',
    ]);
    await expect.poll(() => row('Old importer').locator('td.last-used').textContent()).toMatch(/UTC$/);
    await expect.poll(() => row('Forgotten script').locator('td.last-used').textContent()).toBe('Never');

    const all = await showFilter('All tokens', 'all');
    expect(all).toEqual(expect.arrayContaining(['Fresh reader', 'bootstrap', 'CI pipeline', 'Old importer']));
  });

  it('shows the active tokens expiring in 7 days, soonest first', async () => {
    expect(await showFilter('Expiring in 7 days', 'expiring')).toEqual([]);
    await expect
      .poll(() => page.getByTestId('token-list-empty').textContent())
      .toBe('No active token expires in the next 7 days.');

    await page.evaluate(() => {
      const mock = (globalThis as unknown as { graphtokenMock: PageMock }).graphtokenMock;
      const inDays = (days: number) => new Date(mock.clock.now().getTime() + days * 86_400_000);
      const mint = (name: string, days: number) =>
        mock.store.createToken({
          name,
          scopes: ['read'],
          graphIds: ['gr_research'],
          expiresAt: inDays(days),
        });
      mint('Expires in 5 days', 5);
      mint('Expires in 30 days', 30);
      mint('Expires tomorrow', 1);
    });
    expect(await showFilter('Expiring in 7 days', 'expiring')).toEqual([
      'Expires tomorrow',
      'Expires in 5 days',
    ]);
    await expect.poll(() => row('Expires tomorrow').locator('td.expires').textContent()).toMatch(/UTC$/);
    await page.screenshot({ path: join(RESULTS, 'browser-app-expiring.png'), fullPage: true });
  });

  it("shows a token's audit events: what, when, who and why", async () => {
    await showFilter('All tokens', 'all');
    // Revoked through the page earlier: created, then revoked by a person (Ada's account).
    const ciPipeline = await row('CI pipeline').getAttribute('data-token-id');
    expect(await historyOf(ciPipeline!)).toEqual([
      ['Revoked', 'acc_ada', 'revoked by a person'],
      ['Created', 'acc_ada', '—'],
    ]);

    // Rotate the old importer with a one-minute grace period, then move the mock clock past it.
    const { oldId, successorId } = await page.evaluate(async (bootstrap) => {
      const mock = (globalThis as unknown as { graphtokenMock: PageMock }).graphtokenMock;
      const old = mock.store.listTokens().find((t) => t.name === 'Old importer')!;
      const answer = await fetch(`${mock.baseUrl}/v1/tokens/${old.id}/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bootstrap}`, 'content-type': 'application/json' },
        body: JSON.stringify({ gracePeriodSeconds: 60 }),
      });
      const { token } = (await answer.json()) as { token: { id: string } };
      mock.clock.advance({ seconds: 61 });
      return { oldId: old.id, successorId: token.id };
    }, BOOTSTRAP_TOKEN);
    await showFilter('All tokens', 'all');
    await expect
      .poll(() => page.locator(`tr[data-token-id="${oldId}"] td.status`).textContent())
      .toBe('revoked');
    expect(await historyOf(oldId, 'browser-app-audit.png')).toEqual([
      ['Revoked', 'GraphToken (automatic)', 'the grace period after a rotation ended'],
      ['Rotated', 'acc_ada', `successor ${successorId}`],
      // Seeded with mock.store.createToken (setup, not an API call): no "Created" event.
      ['First used', 'acc_ada', '—'],
    ]);
    // Its successor was created by the rotation, through the API.
    expect(await historyOf(successorId)).toEqual([['Created', 'acc_ada', '—']]);
  });

  it('leaves no secret in the page or the console, and throws no page errors', async () => {
    expect(shownSecrets).toHaveLength(2);
    for (const secret of [...shownSecrets, BOOTSTRAP_TOKEN]) {
      await expect(pageHolds(secret)).resolves.toBe(false);
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });
});
