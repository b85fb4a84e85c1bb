/**
 * Numbers typed the Vietnamese way in the registration form: "1.500.000" đồng, "120,5" m² and
 * "1.200" participants are saved as 1500000, 120.5 and 1200 (the form used to save 2, 1205.00 and
 * 1); a decimal in a whole-number field and an ambiguous "1,250" m² are refused with a message,
 * Enter included, and nothing is written.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const MARK = Date.now().toString(36);
const TITLE = `Mô hình “Dân vận khéo” số liệu ${MARK}`;

describe('numbers in the registration form', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    await findChild(admin, province.id, 'Phường Hoa Lư');
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const errors = () => page.locator('.ant-form-item-explain-error').allTextContents();
  const saved = async () => (await admin.get<{ items: { id: string; title: string }[] }>(`/api/entries?q=${MARK}`)).items.filter((e) => e.title === TITLE);

  it('refuses a decimal in a whole-number field and an ambiguous area, Enter included, writing nothing', async () => {
    await page.goto('/entries/new');
    await pickOption(page, 'entry_registeringUnitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.locator('#entry_year').fill('2026');
    await pickOption(page, 'entry_level', '', text('vi', 'entries.level.commune'));
    await page.locator('#entry_title').fill(TITLE);
    await pickOption(page, 'entry_fieldCode', '', 'Kinh tế');
    await page.locator('#entry_participantsCount').fill('1.200');
    await page.locator('#entry_moneyVnd').fill('1.500.000');
    await page.locator('#entry_workingDays').fill('1,5');
    await page.locator('#entry_landM2').fill('1,250');
    await page.locator('#entry_landM2').press('Enter');
    await eventually(errors).toEqual([text('vi', 'numbers.wholeOnly'), '“1,250” có thể là 1.250 hoặc 1,25. Đồng chí gõ lại theo đúng một trong hai cách viết đó.']);
    expect(page.url()).toMatch(/\/entries\/new$/);
    expect(await saved()).toEqual([]);
  });

  it('saves 1.500.000 đồng, 120,5 m² and 1.200 participants as typed, and shows them grouped again', async () => {
    await page.locator('#entry_workingDays').fill('');
    await page.locator('#entry_landM2').fill('120,5');
    // The messages go as soon as the text reads right.
    await eventually(errors).toEqual([]);
    await page.getByTestId('entry-save').click();
    await page.waitForURL(/\/entries\/\d+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const entry = await admin.get<{ participantsCount: number; moneyVnd: string; landM2: string; workingDays: number | null }>(`/api/entries/${id}`);
    expect(entry).toMatchObject({ participantsCount: 1200, moneyVnd: '1500000', landM2: '120.50', workingDays: null });
    expect((await saved()).map((e) => e.id)).toEqual([id]);

    await page.goto(`/entries/${id}/edit`);
    await eventually(() => page.locator('#entry_moneyVnd').inputValue()).toBe('1.500.000');
    expect(await page.locator('#entry_landM2').inputValue()).toBe('120,5');
    expect(await page.locator('#entry_participantsCount').inputValue()).toBe('1.200');
    expect(await page.locator('#entry_year').inputValue()).toBe('2026');
  });
});
