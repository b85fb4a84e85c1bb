import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn, rootUnit } from './support/api.js';
import { htmlLangDir, launchBrowser, newPage, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { browseTree, searchHoaLu, searchKimBang } from './support/units-flow.js';

const USERNAME = 'e2e-arabic';
const PASSWORD = 'Mat-khau-E2E-ar-2025';

describe('units in Arabic, right to left', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // An account of its own, so switching its language leaves the admin's alone.
    const admin = await apiSignIn('admin', inject('adminPassword'));
    const root = await rootUnit(admin);
    const created = await admin.send('POST', '/api/users', { username: USERNAME, displayName: 'E2E العربية', unitId: root.id, role: 'viewer', password: PASSWORD });
    expect(created.status).toBe(201);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, USERNAME, PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the interface to Arabic, right to left, and the account remembers it', async () => {
    expect((await htmlLangDir(page))[1]).toBe('ltr');
    // The picker is found by its (visually hidden) label, as a screen reader would.
    await page.getByLabel(text('vi', 'common.language'), { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: 'العربية' }).click();
    await waitForDir(page, 'rtl');
    expect((await htmlLangDir(page))[0]).toBe('ar');
    await expect.poll(() => page.locator('nav .ant-menu').textContent()).toContain(text('ar', 'nav.units'));
    // antd follows: its layout is mirrored.
    expect(await page.locator('.ant-layout-rtl, .ant-menu-rtl').count()).toBeGreaterThan(0);
    // Back from the server after a reload: the account's language, not the browser's.
    await page.reload();
    await waitForDir(page, 'rtl');
    await expect.poll(() => page.locator('nav .ant-menu').textContent()).toContain(text('ar', 'nav.units'));
  });

  it('opens Việt Nam, then a province, and lists its communes', async () => {
    await browseTree(page, 'ar');
    expect((await htmlLangDir(page))[1]).toBe('rtl');
    expect(await page.locator('.ant-tree-rtl').count()).toBeGreaterThan(0);
  });

  it('finds "Thị xã Kim Bảng" from "kim bang"', async () => {
    await searchKimBang(page, 'ar');
  });

  it('shows "Thành phố Hoa Lư" as retired with its successor, from "hoa lu"', async () => {
    await searchHoaLu(page, 'ar');
    expect((await htmlLangDir(page))[1]).toBe('rtl');
  });
});
