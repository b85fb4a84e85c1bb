/**
 * An entry's whole life through the browser, as the system administrator (who holds every
 * permission): register it for a commune with the form, then submit, accept, start, evaluate
 * (effective, 90 points) and recognise it — checking the status and the timeline after each step.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, expectStatus, pickOption } from './support/entries-flow.js';

/** A 1×1 PNG and the smallest PDF a reader opens. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const MINIMAL_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

const TITLE = `Mô hình "Dân vận khéo" thử nghiệm ${Date.now().toString(36)}`;

describe('the lifecycle of an entry', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    // The commune exists (official units are loaded at first start).
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    await findChild(admin, province.id, 'Phường Hoa Lư');
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers an entry for a commune through the form', async () => {
    await page.goto('/entries');
    await page.getByRole('link', { name: text('vi', 'entries.create') }).click();
    await page.waitForURL(/\/entries\/new$/);
    await pickOption(page, 'entry_registeringUnitId', 'phuong hoa lu', 'Phường Hoa Lư, Tỉnh Ninh Bình');
    await page.locator('#entry_year').fill('2026');
    await pickOption(page, 'entry_level', '', text('vi', 'entries.level.commune'));
    await page.locator('#entry_title').fill(TITLE);
    await pickOption(page, 'entry_fieldCode', '', 'Kinh tế');
    await page.locator('#entry_participantsCount').fill('120');
    await page.getByTestId('entry-save').click();
    await page.waitForURL(/\/entries\/\d+$/);
    expect(await page.getByTestId('entry-title').textContent()).toBe(TITLE);
    await expectStatus(page, 'draft', 1);
    expect(await page.getByTestId('entry-status').first().textContent()).toBe(text('vi', 'entries.status.draft'));
  });

  it('attaches evidence: a photo shown as a thumbnail, a PDF as a link', async () => {
    const evidence = page.getByTestId('entry-evidence');
    const input = evidence.locator('input[type="file"]');
    await input.setInputFiles({ name: 'anh-hoat-dong.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await evidence.locator('img[alt="anh-hoat-dong.png"]').waitFor();
    await input.setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(MINIMAL_PDF) });
    const link = evidence.getByRole('link', { name: 'bao-cao.pdf' });
    await link.waitFor();
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
  });

  it('edits the draft, and reports a change made meanwhile by someone else as a conflict', async () => {
    const entryId = /\/entries\/(\d+)$/.exec(page.url())![1]!;
    await page.getByTestId('entry-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.locator('#entry_goals').fill('Nâng cao đời sống nhân dân');
    await page.getByTestId('entry-save').click();
    await page.waitForURL(/\/entries\/\d+$/);
    await page.getByText('Nâng cao đời sống nhân dân').waitFor();

    await page.getByTestId('entry-edit').click();
    await page.waitForURL(/\/edit$/);
    // Someone else saves first.
    const current = await admin.get<{ version: number }>(`/api/entries/${entryId}`);
    expect((await admin.send('PATCH', `/api/entries/${entryId}`, { version: current.version, results: 'Đã có 120 hộ tham gia' })).status).toBe(200);
    await page.locator('#entry_goals').fill('Mục tiêu đã sửa');
    await page.getByTestId('entry-save').click();
    await page.getByText(text('vi', 'entries.conflictTitle')).waitFor();
    // Reloading shows the other change; saving again works.
    await page.getByRole('button', { name: text('vi', 'common.reload') }).click();
    await eventually(() => page.locator('#entry_results').inputValue()).toBe('Đã có 120 hộ tham gia');
    await page.locator('#entry_goals').fill('Mục tiêu đã sửa');
    await page.getByTestId('entry-save').click();
    await page.waitForURL(/\/entries\/\d+$/);
    await page.getByText('Mục tiêu đã sửa').waitFor();
    await expectStatus(page, 'draft', 1);
  });

  const steps: [action: string, status: string][] = [
    ['submit', 'registered'],
    ['accept', 'accepted'],
    ['start', 'implementing'],
    ['evaluate', 'evaluated'],
    ['recognise', 'recognised'],
  ];
  steps.forEach(([action, status], i) => {
    it(`${action}: the status becomes ${status} and the timeline shows it`, async () => {
      await page.getByTestId(`action-${action}`).click();
      if (action === 'evaluate') {
        // "Effective" is chosen by default; the score is required.
        await page.locator('#entry-action_score').fill('90');
      }
      await page.getByTestId('action-confirm').click();
      await expectStatus(page, status, i + 2);
      expect(await page.getByTestId('entry-status').first().textContent()).toBe(text('vi', `entries.status.${status}`));
      const last = page.getByTestId('timeline-item').last();
      expect(await last.textContent()).toContain(text('vi', `entries.action.${action}`));
      expect(await last.textContent()).toContain(text('vi', 'entries.by', { name: 'Quản trị hệ thống' }));
      if (action === 'evaluate') {
        const evaluation = (await page.getByTestId('entry-evaluation').textContent()) ?? '';
        expect(evaluation).toContain(text('vi', 'entries.effectiveYes'));
        expect(evaluation).toContain('90');
      }
    });
  });

  it('offers no further lifecycle action once recognised', async () => {
    expect(await page.getByTestId('action-recognise').count()).toBe(0);
    expect(await page.getByTestId('action-withdraw').count()).toBe(0);
  });
});
