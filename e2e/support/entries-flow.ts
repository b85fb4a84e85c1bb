/** Helpers of the entries browser tests: antd selects, the detail page's status and timeline. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { escapeRegExp } from './browser.js';

/** Types into an antd Select with search (by its input id) and picks the option whose label starts with `label`. */
export async function pickOption(page: Page, inputId: string, search: string, label: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  if (search) await input.pressSequentially(search, { delay: 20 });
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${escapeRegExp(label)}`) }).first();
  await option.waitFor();
  await option.click();
}

/** The status shown on the entry's page (data-status of the tag). */
export function entryStatus(page: Page): Promise<string | null> {
  return page.getByTestId('entry-title').locator('xpath=..').getByTestId('entry-status').getAttribute('data-status');
}

/** Waits until the page shows `status`, then checks the timeline ends with that status. */
export async function expectStatus(page: Page, status: string, timelineLength: number): Promise<void> {
  await page.locator(`[data-testid="entry-status"][data-status="${status}"]`).waitFor();
  const items = page.getByTestId('timeline-item');
  await eventually(() => items.count()).toBe(timelineLength);
  expect(await items.last().getAttribute('data-status')).toBe(status);
}

/** `expect.poll` with the browser's patience (its default second is too short on a busy machine). */
export function eventually<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 });
}
