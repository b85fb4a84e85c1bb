/**
 * The units flow both language tests walk through: open Việt Nam → Tỉnh Ninh Bình in the tree,
 * see its communes, then search "kim bang" and "hoa lu" (accents left out on purpose).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expandTreeNode, treeNode } from './browser.js';
import { textBefore, text } from './catalog.js';

export async function browseTree(page: Page, locale: string): Promise<void> {
  await page.goto('/units');
  await treeNode(page, 'Việt Nam').waitFor();
  // Provinces appear only once the root is opened.
  expect(await treeNode(page, 'Tỉnh Ninh Bình').count()).toBe(0);
  await expandTreeNode(page, 'Việt Nam');
  await treeNode(page, 'Tỉnh Ninh Bình').waitFor();
  await treeNode(page, 'Thành phố Hà Nội').waitFor();
  // 34 provinces in force since 1 July 2025; the old ones stay hidden until "show retired".
  expect(await treeNode(page, 'Tỉnh Hà Nam').count()).toBe(0);
  await expandTreeNode(page, 'Tỉnh Ninh Bình');
  await treeNode(page, 'Phường Hoa Lư').waitFor();
  await treeNode(page, 'Phường Tây Hoa Lư').waitFor();
  // The number of communes is shown on the node.
  const count = await treeNode(page, 'Tỉnh Ninh Bình').locator('.unit-count').first().getAttribute('title');
  expect(count).toContain(textBefore(locale, 'units.childCountTitle'));
}

async function search(page: Page, query: string) {
  const input = page.getByTestId('unit-search').locator('input').first();
  await input.fill(query);
  const results = page.getByTestId('unit-search-results');
  await results.waitFor();
  return results;
}

/** The search hit whose link text is exactly `name`. */
function hit(page: Page, name: string) {
  return page.getByTestId('unit-search-hit').filter({ has: page.getByRole('link', { name, exact: true }) });
}

export async function searchKimBang(page: Page, locale: string): Promise<void> {
  await search(page, 'kim bang');
  const kimBang = hit(page, 'Thị xã Kim Bảng').first();
  await kimBang.waitFor();
  expect(await kimBang.textContent()).toContain('Tỉnh Hà Nam');
  expect(await kimBang.getByTestId('retired-note').textContent()).toContain(textBefore(locale, 'units.retiredOn'));
}

/** "Thành phố Hoa Lư": retired on 1 July 2025 and succeeded by a unit the user can open. */
export async function searchHoaLu(page: Page, locale: string): Promise<void> {
  await search(page, 'hoa lu');
  const hoaLu = hit(page, 'Thành phố Hoa Lư').first();
  await hoaLu.waitFor();
  const note = hoaLu.getByTestId('retired-note');
  const noteText = (await note.textContent()) ?? '';
  expect(noteText).toContain(textBefore(locale, 'units.retiredOn'));
  expect(noteText).toContain(text(locale, 'units.succeededBy'));
  const successor = note.getByRole('link').first();
  const successorName = (await successor.textContent()) ?? '';
  expect(successorName).toContain('Ninh Bình');
  // The in-force ward of the same name is found too, without the retired note.
  const ward = hit(page, 'Phường Hoa Lư').first();
  await ward.waitFor();
  expect(await ward.getByTestId('retired-note').count()).toBe(0);
  // Following the successor opens its page.
  await successor.click();
  await page.waitForURL(/\/units\/\d+$/);
  await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(successorName);
}
