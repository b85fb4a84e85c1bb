/**
 * The Excel import wizard: the template is served; a file with errors (an unknown unit, a bad
 * year) shows the row errors and writes nothing; a good file creates its rows — drafts, and a past
 * entry in the state its dates reach — which then appear in the list with their facet counts; the
 * drafts are then submitted together from the list ("all matching the filter") and a selection
 * accepted.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IMPORT_COLUMNS, type ImportColumnKey } from '../server/documents/entries-columns.js';
import { type ApiSession, apiSignIn } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';

type Row = Partial<Record<ImportColumnKey, string | number | null>>;

/** A workbook in the template's shape: its header row, then `rows`. */
async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đăng ký');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TAG = `nhapthu${Date.now().toString(36)}`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function row(title: string, overrides: Row = {}): Row {
  // Phường Hoa Lư came into force on 1 July 2025: rows are of 2026.
  return { unit: 'Phường Hoa Lư, Tỉnh Ninh Bình', level: 'Cấp xã', kind: 'Mô hình', form: 'Tập thể', field: 'Kinh tế', year: 2026, title, ...overrides };
}

describe('importing entries from Excel', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;

  const countTagged = async () => (await admin.get<{ total: number }>(`/api/entries?q=${TAG}`)).total;

  async function upload(name: string, buffer: Buffer): Promise<void> {
    await page.goto('/entries/import');
    await page.getByTestId('import-next').click();
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
    await page.getByTestId('import-result').waitFor();
  }

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the template from the first step', async () => {
    await page.goto('/entries/import');
    const href = await page.getByTestId('import-template').getAttribute('href');
    expect(href).toBe('/api/entries/import-template.xlsx');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });

  it('lists the row errors of a bad file and writes nothing', async () => {
    const file = await workbook([
      row(`${TAG} tốt một`),
      row(`${TAG} đơn vị lạ`, { unit: 'Xã Không Có Thật Ở Đâu Cả' }),
      row(`${TAG} năm sai`, { year: 1999 }),
    ]);
    await upload('loi.xlsx', file);
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const body = (await table.textContent()) ?? '';
    // Rows 3 (unknown unit) and 4 (bad year); row 2 is fine.
    const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows.some((r) => r.startsWith('3'))).toBe(true);
    expect(rows.some((r) => r.startsWith('4'))).toBe(true);
    expect(rows.some((r) => r.startsWith('2'))).toBe(false);
    expect(body).toContain('Đơn vị đăng ký');
    expect(body).toContain('Năm');
    expect(await page.getByTestId('import-annotate').count()).toBe(1);
    // All or nothing: not even the good row was written.
    expect(await countTagged()).toBe(0);
  });

  it('imports a good file with a past entry, and the new entries appear in the list with their facet counts', async () => {
    const drafts = Array.from({ length: 21 }, (_, i) => row(`${TAG} số ${i + 1}`, i === 1 ? { form: 'Cá nhân' } : i === 2 ? { kind: 'Điển hình' } : {}));
    // A record of earlier this year: registered and accepted on its own dates.
    const past = row(`${TAG} đã chấp nhận`, { registeredOn: '15/03/2026', acceptedOn: '10/04/2026' });
    await upload('lich-su.xlsx', await workbook([...drafts, past]));
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe(text('vi', 'entries.importCounts', { created: '22', updated: '0', unchanged: '0' }));
    expect(await countTagged()).toBe(22);

    await page.goto(`/entries?q=${TAG}`);
    const table = page.getByTestId('entries-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(20);
    const count = (facet: string, value: string) => page.locator(`[data-testid="facet-${facet}"] [data-value="${value}"] [data-testid="facet-count"]`).textContent();
    await eventually(() => count('year', '2026')).toBe('(22)');
    expect(await count('status', 'draft')).toBe('(21)');
    expect(await count('status', 'accepted')).toBe('(1)');
    expect(await count('form', 'individual')).toBe('(1)');
    expect(await count('kind', 'typical_example')).toBe('(1)');

    // A facet filter narrows the list and lives in the URL (so it survives a reload).
    await page.locator('[data-testid="facet-form"] [data-value="individual"]').click();
    await page.waitForURL(/form=individual/);
    await page.reload();
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await table.textContent()).toContain(`${TAG} số 2`);

    // The past entry's history: each step on its own date, imported from the file.
    const imported = await admin.get<{ items: { id: string }[] }>(`/api/entries?q=${encodeURIComponent(`${TAG} đã chấp nhận`)}`);
    await page.goto(`/entries/${imported.items[0]!.id}`);
    await eventually(() => page.getByTestId('timeline-imported').count()).toBe(3);
    expect(await page.getByTestId('timeline-imported').first().textContent()).toBe(text('vi', 'entries.importedFrom', { file: 'lich-su.xlsx' }));
  });

  it('submits all the imported drafts matching the filter at once, then accepts a selection', async () => {
    await page.goto(`/entries?q=${TAG}&status=draft`);
    const table = page.getByTestId('entries-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(20);
    await table.locator('thead .ant-checkbox-input').click();
    // The page holds 20 of 21: the whole filter can be chosen.
    await page.getByTestId('select-all-matching').getByRole('button').click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe(text('vi', 'entries.selectedAllMatching', { count: '21' }));
    // Drafts can be submitted or withdrawn, not accepted.
    expect(await page.getByTestId('bulk-accept').count()).toBe(0);
    await page.getByTestId('bulk-submit').click();
    await page.getByTestId('bulk-confirm').click();
    await page.locator('.ant-message').getByText(text('vi', 'entries.bulkDone', { action: text('vi', 'entries.action.submit'), count: '21' })).waitFor();
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(0);
    await eventually(() => page.locator('[data-testid="facet-status"] [data-value="registered"] [data-testid="facet-count"]').textContent()).toBe('(21)');

    await page.goto(`/entries?q=${TAG}&status=registered`);
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(20);
    const rows = table.locator('tbody tr.ant-table-row');
    for (const i of [0, 1, 2]) await rows.nth(i).locator('.ant-checkbox-input').click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe(text('vi', 'entries.selectedCount', { count: '3' }));
    await page.getByTestId('bulk-accept').click();
    await page.getByTestId('bulk-confirm').click();
    await page.locator('.ant-message').getByText(text('vi', 'entries.bulkDone', { action: text('vi', 'entries.action.accept'), count: '3' })).waitFor();
    // The status facet (not narrowed by its own filter) counts them with the imported one as accepted.
    await eventually(() => page.locator('[data-testid="facet-status"] [data-value="accepted"] [data-testid="facet-count"]').textContent()).toBe('(4)');
    expect(await countTagged()).toBe(22);
  });
});
