/**
 * The officers' petitions list and the audit log as an officer uses them (issue 12): a search typed
 * without accents, the receiving unit beside each number, the overdue figure that opens the
 * overdue petitions, the Excel export, the "Giao xử lý" dialog offering only the handling unit and
 * what lies below it, and the audit log in Vietnamese with names — no unhandled error in the
 * browser's console throughout.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';

const LATE = 'Đường ngõ 12 ngập nước mỗi khi mưa';
const FRESH = 'Tiếng ồn công trình ban đêm';

/** An ISO date `days` before today in Viet Nam. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('petitions list', () => {
  let browser: Browser;
  let page: Page;
  let hanoiId = '';
  let lateId = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const api = await apiSignIn('admin', inject('adminPassword'));
    const hanoi = await findChild(api, (await rootUnit(api)).id, 'Thành phố Hà Nội');
    hanoiId = hanoi.id;
    const baDinh = await findChild(api, hanoi.id, 'Phường Ba Đình');
    const ngocHa = await findChild(api, hanoi.id, 'Phường Ngọc Hà');
    const settings = await api.get<{ categories: { code: string }[] }>('/api/petition-settings');
    const categoryCode = settings.categories[0]!.code;
    const intake = async (unitId: string, title: string, receivedOn: string) => {
      const res = await api.send<{ id: string }>('POST', '/api/petitions', { unitId, kind: 'recommendation', channel: 'mail', anonymous: true, categoryCode, title, content: `${title}: đề nghị chính quyền xem xét.`, receivedOn });
      if (res.status !== 200 && res.status !== 201) throw new Error(`intake: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    // Received 40 days ago: past any recommendation's time limit.
    lateId = await intake(baDinh.id, LATE, daysAgo(40));
    await intake(ngocHa.id, FRESH, daysAgo(0));
    const late = await api.get<{ version: number }>(`/api/petitions/${lateId}`);
    const classified = await api.send('POST', `/api/petitions/${lateId}/actions/classify`, { version: late.version });
    if (classified.status !== 200) throw new Error(`classify: ${classified.status} ${JSON.stringify(classified.body)}`);

    browser = await launchBrowser();
    page = await newPage(browser);
    // Unhandled errors and errors the app logs; a resource that failed to load is told by its response below.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 500) consoleErrors.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rows = () => page.locator('[data-testid="petitions-table"] .ant-table-row');

  it('finds a title typed without accents, and shows the receiving unit of each number', async () => {
    await page.goto(`/petitions?unitId=${hanoiId}`);
    await rows().filter({ hasText: LATE }).waitFor();
    expect(await page.locator('[data-testid="petitions-table"] thead').textContent()).toContain(text('vi', 'petitions.fields.unit'));
    // antd puts the test id on the search box's wrapper or on the input, by version.
    const search = page.locator('input[data-testid="petition-search"], [data-testid="petition-search"] input').first();
    await search.fill('duong ngo 12 NGAP');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'duong ngo 12 NGAP');
    await eventually(() => rows().allTextContents()).toHaveLength(1);
    const row = (await rows().first().textContent()) ?? '';
    expect(row).toContain(LATE);
    expect(row).toContain('Phường Ba Đình');
  });

  it('opens the overdue petitions from the digest\'s figure, and downloads the list as Excel', async () => {
    await page.goto(`/petitions?unitId=${hanoiId}`);
    await rows().filter({ hasText: FRESH }).waitFor();
    await page.getByTestId('digest-overdue').click();
    await page.waitForURL((url) => url.searchParams.get('due') === 'overdue');
    await eventually(() => rows().allTextContents()).toEqual([expect.stringContaining(LATE)]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('don-thu.xlsx');
  });

  it('offers in "Giao xử lý" only the handling unit and the units below it', async () => {
    await page.goto(`/petitions/${lateId}`);
    const assign = page.getByRole('button', { name: text('vi', 'petitions.actions.assign'), exact: true });
    await assign.waitFor({ timeout: 60_000 });
    await assign.click();
    const dialog = page.getByRole('dialog');
    const picker = dialog.locator('.ant-select').first();
    await picker.click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await eventually(() => options.first().textContent()).toBe(text('vi', 'petitions.assign.self', { name: 'Phường Ba Đình' }));
    // Another ward of the same city is not below Ba Đình: not offered.
    await page.keyboard.type('ngoc ha', { delay: 20 });
    await eventually(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').textContent()).toContain(text('vi', 'common.noResults'));
    expect(await options.count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: text('vi', 'common.cancel') }).click();
  });

  it('shows the audit log in Vietnamese with names, and no error reached the console', async () => {
    await page.goto('/audit');
    const classify = page.locator('.ant-table-row').filter({ hasText: text('vi', 'auditActions.petition__classify') }).first();
    // The trail's first page names every unit and person in one query; slow on a loaded machine.
    await classify.waitFor({ timeout: 60_000 });
    const shown = (await classify.textContent()) ?? '';
    expect(shown).toContain(text('vi', 'auditFields.status'));
    expect(shown).toContain(text('vi', 'petitions.status.classified'));
    expect(shown).not.toMatch(/"status"|classified|handling_unit/);
    expect(consoleErrors).toEqual([]);
  });
});
