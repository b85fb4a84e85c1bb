/**
 * A periodic review in the browser: create the 2023 review of a city, read its figures and the
 * anniversaries of the year and of the next one with their ordinal, refuse a key task due in the
 * past and add it due later, mark it done, move its deadline, download the DOCX, rename the review.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text, textBefore } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';

const TASK = `Nhân rộng mô hình “Dân vận khéo” ${Date.now().toString(36)}`;

describe('periodic review', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    // One registered model of the city in 2023 (Hà Nội was not merged in 2025, so it was in force then), so the review has figures to show.
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Thành phố Hà Nội');
    const entry = await admin.send<{ id: string; version: number }>('POST', '/api/entries', {
      registeringUnitId: province.id,
      level: 'province',
      kind: 'model',
      form: 'collective',
      fieldCode: 'economic',
      year: 2023,
      title: 'Mô hình “Chi hội phụ nữ giúp nhau phát triển kinh tế”',
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    expect((await admin.send('POST', `/api/entries/${entry.body.id}/actions/submit`, { version: entry.body.version })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates the 2023 review of a city and shows its figures', async () => {
    await page.goto('/reviews');
    await page.getByRole('button', { name: text('vi', 'reviews.create') }).click();
    await pickOption(page, 'review-create_unitId', 'thanh pho ha noi', 'Thành phố Hà Nội');
    await page.locator('#review-create_year').fill('2023');
    await page.getByRole('button', { name: text('vi', 'reviews.createSubmit') }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    await page.getByRole('heading', { name: /Tổng kết công tác dân vận và phong trào thi đua “Dân vận khéo” năm 2023/ }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await admin.get<{ figures: { figures: { entries: { total: number } } } }>(`/api/reviews/${id}`);
    expect(stored.figures.figures.entries.total).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('figures-entries').textContent()).toBe(String(stored.figures.figures.entries.total));
    // The narrative written from the figures.
    expect(await page.getByTestId('review-narrative').textContent()).toContain('2023');
  });

  it('lists the anniversaries of the year, and of the next year its tasks are for, with their ordinal', async () => {
    const calendar = page.getByTestId('review-calendar-current');
    await eventually(() => calendar.textContent()).toContain('Kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2023)');
    expect(await calendar.textContent()).toContain('Ngày Dân vận toàn quốc lần thứ 24');
    const next = await page.getByTestId('review-calendar-next').textContent();
    expect(next).toContain('Kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2024)');
    expect(next).not.toContain('15/10/2023');
  });

  it('refuses a key task due in the past, adds it due later, and marks it done', async () => {
    const deadline = page.locator('#review-task_deadline');
    await page.locator('#review-task_content').fill(TASK);
    // Enter in the date only sets the date: the form is not sent half-checked.
    await deadline.click();
    await deadline.fill('30/06/2024');
    await deadline.press('Enter');
    await page.getByRole('button', { name: text('vi', 'reviews.addTask') }).click();
    await page.getByText(textBefore('vi', 'reviews.deadlinePast')).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const tasks = async () => (await admin.get<{ tasks: { content: string }[] }>(`/api/reviews/${id}`)).tasks.filter((task) => task.content === TASK);
    expect(await tasks()).toEqual([]);

    await deadline.click();
    await deadline.fill('30/06/2027');
    await deadline.press('Enter');
    await page.getByRole('button', { name: text('vi', 'reviews.addTask') }).click();
    const row = page.getByTestId('review-tasks').locator('.ant-table-row', { hasText: TASK });
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBeNull();
    expect(await row.textContent()).toContain('30/06/2027');
    expect(await row.textContent()).toContain('Thành phố Hà Nội');
    await row.getByRole('button', { name: text('vi', 'reviews.markDone') }).click();
    await eventually(() => row.textContent()).toContain(textBefore('vi', 'reviews.doneBy'));
  });

  it("moves a task's deadline", async () => {
    const row = page.getByTestId('review-tasks').locator('.ant-table-row', { hasText: TASK });
    await row.getByRole('button', { name: text('vi', 'reviews.editTaskButton'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    const deadline = dialog.locator('#review-task-edit_deadline');
    await deadline.click();
    await deadline.fill('30/06/2028');
    await deadline.press('Enter');
    await dialog.getByRole('button', { name: text('vi', 'common.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => row.textContent()).toContain('30/06/2028');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await admin.get<{ tasks: { content: string; deadline: string }[] }>(`/api/reviews/${id}`);
    expect(stored.tasks.find((task) => task.content === TASK)?.deadline).toBe('2028-06-30');
  });

  it('downloads the review as a DOCX', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: text('vi', 'reviews.downloadDocx') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('renames the review', async () => {
    const title = `Tổng kết năm 2023 của Thành phố Hà Nội ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: text('vi', 'reviews.edit.title') }).click();
    const input = page.getByRole('textbox', { name: text('vi', 'reviews.edit.title') });
    await input.fill(title);
    await input.press('Enter');
    await page.getByRole('heading', { name: title }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect((await admin.get<{ title: string }>(`/api/reviews/${id}`)).title).toBe(title);
  });
});
