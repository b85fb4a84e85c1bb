/**
 * The staff pages on a 390 × 844 phone: a one-row header whose menu button leaves the page title
 * alone, the menu sliding over the page in a drawer (from the right in Arabic), lists as cards
 * with their filters folded away, an entry's page, the dashboard's figures in two columns and its
 * charts as sections, and no page wider than the phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';
import { expectNoSidewaysScroll, newPhonePage, PHONE, pageHeight } from './support/phone.js';

const SUFFIX = Date.now().toString(36);
const YEAR = 2026;
const TITLE = `Mô hình "Dân vận khéo" xây dựng nông thôn mới kiểu mẫu trên điện thoại ${SUFFIX}`;
const PETITION = `Kiến nghị sửa cống thoát nước khu phố ${SUFFIX}`;

type Unit = { id: string; name: string };
type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

describe('staff pages on a phone', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let province: Unit;
  let entryId: string;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const commune = await findChild(admin, province.id, 'Phường Hoa Lư');
    // National fields only: other tests add fields of their own units.
    const fields = (await admin.get<{ items: { code: string; unitId: string | null }[] }>('/api/entry-fields')).items.filter((f) => f.unitId === null);
    for (const [i, kind] of (['model', 'model', 'typical_example'] as const).entries()) {
      const created = await admin.send<{ id: string; version: number }>('POST', '/api/entries', {
        registeringUnitId: commune.id,
        level: 'commune',
        kind,
        form: 'collective',
        fieldCode: fields[i % fields.length]!.code,
        year: YEAR,
        title: i === 0 ? TITLE : `${TITLE} (${i})`,
      });
      expect(created.status).toBe(201);
      if (i === 0) entryId = created.body.id;
      expect((await admin.send('POST', `/api/entries/${created.body.id}/actions/submit`, { version: created.body.version })).status).toBe(200);
    }
    const petition = await admin.send('POST', '/api/petitions', {
      unitId: commune.id,
      kind: 'recommendation',
      channel: 'in_person',
      categoryCode: 'land',
      title: PETITION,
      content: 'Cống thoát nước trước nhà văn hóa khu phố bị tắc, mưa là ngập.',
      submitter: { name: 'Lê Thị Mai' },
    });
    expect(petition.status, JSON.stringify(petition.body)).toBe(201);
    browser = await launchBrowser();
    page = await newPhonePage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('keeps the header on one row with a menu button that leaves the page title alone', async () => {
    await page.goto('/entries');
    const title = page.getByRole('heading', { level: 1, name: text('vi', 'entries.title') });
    await title.waitFor();
    // No side menu squeezing the page: the menu is behind the button.
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    const button = page.getByTestId('menu-button');
    await button.waitFor();
    const header = await box(page, '.ant-layout-header');
    expect(header.height).toBeLessThanOrEqual(56);
    expect(header.width).toBeLessThanOrEqual(PHONE.width);
    expect(overlaps(await box(page, '[data-testid="menu-button"]'), (await title.boundingBox())!)).toBe(false);
    await expectNoSidewaysScroll(page, 'the entries list');
  });

  it('slides the menu over the page instead of squeezing it, and closes it on the way to another page', async () => {
    const before = await box(page, 'main h1');
    await page.getByTestId('menu-button').click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    const menuLink = page.locator('.ant-drawer nav').getByRole('link', { name: text('vi', 'nav.petitions') });
    await menuLink.waitFor();
    // The page under the drawer has not moved or narrowed.
    expect(await box(page, 'main h1')).toEqual(before);
    await eventually(async () => (await drawer.boundingBox())?.x).toBe(0);
    // The account and the sign-out are in the drawer.
    expect(await page.locator('.ant-drawer').getByTestId('account-name').textContent()).toBeTruthy();
    expect(await page.locator('.ant-drawer').getByRole('button', { name: text('vi', 'auth.signOut') }).count()).toBe(1);
    await menuLink.click();
    await page.waitForURL((url) => url.pathname === '/petitions');
    await eventually(() => drawer.isVisible()).toBe(false);
  });

  it('shows the petitions list as cards, with the filters folded under one button', async () => {
    await page.goto('/petitions?status=any');
    const list = page.getByTestId('petitions-table');
    const card = list.getByTestId('table-card').filter({ hasText: PETITION });
    await card.waitFor();
    expect(await list.getAttribute('data-layout')).toBe('cards');
    expect(await list.locator('table').count()).toBe(0);
    // Each card lists the columns by name: the handling unit, the status, the due date.
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain(text('vi', 'petitions.fields.handlingUnit'));
    expect(cardText).toContain(text('vi', 'petitions.status.received'));
    expect(cardText).not.toContain('Lê Thị Mai');
    const statusFilter = page.locator('label', { hasText: new RegExp(`^${text('vi', 'petitions.fields.status')}$`) });
    expect(await statusFilter.isVisible()).toBe(false);
    await page.getByTestId('filters-toggle').click();
    await statusFilter.waitFor();
    await expectNoSidewaysScroll(page, 'the petitions list');
  });

  it('shows the entries as cards and opens one', async () => {
    await page.goto(`/entries?year=${YEAR}&q=${encodeURIComponent(SUFFIX)}`);
    const list = page.getByTestId('entries-table');
    const card = list.getByTestId('table-card').filter({ has: page.getByRole('link', { name: TITLE, exact: true }) });
    await card.waitFor();
    expect(await list.getAttribute('data-layout')).toBe('cards');
    expect(await card.textContent()).toContain(text('vi', 'entries.status.registered'));
    // The facets wait behind their button: the list starts on the first screen.
    expect(await page.getByTestId('entry-facets').count()).toBe(0);
    expect((await card.boundingBox())!.y).toBeLessThan(PHONE.height * 1.5);
    // The selection works from a card as from a row.
    await card.getByRole('checkbox').check();
    await page.getByTestId('bulk-bar').waitFor();
    await card.getByRole('checkbox').uncheck();
    await expectNoSidewaysScroll(page, 'the entries list');
    await card.getByRole('link', { name: TITLE, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/entries/${entryId}`);
    // The URL changes before the entry's page replaces the list: wait for its heading.
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
  });

  it('fits an entry’s page on the phone, its actions within reach', async () => {
    await page.goto(`/entries/${entryId}`);
    await page.getByTestId('entry-timeline').waitFor();
    await expectNoSidewaysScroll(page, 'an entry’s page');
    const action = page.getByTestId('action-accept');
    await action.scrollIntoViewIfNeeded();
    const actionBox = (await action.boundingBox())!;
    expect(actionBox.x).toBeGreaterThanOrEqual(0);
    expect(actionBox.x + actionBox.width).toBeLessThanOrEqual(PHONE.width);
  });

  it('shows the dashboard’s figures two by two and its charts as sections, the first two open', async () => {
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${YEAR}`);
    const figures = page.getByTestId('headline-figures');
    await figures.waitFor();
    const [first, second, third] = await Promise.all([0, 1, 2].map((i) => figures.locator(':scope > *').nth(i).boundingBox()));
    // Two columns: the second figure beside the first, the third under it.
    expect(second!.y).toBe(first!.y);
    expect(third!.y).toBeGreaterThan(first!.y);
    await page.getByTestId('chart-field').locator('svg').waitFor();
    await page.getByTestId('chart-year').locator('svg').waitFor();
    // The other charts wait for a tap on their section.
    expect(await page.getByTestId('chart-children').count()).toBe(0);
    const height = await pageHeight(page);
    await page.getByRole('button', { name: text('vi', 'dashboard.byChildUnit') }).click();
    await page.getByTestId('chart-children').locator('svg').waitFor();
    // Every chart is drawn within the phone's width.
    for (const id of ['chart-field', 'chart-year', 'chart-children']) {
      const chart = (await page.getByTestId(id).boundingBox())!;
      expect(chart.x + chart.width, id).toBeLessThanOrEqual(PHONE.width);
    }
    await expectNoSidewaysScroll(page, 'the dashboard');
    // Before: eleven figures and six charts one under another, about 3,800 px for a province's year.
    expect(height).toBeLessThan(2_400);
  });

  it('keeps other staff pages within the phone’s width', async () => {
    for (const path of ['/reports', '/reviews', '/conferences', '/commendations', '/reception', '/units', '/users', '/audit', `/petitions/new`]) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(page, path);
    }
    // Nine pages, each loaded to network idle: minutes on a loaded machine.
  }, 300_000);

  it('opens the drawer from the right in Arabic', async () => {
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'ar' })).status).toBe(200);
    await page.goto('/entries');
    await page.reload();
    await waitForDir(page, 'rtl');
    await page.getByTestId('menu-button').click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await page.locator('.ant-drawer nav').getByRole('link', { name: text('ar', 'nav.entries') }).waitFor();
    await eventually(async () => {
      const b = await drawer.boundingBox();
      return b ? Math.round(b.x + b.width) : null;
    }).toBe(PHONE.width);
    expect((await drawer.boundingBox())!.x).toBeGreaterThan(0);
  });
});
