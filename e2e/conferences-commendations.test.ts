/**
 * Review conferences and commendations in the browser: create a conference for a province,
 * commend two collectives and one individual at it in one go, and read the summary in
 * Vietnamese, English and Arabic (each with its own plural forms; Arabic right to left).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const TITLE = `Hội nghị sơ kết quý ${Date.now().toString(36)}`;

describe('review conferences and commendations', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('creates a conference for a quarter', async () => {
    await page.goto('/conferences');
    await page.getByRole('button', { name: text('vi', 'conferences.create') }).click();
    await pickOption(page, 'conference_unitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await page.locator('#conference_title').fill(TITLE);
    await typeDate(page, 'conference_heldOn', '15/10/2026');
    // No period is chosen for the officer: saving without one asks for it, and nothing is written.
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.getByText(text('vi', 'conferences.periodKindRequired')).waitFor();
    expect(page.url()).toMatch(/\/conferences$/);
    await page.getByRole('radio', { name: text('vi', 'conferences.periodKinds.quarter'), exact: true }).check();
    await page.locator('#conference_year').fill('2026');
    await pickOption(page, 'conference_quarter', '', '3');
    await eventually(() => page.getByTestId('conference-period-preview').textContent()).toContain('01/07/2026\u00a0– 30/09/2026');
    await page.getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.waitForURL(/\/conferences\/\d+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.textContent('main')).toContain(text('vi', 'conferences.quarterOf', { quarter: '3', year: '2026' }));
  });

  it('edits the conference, and offers to reload when someone else changed it meanwhile', async () => {
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: text('vi', 'conferences.edit') }).click();
    await page.locator('#conference_participantsCount').fill('150');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.locator('#conference').waitFor({ state: 'detached' });
    await eventually(() => page.textContent('main')).toContain('150');
    // Someone else saves a change the page has not seen.
    const current = await admin.get<{ version: number }>(`/api/review-conferences/${id}`);
    expect((await admin.send('PATCH', `/api/review-conferences/${id}`, { notes: 'Đã bổ sung thành phần dự', version: current.version })).status).toBe(200);
    await page.getByRole('button', { name: text('vi', 'conferences.edit') }).click();
    await page.locator('#conference_participantsCount').fill('160');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'conferences.conflictTitle')).waitFor();
    await page.getByRole('button', { name: text('vi', 'common.reload') }).click();
    await eventually(() => page.textContent('main')).toContain('Đã bổ sung thành phần dự');
    const after = await admin.get<{ participantsCount: number }>(`/api/review-conferences/${id}`);
    expect(after.participantsCount).toBe(150);
  });

  it('commends two collectives and one individual at once', async () => {
    await pickOption(page, 'commend-many_formCode', '', 'Bằng khen');
    await page.locator('#commend-many_decisionNumber').fill('123/QĐ-UBND');
    await typeDate(page, 'commend-many_decisionDate', '20/10/2026');
    await pickOption(page, 'commend-many_collectives_0_unitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.getByRole('button', { name: text('vi', 'conferences.addCollective') }).click();
    await pickOption(page, 'commend-many_collectives_1_unitId', 'tay hoa lu', 'Phường Tây Hoa Lư, Tỉnh Ninh Bình');
    await page.getByRole('button', { name: text('vi', 'conferences.addIndividual') }).click();
    await page.locator('#commend-many_individuals_0_name').fill('Nguyễn Thị Hoa');
    await page.locator('#commend-many_individuals_0_position').fill('Chi hội trưởng phụ nữ');
    await pickOption(page, 'commend-many_individuals_0_unitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.getByRole('button', { name: text('vi', 'conferences.commendSubmit') }).click();
    const expected = text('vi', 'commendations.summary', { collectives: '2 tập thể', individuals: '1 cá nhân' });
    await eventually(() => page.getByTestId('conference-summary').textContent()).toBe(expected);
    await eventually(() => page.locator('main .ant-table-row').count()).toBe(3);
  });

  it('summarises the commendations with the plural forms of each language', async () => {
    // Only this test's commendations (Ninh Bình, "Bằng khen", 2026): other browser test files run
    // beside this one and give commendations of their own.
    const ninhBinh = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    await page.goto(`/commendations?unitId=${ninhBinh.id}&year=2026&formCode=commendation_certificate`);
    await eventually(() => page.getByTestId('commendations-summary').textContent()).toBe(text('vi', 'commendations.summary', { collectives: '2 tập thể', individuals: '1 cá nhân' }));

    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'en' })).status).toBe(200);
    await page.reload();
    await eventually(() => page.getByTestId('commendations-summary').textContent()).toBe('2 collectives and 1 individual were commended');

    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'ar' })).status).toBe(200);
    await page.reload();
    await waitForDir(page, 'rtl');
    // Arabic: the dual for two collectives, the singular for one individual.
    await eventually(() => page.getByTestId('commendations-summary').textContent()).toBe(
      text('ar', 'commendations.summary', { collectives: text('ar', 'commendations.collectives_two'), individuals: text('ar', 'commendations.individuals_one') }),
    );

    // The entries list in Arabic too: its own title, the buttons, right to left.
    await page.goto('/entries');
    await page.getByRole('heading', { name: text('ar', 'entries.title') }).waitFor();
    expect(await page.getByTestId('export-xlsx').textContent()).toBe(text('ar', 'entries.exportExcel'));
    expect(await page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
  });
});
