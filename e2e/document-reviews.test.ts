/**
 * Document reviews in the browser (docs/leadership-loop.md slice 7): a province's editor starts the
 * tổng kết of the province's resolution from the document's page, lands on the review with the
 * ordinal ("N năm thực hiện") and the figures by unit, lists a commended unit, and is refused a
 * second review of the same days in words; a viewer sees no button that writes. The pages fit a
 * phone in Vietnamese and in Arabic. With E2E_SCREENSHOTS=<dir> they are saved there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Tong-ket-dan-van-2026';
const TITLE = `Về tăng cường công tác dân vận trong tình hình mới (${TAG})`;
const FORM = `Bằng khen của Ban Thường vụ Tỉnh ủy (${TAG})`;
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
/** Issued three years ago: a tổng kết to today counts 3 years. */
const ISSUED = vietnamDay(-3 * 366);

type Unit = { id: string; name: string };
type Review = { id: string; kind: string; ordinalYears: number; title: string; ofDocument: { commendedUnits: { unit: Unit; form: string }[] } };

describe('document reviews', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let editorApi: ApiSession;
  let province: Unit;
  let documentId: string;
  let reviewId: string;
  const editor = `e2e-docrev-editor-${TAG}`;
  const viewer = `e2e-docrev-viewer-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const created = await admin.send<{ id: string; version: number }>('POST', '/api/policy-documents', {
      kind: 'resolution',
      issuingUnitId: province.id,
      issuingBody: 'Ban Chấp hành Đảng bộ tỉnh',
      number: String(300 + (Date.now() % 9000)),
      symbol: 'NQ/TU',
      issuedOn: ISSUED.iso,
      title: TITLE,
    });
    expect(created.status).toBe(201);
    documentId = created.body.id;
    expect((await admin.send('POST', `/api/policy-documents/${documentId}/issue`, { version: created.body.version })).status).toBe(200);
    editorApi = await createAccount(admin, editor, province.id, 'editor', PASSWORD);
    await createAccount(admin, viewer, province.id, 'viewer', PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it("starts the province's tổng kết from the document's page and lands on it with the ordinal", async () => {
    await page.goto(`/policy-documents/${documentId}`);
    const section = page.getByTestId('document-reviews');
    await section.getByText(text('vi', 'documentReviews.none')).waitFor();
    await section.getByTestId('document-review-create').click();
    // The unit is the issuing unit and the period runs from the issue date to today, by default.
    await page.locator('.ant-modal').getByText(text('vi', 'documentReviews.kinds.tong_ket'), { exact: true }).click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'reviews.createSubmit'), exact: true }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    reviewId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('document-review-part').waitFor();
    const years = Number(vietnamDay(0).iso.slice(0, 4)) - Number(ISSUED.iso.slice(0, 4));
    expect(await page.getByTestId('document-review-ordinal').textContent()).toBe(String(years));
    await page.getByText(`Tổng kết ${years} năm thực hiện Nghị quyết số`).first().waitFor();
    const review = await admin.get<Review>(`/api/reviews/${reviewId}`);
    expect(review).toMatchObject({ kind: 'tong_ket', ordinalYears: years });
    expect(review.title).toContain(TITLE.charAt(0).toLowerCase() + TITLE.slice(1));
  });

  it('lists a commended unit with its form', async () => {
    await page.getByTestId('commended-edit').click();
    await page.getByTestId('commended-add').click();
    await pickOption(page, 'commended-units_items_0_unitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await page.locator('#commended-units_items_0_form').fill(FORM);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.locator('#commended-units').waitFor({ state: 'detached' });
    await page.getByTestId('commended-units').getByText(FORM).waitFor();
    const review = await admin.get<Review>(`/api/reviews/${reviewId}`);
    expect(review.ofDocument.commendedUnits).toEqual([{ unit: expect.objectContaining({ id: province.id }), form: FORM, commendationId: null }]);
  });

  it('refuses a second review of the same days in words, and lists the first under the document', async () => {
    await page.goto(`/policy-documents/${documentId}`);
    const section = page.getByTestId('document-reviews');
    await eventually(() => section.locator('.ant-table-row').count()).toBe(1);
    await section.getByTestId('document-review-create').click();
    await page.locator('.ant-modal').getByText(text('vi', 'documentReviews.kinds.tong_ket'), { exact: true }).click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'reviews.createSubmit'), exact: true }).click();
    // The message names the review and links to the first one.
    await page.locator('.ant-modal').getByText(text('vi', 'errors.alreadyExists.review')).waitFor();
    expect(await page.locator('.ant-modal').getByTestId('existing-record').getAttribute('href')).toBe(`/reviews/${reviewId}`);
    expect(new URL(page.url()).pathname).toBe(`/policy-documents/${documentId}`);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.cancel'), exact: true }).click();
  });

  it('shows a viewer the reviews but no button that writes', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage.goto(`/policy-documents/${documentId}`);
    await eventually(() => viewerPage.getByTestId('document-reviews').locator('.ant-table-row').count()).toBe(1);
    expect(await viewerPage.getByTestId('document-review-create').count()).toBe(0);
    await viewerPage.goto(`/reviews/${reviewId}`);
    await viewerPage.getByTestId('document-review-part').waitFor();
    for (const id of ['commended-edit', 'document-review-ordinal-edit']) expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['document', `/policy-documents/${documentId}`, () => page.getByTestId('document-reviews').locator('.ant-table-row').first().waitFor()],
          ['review', `/reviews/${reviewId}`, () => page.getByTestId('commended-units').getByText(FORM).waitFor()],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `document-review-${name}-${width}-${locale}.png`), fullPage: true });
        }
      }
    }
  });
});
