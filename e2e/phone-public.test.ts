/**
 * The citizens' page /petition on a 390 × 844 phone, checked only for being usable there (what it
 * says is petitions-public.test.ts's matter): nothing wider than the phone, and every field and
 * button of its forms within the screen's width and able to take the focus.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { expectNoSidewaysScroll, newPhonePage, PHONE } from './support/phone.js';

type FocusState = { document: { activeElement: unknown } };

describe('the public petition page on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPhonePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is no wider than the phone, and every control of its form is within reach', async () => {
    await page.goto('/petition');
    const form = page.locator('form').first();
    await form.waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page, 'the public page');
    const controls = form.locator('input:not([type="hidden"]), textarea, select, button');
    const count = await controls.count();
    // The place, the category, the title, the text, the sender and the send button at least.
    expect(count).toBeGreaterThanOrEqual(6);
    let checked = 0;
    for (let i = 0; i < count; i += 1) {
      const control = controls.nth(i);
      // A disabled control (the commune before a province is chosen) waits for its turn.
      if (!(await control.isVisible()) || (await control.isDisabled())) continue;
      await control.scrollIntoViewIfNeeded();
      const b = (await control.boundingBox())!;
      expect(b.x, `control ${i} starts off the screen`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `control ${i} ends off the screen`).toBeLessThanOrEqual(PHONE.width);
      expect(b.y + b.height).toBeGreaterThan(0);
      expect(b.y).toBeLessThan(PHONE.height);
      // Reachable also means operable: it takes the focus (a keyboard or a screen reader gets there).
      await control.focus();
      const name = (await control.getAttribute('id')) ?? (await control.getAttribute('name')) ?? (await control.textContent());
      expect(await control.evaluate((el) => (globalThis as unknown as FocusState).document.activeElement === el), `control ${name} takes no focus`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    await expectNoSidewaysScroll(page, 'the public page after scrolling through its form');
  });
});
