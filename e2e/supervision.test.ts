/**
 * The boards and the Front's supervision in the browser (docs/grassroots-democracy.md §6): an
 * editor of a Ninh Bình commune records the People's Inspection Board with its head, then a
 * supervision of the board whose recommendation is past its due day: the list shows it overdue and
 * the work queue counts it; the answer moves it to answered. A second board naming the same head is
 * refused with the member's name. The board's election is then corrected, the head's time ended
 * with a reason, and a recommendation added to the supervision (one sent before it refused first).
 * The page fits a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, vietnamDay } from './support/browser.js';
import { text } from './support/catalog.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Giam-sat-phan-bien-2026';
const HEAD = `Phạm Văn Thuận ${TAG}`;
const SUBJECT = `Thu, chi quỹ nhà văn hóa thôn ${TAG}`;

describe("a commune's People's Inspection Board and its recommendation", () => {
  let browser: Browser;
  let admin: ApiSession;
  let commune: { id: string; name: string };
  const editor = `e2e-sv-editor-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    const children = await admin.get<{ items: { id: string; name: string; kind: string; retired: boolean }[] }>(`/api/units/${province.id}/children?limit=500`);
    commune = children.items.find((u) => u.kind === 'commune' && !u.retired)!;
    await createAccount(admin, editor, commune.id, 'editor', PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (page: Page, search = '') => {
    await page.goto(`/supervision?unitId=${commune.id}${search}`);
    await page.getByRole('heading', { name: text('vi', 'supervision.title') }).waitFor();
  };

  it('records the board and refuses its head on a second inspection board at the same time', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page);
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.supervision') }).count()).toBe(1);
    const addBoard = async () => {
      await page.getByTestId('board-create').click();
      await typeDate(page, 'supervision-board_termFrom', '01/07/2024');
      await page.getByTestId('member-name-0').fill(HEAD);
      await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    };
    await addBoard();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('supervision-boards').getByText(HEAD).waitFor();
    await addBoard();
    await page.getByTestId('supervision-excluded-member').waitFor();
    expect(await page.getByTestId('supervision-excluded-member').textContent()).toContain(HEAD);
    await page.context().close();
  });

  it('shows an overdue recommendation, counts it in the work queue, and takes the answer', async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page);
    await page.getByTestId('activity-create').click();
    await typeDate(page, 'supervision-activity_heldOn', vietnamDay(-40).typed);
    await page.getByTestId('activity-subject').fill(SUBJECT);
    await page.getByTestId('activity-findings').fill('Chưa niêm yết công khai các khoản chi');
    await page.getByTestId('rec-add').click();
    await page.getByTestId('rec-content-0').fill('Niêm yết công khai các khoản thu, chi tại nhà văn hóa thôn');
    await page.getByTestId('rec-addressee-0').fill('Ủy ban nhân dân xã');
    await typeDate(page, 'supervision-activity_recommendations_0_sentOn', vietnamDay(-38).typed);
    await typeDate(page, 'supervision-activity_recommendations_0_dueOn', vietnamDay(-8).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await open(page, '&state=overdue');
    const row = page.getByTestId('supervision-recommendations').locator('tr', { hasText: SUBJECT });
    await row.getByTestId('recommendation-state-overdue').waitFor();

    await page.goto('/work-queue');
    const queueRow = page.getByRole('link', { name: new RegExp(text('vi', 'supervision.queueOverdue')) });
    await queueRow.waitFor();
    expect(await queueRow.textContent()).toMatch(/1/);

    await open(page, '&state=overdue');
    await row.getByTestId('recommendation-answer').click();
    await typeDate(page, 'supervision-answer_answeredOn', vietnamDay(-5).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await open(page, '&state=answered');
    await page.getByTestId('supervision-recommendations').locator('tr', { hasText: SUBJECT }).getByTestId('recommendation-state-answered').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'the supervision page');
    await page.context().close();
  });

  it("corrects the board's election, ends the head's time with a reason, and adds a recommendation to the supervision held", async () => {
    const page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
    await open(page);
    const boardRow = page.getByTestId('supervision-boards').locator('tr', { hasText: HEAD });
    await boardRow.getByTestId('board-edit').click();
    await page.locator('#supervision-board_electedBy').fill(`Hội nghị nhân dân thôn Đông ${TAG}`);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await boardRow.getByText(`Hội nghị nhân dân thôn Đông ${TAG}`).waitFor();

    await boardRow.getByTestId('member-end').click();
    await typeDate(page, 'supervision-member-end_toOn', vietnamDay(-1).typed);
    await page.getByTestId('member-end-reason').fill('Xin thôi do chuyển nơi cư trú');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await boardRow.getByTestId('board-member-until').waitFor();

    const activityRow = page.getByTestId('supervision-activities').locator('tr', { hasText: SUBJECT });
    await activityRow.getByTestId('activity-recommendation-add').click();
    await page.getByTestId('recommendation-content').fill(`Bổ sung sổ theo dõi thu, chi ${TAG}`);
    await page.getByTestId('recommendation-addressee').fill('Ban quản lý nhà văn hóa thôn');
    // Sent before the supervision: refused in words, nothing written.
    await typeDate(page, 'supervision-recommendation_sentOn', vietnamDay(-45).typed);
    await typeDate(page, 'supervision-recommendation_dueOn', vietnamDay(10).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.getByTestId('supervision-before-activity').waitFor();
    await typeDate(page, 'supervision-recommendation_sentOn', vietnamDay(-30).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save') }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('supervision-recommendations').getByText(`Bổ sung sổ theo dõi thu, chi ${TAG}`).waitFor();
    await page.context().close();
  });
});
