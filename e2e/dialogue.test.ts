/**
 * Dialogue conferences in the browser (docs/grassroots-democracy.md §7): a commune's conference
 * held three weeks ago without a recorded notice shows "Chưa thông báo" and its results overdue;
 * the editor records the notice and the results, a results day before the conference is refused
 * with the validation message and nothing changes, and the flags turn to "on time". The province's
 * page of dialogue conferences says how many communes held one this year, as the API counts them,
 * and lists the commune no more among those without. The pages fit a phone in Vietnamese and Arabic.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MissingDialogues } from '../common/dialogue.js';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Doi-thoai-dan-van-2026';

type Unit = { id: string; name: string };

describe('dialogue conferences: notice, results and the communes without one', () => {
  let browser: Browser;
  let page: Page;
  let editorApi: ApiSession;
  let viewerApi: ApiSession;
  let province: Unit;
  let commune: Unit;
  let sessionId: string;
  const held = vietnamDay(-21);
  const year = Number(vietnamDay(0).iso.slice(0, 4));
  const editor = `e2e-dl-editor-${TAG}`;
  const viewer = `e2e-dl-viewer-${TAG}`;

  beforeAll(async () => {
    const admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    commune = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?kind=commune&limit=1`)).items[0]!;
    editorApi = await createAccount(admin, editor, commune.id, 'editor', PASSWORD);
    viewerApi = await createAccount(admin, viewer, province.id, 'viewer', PASSWORD);
    const created = await editorApi.send<{ id: string }>('POST', '/api/reception-sessions', {
      kind: 'dialogue',
      unitId: commune.id,
      heldOn: held.iso,
      title: `Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân (${TAG})`,
      presiding: 'Chủ tịch UBND xã',
    });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('flags a conference without notice and with its results overdue', async () => {
    await page.goto(`/reception/${sessionId}`);
    const card = page.getByTestId('dialogue-card');
    await card.waitFor();
    const flags = card.getByTestId('dialogue-flags');
    await eventually(() => flags.textContent()).toContain(text('vi', 'dialogue.flags.notice.missing'));
    expect(await flags.textContent()).toContain(text('vi', 'dialogue.flags.results.missing'));
    // The rule in force since 16/6/2025 was read in full (Luật 72/2025/QH15, art. 43): its source, no "to confirm".
    expect(await card.textContent()).toContain('72/2025/QH15');
    expect(await card.textContent()).not.toContain(text('vi', 'dialogue.toConfirm'));
  });

  it('refuses results published before the conference, then records notice and results on time', async () => {
    const card = page.getByTestId('dialogue-card');
    await card.getByRole('button', { name: text('vi', 'dialogue.edit') }).click();
    await typeDate(page, 'dialogue-dates_resultsPublishedOn', vietnamDay(-25).typed);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await eventually(() => page.locator('.ant-modal').getByRole('alert').first().textContent()).toContain(text('vi', 'errors.VALIDATION_FAILED'));
    expect((await editorApi.get<{ dialogue: { resultsPublishedOn: string | null } }>(`/api/reception-sessions/${sessionId}`)).dialogue.resultsPublishedOn).toBeNull();

    await typeDate(page, 'dialogue-dates_noticeOn', vietnamDay(-30).typed);
    await typeDate(page, 'dialogue-dates_resultsPublishedOn', vietnamDay(-17).typed);
    await page.locator('#dialogue-dates_resultsForm').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text('vi', 'dialogue.forms.notice_board') }).first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const flags = card.getByTestId('dialogue-flags');
    await eventually(() => flags.textContent()).toContain(text('vi', 'dialogue.flags.notice.ok'));
    expect(await flags.textContent()).toContain(text('vi', 'dialogue.flags.results.ok'));
    expect(await card.textContent()).toContain(text('vi', 'dialogue.forms.notice_board'));
  });

  it('shows the province how many communes held one this year, as the API counts, and which did not', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage.goto(`/dialogue-conferences?unitId=${province.id}&year=${year}`);
    const m = await viewerApi.get<MissingDialogues>(`/api/dialogue/missing?unitId=${province.id}&year=${year}`);
    expect(m.held).toBeGreaterThan(0);
    const summary = text('vi', 'dialogue.summary').replace('{{year}}', String(year)).replace('{{held}}', m.held.toLocaleString('vi-VN')).replace('{{communes}}', m.communes.toLocaleString('vi-VN')).replace('{{without}}', m.without.toLocaleString('vi-VN'));
    await eventually(() => viewerPage.getByTestId('dialogue-summary').textContent()).toBe(summary);
    // Ninh Bình's child units are its communes: one row a commune, and at first only those that did not hold one.
    const table = viewerPage.getByTestId('dialogue-communes');
    await table.waitFor();
    const firstMissing = m.groups.flatMap((g) => g.without)[0];
    if (firstMissing) await eventually(() => table.textContent()).toContain(firstMissing.name);
    expect(await table.textContent()).not.toContain(commune.name);
    expect(await viewerPage.getByTestId('dialogue-without').first().textContent()).toBe(text('vi', 'dialogue.without'));
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['conference', `/reception/${sessionId}`, () => page.getByTestId('dialogue-card').waitFor()],
          ['communes', `/dialogue-conferences?unitId=${commune.id}&year=${year}`, () => page.getByTestId('dialogue-summary').waitFor()],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          await page.waitForLoadState('networkidle');
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
        }
      }
    }
  });
});
