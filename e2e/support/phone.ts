/** A 390 × 844 phone (an iPhone 12–15's CSS viewport) for the phone layout tests. */
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const PHONE = { width: 390, height: 844 } as const;

export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: PHONE, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** How far the page reaches past the window's right edge (0: no sideways scrolling). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  const [scrollWidth, innerWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, window.innerWidth]');
  return scrollWidth - innerWidth;
}

export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  expect(await sidewaysOverflow(page), `${what} is wider than the phone`).toBeLessThanOrEqual(0);
}

/** The page's full height in CSS pixels. */
export function pageHeight(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollHeight');
}
