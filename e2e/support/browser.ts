/** Headless Debian Chromium through playwright-core (no browser download). */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

async function waitForChromium(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(CHROMIUM)) {
    if (Date.now() > deadline) throw new Error(`${CHROMIUM} is not installed (apt-get install chromium)`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export async function launchBrowser(): Promise<Browser> {
  await waitForChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh page (own cookies and storage) on the app under test. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('form[id="login"] button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // The router changes the URL first and keeps the login page up until the next page has loaded.
  await page.locator('form#login').waitFor({ state: 'detached' });
}

/** The tree node whose own title is `name` (exact), as antd renders it. */
export function treeNode(page: Page, name: string) {
  return page.locator('.ant-tree-treenode').filter({ has: page.locator('.unit-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
}

/** Opens a tree node by its switcher (the caller then waits for the children it expects). */
export async function expandTreeNode(page: Page, name: string): Promise<void> {
  const node = treeNode(page, name).first();
  await node.locator('.ant-tree-switcher').click();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `[lang, dir]` of the page's <html> (string expressions: the e2e code has no DOM types). */
export function htmlLangDir(page: Page): Promise<[string, string]> {
  return page.evaluate<[string, string]>('[document.documentElement.lang, document.documentElement.dir]');
}

type PageGlobals = { document: { title: string; documentElement: { dir: string } } };

// A predicate passed as a function, not as a string: Playwright turns a string into `new Function`
// inside the page, which the app's Content-Security-Policy (script-src 'self') refuses.
export async function waitForDir(page: Page, dir: 'ltr' | 'rtl'): Promise<void> {
  await page.waitForFunction((want) => (globalThis as unknown as PageGlobals).document.documentElement.dir === want, dir);
}

/** Types a date (dd/mm/yyyy) into an antd DatePicker and confirms it. */
export async function typeDate(page: Page, inputId: string, value: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** A day `days` from today in Viet Nam, as the API (yyyy-mm-dd) and the date pickers in Vietnamese (dd/mm/yyyy) write it. */
export function vietnamDay(days: number): { iso: string; typed: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const [y, m, d] = iso.split('-');
  return { iso, typed: `${d}/${m}/${y}` };
}
