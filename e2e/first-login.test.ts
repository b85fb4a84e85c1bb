import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlLangDir, launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';

describe('first sign-in as the administrator', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor to the sign-in page, in Vietnamese', async () => {
    await page.goto('/units');
    await page.waitForURL(/\/login/);
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/units');
    await expect.poll(() => page.locator('h1').textContent()).toBe(text('vi', 'app.title'));
    expect(await htmlLangDir(page)).toEqual(['vi', 'ltr']);
    expect(await page.locator('label[for="login_username"]').textContent()).toBe(text('vi', 'auth.username'));
  });

  it('explains a wrong password by its code, in the user\'s language', async () => {
    await page.locator('#login_username').fill('admin');
    await page.locator('#login_password').fill('not-the-password');
    await page.locator('form#login button[type="submit"]').click();
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toContain(text('vi', 'errors.INVALID_CREDENTIALS'));
    expect(page.url()).toContain('/login');
  });

  it('signs in, shows the account and the menu, and returns to the page asked for', async () => {
    await signIn(page, 'admin', inject('adminPassword'));
    expect(new URL(page.url()).pathname).toBe('/units');
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('Quản trị hệ thống');
    const menu = page.locator('nav .ant-menu');
    for (const key of ['nav.units', 'nav.users', 'nav.audit']) {
      expect(await menu.getByRole('link', { name: text('vi', key) }).count()).toBe(1);
    }
  });

  it('keeps the session across a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('Quản trị hệ thống');
    expect(new URL(page.url()).pathname).toBe('/units');
  });

  it('records the sign-in in the audit log', async () => {
    await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.audit') }).click();
    await page.waitForURL(/\/audit/);
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.textContent()).toContain(text('vi', 'auditActions.session__login'));
  });

  it('signs out, after which the app asks to sign in again', async () => {
    await page.getByRole('button', { name: text('vi', 'auth.signOut') }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/units');
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
