/**
 * The officer's conventions on the screens issue 12 found them broken, in the browser: date inputs
 * that show dd/mm/yyyy and where Enter does not send the registration form; a duplicate registration
 * named as such, with a link to the entry already there; empty fields as "—"; the entries table
 * giving its title the room and naming a unit with its parent; Arabic dates on one line; every menu
 * label whole in every language (the Russian one was cut). Screenshots go to
 * $DANVAN_SCREENSHOTS (when set) at 1366 and 390 px in Vietnamese, Arabic and Russian.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../common/access.js';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const RUN = Date.now().toString(36);
/** A long title, as officers write them: the one Russian squeezed to a word a line. */
const TITLE = `Mô hình “Chi hội phụ nữ giúp nhau phát triển kinh tế, xây dựng gia đình no ấm, tiến bộ, hạnh phúc” ${RUN}`;
const SHOTS = process.env.DANVAN_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

type Box = { width: number; height: number };
type Styled = { ownerDocument: { defaultView: { getComputedStyle: (el: unknown) => { lineHeight: string; fontSize: string } } } };

/** An element's line height in pixels ("normal" taken as 1.5 × the font size). */
function lineHeightOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const style = (el as unknown as Styled).ownerDocument.defaultView.getComputedStyle(el);
    return parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize);
  });
}

describe("the officer's conventions", () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let entryId: string;

  const useLocale = async (locale: string) => {
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
    await page.reload();
    await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
  };

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const ward = await findChild(admin, province.id, 'Phường Hoa Lư');
    const entry = await admin.send<{ id: string }>('POST', '/api/entries', {
      registeringUnitId: ward.id,
      level: 'commune',
      kind: 'model',
      form: 'collective',
      fieldCode: 'economic',
      year: 2026,
      title: TITLE,
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    entryId = entry.body.id;
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('registration: dates typed dd/mm/yyyy, Enter in a date sends nothing, a duplicate links to the entry already there', async () => {
    await page.goto('/entries/new');
    const start = page.locator('#entry_startDate');
    expect(await start.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await pickOption(page, 'entry_registeringUnitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.locator('#entry_year').fill('2026');
    await pickOption(page, 'entry_level', '', text('vi', 'entries.level.commune'));
    await page.locator('#entry_title').fill(TITLE.toUpperCase());
    await pickOption(page, 'entry_fieldCode', '', 'Kinh tế');
    await start.click();
    await start.fill('05/01/2026');
    await start.press('Enter');
    // Nothing was sent: no answer from the server, still on the form, the date kept as typed.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(page.url()).toMatch(/\/entries\/new$/);
    expect(await start.inputValue()).toBe('05/01/2026');
    await shot(page, 'registration-vi-1366');

    await page.getByTestId('entry-save').click();
    const alert = page.getByRole('alert').filter({ hasText: text('vi', 'errors.alreadyExists.entry', { year: '2026' }) });
    await alert.waitFor();
    expect(await alert.textContent()).not.toContain('tên đăng nhập');
    await alert.scrollIntoViewIfNeeded();
    await shot(page, 'duplicate-vi-1366');
    await alert.getByTestId('existing-record').click();
    await page.waitForURL(new RegExp(`/entries/${entryId}$`));
  }, 120_000);

  it('entry detail: a field with nothing recorded reads "—", not "Không có"', async () => {
    await page.goto(`/entries/${entryId}`);
    await page.locator('.ant-descriptions-item-content').first().waitFor();
    // Labels and values pair up in order (a bordered table: each label cell, then its value cell).
    const labels = (await page.locator('.ant-descriptions-item-label').allTextContents()).map((l) => l.trim());
    const values = (await page.locator('.ant-descriptions-item-content').allTextContents()).map((v) => v.trim());
    expect(labels.length).toBe(values.length);
    expect(values[labels.indexOf(text('vi', 'entries.fields.moneyVnd'))]).toBe('—');
    expect(values.filter((v) => v === '—').length).toBeGreaterThan(3);
    expect(values).not.toContain(text('vi', 'common.none'));
    await shot(page, 'entry-detail-vi-1366');
  });

  it('entries table: the title has the room, the unit says where it lies', async () => {
    await page.goto(`/entries?q=${RUN}`);
    const row = page.locator('.ant-table-row', { hasText: RUN });
    await row.waitFor();
    for (const locale of ['vi', 'ru']) {
      await useLocale(locale);
      await row.waitFor();
      const title = await row.getByTestId('entry-title').boundingBox();
      const lineHeight = await lineHeightOf(row.getByTestId('entry-title'));
      // At 1366 px a title of ~110 characters takes at most three lines (it took four in Vietnamese, eight in Russian).
      expect(title!.height / lineHeight, locale).toBeLessThanOrEqual(3.2);
      await shot(page, `entries-${locale}-1366`);
    }
    await useLocale('vi');
    await row.waitFor();
    expect(await row.getByTestId('unit-name').textContent()).toBe('Phường Hoa Lư, Tỉnh Ninh Bình');
  }, 120_000);

  it('Arabic: dates stay on one line, in a wide and a narrow window', async () => {
    await useLocale('ar');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/entries?q=${RUN}`);
      const date = page.locator('.ant-table-row', { hasText: RUN }).locator('.date-text').first();
      const visible = await date.isVisible().catch(() => false);
      if (visible) {
        const box = (await date.boundingBox()) as Box;
        const lineHeight = await lineHeightOf(date);
        expect(box.height, `${width} px`).toBeLessThan(lineHeight * 1.5);
      }
      await shot(page, `entries-ar-${width}`);
      await page.goto(`/entries/${entryId}`);
      await page.getByTestId('entry-title').waitFor();
      await shot(page, `entry-detail-ar-${width}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await useLocale('vi');
    await page.goto(`/entries/${entryId}`);
    await page.getByTestId('entry-title').waitFor();
    await shot(page, 'entry-detail-vi-390');
    await page.goto('/entries/new');
    await page.locator('#entry_startDate').waitFor();
    await shot(page, 'registration-vi-390');
    await page.setViewportSize({ width: 1366, height: 900 });
  }, 240_000);

  it('the menu: every label whole, in every language', async () => {
    await page.goto('/entries');
    for (const locale of LOCALES) {
      await useLocale(locale);
      const labels = page.locator('.ant-layout-sider .ant-menu-title-content');
      await eventually(() => labels.count()).toBeGreaterThan(5);
      const cut = await page.evaluate<string[]>(
        `[...document.querySelectorAll('.ant-layout-sider .ant-menu-title-content')].filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.closest('.ant-menu-item').getBoundingClientRect().right + 1).map((el) => el.textContent)`,
      );
      expect(cut, locale).toEqual([]);
      if (locale === 'ru') await shot(page, 'menu-ru-1366');
    }
    await useLocale('vi');
  }, 240_000);
});
