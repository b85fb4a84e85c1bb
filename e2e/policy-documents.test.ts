/**
 * Policy documents in the browser (docs/leadership-loop.md slice 1): an editor drafts a resolution
 * of a province (warned not to upload classified documents), finds it typing without diacritics,
 * attaches its PDF, edits it (and is offered a reload when someone else changed it meanwhile),
 * issues it; a conclusion that implements it shows on both pages; a viewer of the province reads
 * it without any edit button. The list and the page on a phone do not scroll sideways, in
 * Vietnamese and in Arabic (right to left). With E2E_SCREENSHOTS=<dir> the pages are saved as
 * pd-<page>-<width>-<language>.png there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const TITLE = `Nghị quyết về tăng cường công tác dân vận trong tình hình mới (${TAG})`;
const NUMBER = String(100 + (Date.now() % 9000));
const VIEWER = `e2e-pd-viewer-${TAG}`;
const VIEWER_PASSWORD = 'Nguoi-xem-van-ban-2026';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

/** A PDF as far as the server's content check goes (it starts with %PDF-). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

type Doc = { id: string; version: number; numberAndSymbol: string; summary: string | null; status: string };

describe('policy documents', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let province: { id: string; name: string };
  let documentId: string;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    // A viewer of the province, past the first sign-in's password change (viewer-forbidden.test.ts walks through that).
    const created = await admin.send<{ temporaryPassword: string }>('POST', '/api/users', { username: VIEWER, displayName: 'Người xem văn bản', unitId: province.id, role: 'viewer' });
    expect(created.status).toBe(201);
    const viewer = await apiSignIn(VIEWER, created.body.temporaryPassword);
    expect((await viewer.send('POST', '/api/auth/me/password', { currentPassword: created.body.temporaryPassword, newPassword: VIEWER_PASSWORD })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('drafts a resolution of the province, warned not to upload classified documents', async () => {
    await page.goto('/policy-documents');
    await page.getByRole('heading', { name: text('vi', 'policyDocuments.title') }).waitFor();
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.policyDocuments') }).count()).toBe(1);
    await page.getByTestId('policy-document-create').click();
    await page.locator('.ant-modal').getByText(text('vi', 'policyDocuments.classifiedWarning')).waitFor();
    await pickOption(page, 'policy-document_kind', '', 'Nghị quyết (NQ)');
    // The kind suggests the start of the symbol.
    await eventually(() => page.locator('#policy-document_symbol').inputValue()).toBe('NQ/');
    await page.locator('#policy-document_symbol').fill('NQ/TU');
    await page.locator('#policy-document_number').fill(NUMBER);
    await typeDate(page, 'policy-document_issuedOn', '01/12/2026');
    await pickOption(page, 'policy-document_issuingUnitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await page.locator('#policy-document_issuingBody').fill('Tỉnh ủy Ninh Bình');
    await page.locator('#policy-document_title').fill(TITLE);
    await typeDate(page, 'policy-document_validFrom', '01/12/2026');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/policy-documents\/\d+$/);
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('policy-document-title').filter({ hasText: TITLE }).waitFor();
    expect(await page.getByTestId('policy-document-status').getAttribute('data-status')).toBe('draft');
    const fields = await page.getByTestId('policy-document-fields').textContent();
    expect(fields).toContain(`${NUMBER}-NQ/TU`);
    expect(fields).toContain('01/12/2026');
    expect(fields).toContain('Tỉnh ủy Ninh Bình');
  });

  it('finds it typing without diacritics, and keeps the search in the URL', async () => {
    await page.goto('/policy-documents');
    const box = page.getByTestId('policy-document-search').locator('input');
    await box.fill(`nghi quyet ${TAG}`);
    await box.press('Enter');
    await page.waitForURL(/[?&]q=/);
    const rows = page.locator('[data-testid="policy-documents-table"] .ant-table-row');
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(TITLE);
    expect(await rows.first().textContent()).toContain(`${NUMBER}-NQ/TU`);
    await page.reload();
    await eventually(() => rows.count()).toBe(1);
    expect(await box.inputValue()).toBe(`nghi quyet ${TAG}`);
    // The number and symbol as officers write it; a kind filter in the URL that excludes it.
    await page.goto(`/policy-documents?q=${encodeURIComponent(`${NUMBER}-NQ/TU`)}&kind=resolution`);
    await eventually(() => rows.count()).toBe(1);
    await page.goto(`/policy-documents?q=${encodeURIComponent(`nghi quyet ${TAG}`)}&kind=directive`);
    await page.locator('[data-testid="policy-documents-table"] .ant-table-placeholder').getByText(text('vi', 'common.noResults')).waitFor();
    expect(await rows.count()).toBe(0);
  });

  it('attaches the PDF and refuses a picture renamed .pdf', async () => {
    await page.goto(`/policy-documents/${documentId}`);
    const section = page.getByTestId('policy-document-attachments');
    await section.getByText(text('vi', 'policyDocuments.classifiedWarning')).waitFor();
    await section.locator('input[type=file]').setInputFiles({ name: 'nghi-quyet.pdf', mimeType: 'application/pdf', buffer: PDF });
    await section.getByTestId('attachment').filter({ hasText: 'nghi-quyet.pdf' }).waitFor();
    const href = await section.getByRole('link', { name: 'nghi-quyet.pdf' }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await section.locator('input[type=file]').setInputFiles({ name: 'anh.pdf', mimeType: 'application/pdf', buffer: PNG });
    await section.getByText(text('vi', 'errors.UNSUPPORTED_FILE')).waitFor();
    expect(await section.getByTestId('attachment').count()).toBe(1);
  });

  it('edits with the version it was opened on, and offers to reload after someone else changed it', async () => {
    // Someone else saves a change the page has not seen.
    const current = await admin.get<Doc>(`/api/policy-documents/${documentId}`);
    expect((await admin.send('PATCH', `/api/policy-documents/${documentId}`, { summary: 'Tóm tắt do người khác bổ sung', version: current.version })).status).toBe(200);
    await page.getByTestId('policy-document-edit').click();
    await page.locator('#policy-document_summary').fill('Tóm tắt của tôi');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'policyDocuments.conflictTitle')).waitFor();
    await page.getByRole('button', { name: text('vi', 'common.reload') }).click();
    await eventually(() => page.getByTestId('policy-document-fields').textContent()).toContain('Tóm tắt do người khác bổ sung');
    // Now on the new version the change goes through.
    await page.getByTestId('policy-document-edit').click();
    await page.locator('#policy-document_summary').fill('Tóm tắt đã thống nhất');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.locator('#policy-document').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('policy-document-fields').textContent()).toContain('Tóm tắt đã thống nhất');
  });

  it('issues it', async () => {
    await page.getByTestId('policy-document-issue').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: text('vi', 'policyDocuments.issue') }).click();
    await page.locator('[data-testid="policy-document-status"][data-status="issued"]').waitFor();
    expect(await page.getByTestId('policy-document-issue').count()).toBe(0);
    expect((await admin.get<Doc>(`/api/policy-documents/${documentId}`)).status).toBe('issued');
  });

  it('shows a link both ways: the conclusion implements the resolution', async () => {
    const created = await admin.send<Doc>('POST', '/api/policy-documents', {
      kind: 'conclusion',
      issuingUnitId: province.id,
      issuingBody: 'Ban Thường vụ Tỉnh ủy',
      number: NUMBER,
      symbol: 'KL/TU',
      issuedOn: '2026-12-03',
      title: `Kết luận về tiếp tục thực hiện Nghị quyết (${TAG})`,
    });
    expect(created.status).toBe(201);
    const linked = await admin.send('PUT', `/api/policy-documents/${created.body.id}/links`, { implements: [documentId], replaces: [], amends: [], version: created.body.version });
    expect(linked.status).toBe(200);
    await page.reload();
    const incoming = page.getByTestId('links-incoming-implements');
    await incoming.getByText(text('vi', 'policyDocuments.links.implementedBy')).waitFor();
    await incoming.getByRole('link', { name: `${NUMBER}-KL/TU` }).click();
    await page.waitForURL(new RegExp(`/policy-documents/${created.body.id}$`));
    const outgoing = page.getByTestId('links-outgoing-implements');
    await outgoing.getByText(text('vi', 'policyDocuments.links.implements')).waitFor();
    expect(await outgoing.getByRole('link', { name: `${NUMBER}-NQ/TU` }).count()).toBe(1);
  });

  it('gives a viewer of the province the document without any edit button', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, VIEWER, VIEWER_PASSWORD);
    await viewerPage.goto('/policy-documents');
    await viewerPage.getByRole('heading', { name: text('vi', 'policyDocuments.title') }).waitFor();
    expect(await viewerPage.getByTestId('policy-document-create').count()).toBe(0);
    await viewerPage.goto(`/policy-documents/${documentId}`);
    await viewerPage.getByTestId('policy-document-title').filter({ hasText: TITLE }).waitFor();
    await viewerPage.getByTestId('attachment').filter({ hasText: 'nghi-quyet.pdf' }).waitFor();
    for (const id of ['policy-document-edit', 'policy-document-issue', 'edit-links', 'attachment-upload']) {
      expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    }
    expect(await viewerPage.getByRole('button', { name: text('vi', 'policyDocuments.attachments.remove') }).count()).toBe(0);
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await admin.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`/policy-documents?q=${encodeURIComponent(TAG)}`);
        await page.getByRole('heading', { name: text(locale, 'policyDocuments.title') }).waitFor();
        await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
        await page.getByText(TITLE).first().waitFor();
        if (width === 390) {
          await page.locator('[data-testid="policy-documents-table"][data-layout="cards"]').waitFor();
          await expectNoSidewaysScroll(page, `the list in ${locale}`);
        }
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `pd-list-${width}-${locale}.png`), fullPage: true });
        await page.goto(`/policy-documents/${documentId}`);
        await page.getByTestId('policy-document-title').filter({ hasText: TITLE }).waitFor();
        await page.getByTestId('attachment').first().waitFor();
        if (width === 390) await expectNoSidewaysScroll(page, `the document in ${locale}`);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `pd-detail-${width}-${locale}.png`), fullPage: true });
      }
    }
  });
});
