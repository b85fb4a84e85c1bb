import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn } from './support/api.js';
import { htmlLangDir, launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { browseTree, searchHoaLu, searchKimBang } from './support/units-flow.js';

describe('units in Vietnamese', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The account's language decides after sign-in; make sure it is Vietnamese.
    const admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens Việt Nam, then a province, and lists its communes', async () => {
    await browseTree(page, 'vi');
    expect((await htmlLangDir(page))[1]).toBe('ltr');
  });

  it('shows retired units, greyed with their end date, when asked', async () => {
    await page.getByTestId('show-retired').click();
    await page.locator('.ant-tree-treenode .unit-name', { hasText: 'Việt Nam' }).first().waitFor();
    await page.locator('.ant-tree-treenode', { hasText: 'Việt Nam' }).first().locator('.ant-tree-switcher').click();
    const haNam = page.locator('.ant-tree-treenode').filter({ has: page.locator('.unit-name', { hasText: /^Tỉnh Hà Nam$/ }) }).first();
    await haNam.waitFor();
    expect(await haNam.textContent()).toContain(text('vi', 'units.retiredOn', { date: '01/07/2025' }));
    expect(await haNam.locator('.unit-retired').count()).toBeGreaterThan(0);
    await page.getByTestId('show-retired').click();
  });

  it('finds "Thị xã Kim Bảng" from "kim bang"', async () => {
    await searchKimBang(page, 'vi');
    const kimBang = page.getByTestId('unit-search-hit').filter({ has: page.getByRole('link', { name: 'Thị xã Kim Bảng', exact: true }) }).first();
    // Vietnamese dates are dd/mm/yyyy.
    expect(await kimBang.textContent()).toContain(text('vi', 'units.retiredOn', { date: '01/07/2025' }));
  });

  it('shows "Thành phố Hoa Lư" as retired with its successor, from "hoa lu"', async () => {
    await searchHoaLu(page, 'vi');
  });
});
