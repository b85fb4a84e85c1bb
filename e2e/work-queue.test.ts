/**
 * The work queue in the browser: a province's approver signs in for the first time, lands on
 * "Việc cần làm", reads how many entries wait for their approval, clicks the count and sees
 * exactly those entries; the counts of the province's review tasks and reception commitments due
 * this week open their lists with exactly those rows; the same page on a 390 px phone in Arabic
 * reads right to left without scrolling sideways. Screenshots (1366 and 390 px, Vietnamese and
 * Arabic) go to E2E_SCREENSHOTS when it is set.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';

const USERNAME = 'e2e-approver-qn';
const NEW_PASSWORD = 'Lanh-dao-Quang-Ninh-2026';
const RUN = Date.now().toString(36);
const TITLES = [`Chợ văn minh ${RUN}`, `Tuyến đường hoa ${RUN}`, `Sổ tiết kiệm tình thương ${RUN}`];
const TASK = `Nhân rộng mô hình chợ văn minh ${RUN}`;
const COMMITMENT = `Khơi thông cống thoát nước ${RUN}`;

/** An ISO date `days` after today in Viet Nam (UTC+7, no daylight saving). */
const vietnamDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Saves a screenshot when E2E_SCREENSHOTS names a folder (to look at by hand; nothing compares them). */
async function shot(p: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await p.screenshot({ path: path.join(dir, `work-queue-${name}.png`), fullPage: true });
}

type PageGlobals = { document: { documentElement: { scrollWidth: number; clientWidth: number } } };

describe('the work queue', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let temporaryPassword: string;
  let provinceId: string;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    // A province no other browser test writes to: the count is this test's entries alone.
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Quảng Ninh');
    const communes = await admin.get<{ items: { id: string; retired: boolean }[] }>(`/api/units/${province.id}/children?limit=500`);
    const commune = communes.items.find((u) => !u.retired)!;
    const register = async (title: string, unitId: string, level: 'province' | 'commune', submit: boolean) => {
      const created = await admin.send<{ id: string; version: number }>('POST', '/api/entries', { registeringUnitId: unitId, level, kind: 'model', form: 'collective', fieldCode: 'economic', year: 2026, title });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      if (submit) expect((await admin.send('POST', `/api/entries/${created.body.id}/actions/submit`, { version: created.body.version })).status).toBe(200);
    };
    await register(TITLES[0]!, commune.id, 'commune', true);
    await register(TITLES[1]!, commune.id, 'commune', true);
    await register(TITLES[2]!, province.id, 'province', true);
    // A draft is the commune's work, not the approver's.
    await register(`Bản nháp ${RUN}`, commune.id, 'commune', false);
    provinceId = province.id;
    // A key task of the province's review due in three days, and a commitment of its reception session due in two.
    const review = await admin.send<{ id: string }>('POST', '/api/reviews', { unitId: province.id, period: 'custom', from: vietnamDay(0), to: vietnamDay(0), title: `Sơ kết ${RUN}` });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    const task = await admin.send('POST', `/api/reviews/${review.body.id}/tasks`, { content: TASK, ownerUnitId: commune.id, deadline: vietnamDay(3) });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const session = await admin.send('POST', '/api/reception-sessions', {
      kind: 'reception',
      unitId: province.id,
      heldOn: vietnamDay(0),
      title: `Tiếp công dân định kỳ ${RUN}`,
      presiding: 'Bí thư Tỉnh ủy',
      commitments: [{ description: COMMITMENT, owner: 'Sở Xây dựng', deadline: vietnamDay(2) }],
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const created = await admin.send<{ temporaryPassword: string }>('POST', '/api/users', { username: USERNAME, displayName: 'Lãnh đạo Quảng Ninh', unitId: province.id, role: 'approver' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    temporaryPassword = created.body.temporaryPassword;
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the work queue after the first sign-in, with the count of entries awaiting approval', async () => {
    await signIn(page, USERNAME, temporaryPassword);
    await page.waitForURL(/\/change-password/);
    await page.locator('#change-password_currentPassword').fill(temporaryPassword);
    await page.locator('#change-password_newPassword').fill(NEW_PASSWORD);
    await page.locator('#change-password_confirmPassword').fill(NEW_PASSWORD);
    await page.locator('form#change-password button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/work-queue');
    const row = page.getByTestId('work-queue-entries.awaitingMyApproval');
    await row.waitFor();
    expect(await row.textContent()).toBe(`${text('vi', 'workQueue.entries.awaitingMyApproval')}3`);
    expect(await row.getAttribute('aria-label')).toBe(text('vi', 'workQueue.countLabel', { label: text('vi', 'workQueue.entries.awaitingMyApproval'), n: '3' }));
    // An approver has no drafts of its own to send: that row is not offered.
    expect(await page.getByTestId('work-queue-entries.myDrafts').count()).toBe(0);
    // The menu carries the same count.
    expect(await page.getByTestId('work-queue-badge').textContent()).toBe('3');
    await shot(page, 'vi-1366');
  });

  it('opens exactly those entries when the count is clicked', async () => {
    await page.getByTestId('work-queue-entries.awaitingMyApproval').click();
    await page.waitForURL((url) => url.pathname === '/entries' && url.searchParams.get('queue') === 'awaiting_my_approval');
    await page.getByTestId('entry-queue-filter').waitFor();
    const table = page.getByTestId('entries-table');
    await expect.poll(async () => (await table.getByRole('link').allTextContents()).filter((t) => TITLES.includes(t)).sort()).toEqual([...TITLES].sort());
    expect((await table.locator('tbody tr.ant-table-row').count())).toBe(3);
    // Removing the queue filter shows the whole list again (the draft among it).
    await page.getByTestId('entry-queue-filter').getByLabel(text('vi', 'workQueue.clearQueue')).click();
    await page.waitForURL((url) => url.pathname === '/entries' && !url.searchParams.has('queue'));
    await table.getByRole('link', { name: `Bản nháp ${RUN}` }).waitFor();
  });

  it('opens the province\'s review tasks and commitments due this week, each list with exactly the rows counted', async () => {
    for (const [key, route, testId, words] of [
      [`tasks.dueSoon.${provinceId}`, '/review-tasks', 'due-tasks', TASK],
      [`commitments.dueSoon.${provinceId}`, '/commitments', 'due-commitments', COMMITMENT],
    ] as const) {
      await page.goto('/work-queue');
      const row = page.getByTestId(`work-queue-${key}`);
      await row.waitFor();
      expect(await row.getByTestId('work-queue-count').textContent(), key).toBe('1');
      await row.click();
      await page.waitForURL((url) => url.pathname === route && url.searchParams.get('unitId') === provinceId && url.searchParams.get('due') === 'due_soon');
      const table = page.getByTestId(testId);
      await table.getByText(words).waitFor();
      expect(await table.locator('tbody tr.ant-table-row').count(), route).toBe(1);
      // The filters are on the page, as the queue set them: the "due soon" choice is checked.
      expect(await page.getByRole('radio', { name: text('vi', 'workQueue.lists.dueSoon') }).isChecked()).toBe(true);
      await shot(page, `vi-1366${route.replace('/', '-')}`);
    }
    if (process.env.E2E_SCREENSHOTS) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/work-queue');
      await page.getByTestId('work-queue-entries.awaitingMyApproval').waitFor();
      await shot(page, 'vi-390');
      await page.goto(`/commitments?unitId=${provinceId}&due=due_soon`);
      await page.getByTestId('due-commitments').getByText(COMMITMENT).waitFor();
      await shot(page, 'vi-390-commitments');
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  }, 180_000); // four page loads, and more with screenshots: minutes on a loaded 2-core machine

  it('reads right to left on a 390 px phone in Arabic, one column without sideways scrolling', async () => {
    const phone = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'ar', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await signIn(p, USERNAME, NEW_PASSWORD);
    expect((await p.request.put('/api/auth/me/locale', { data: { locale: 'ar' } })).status()).toBe(200);
    await p.goto('/work-queue');
    await waitForDir(p, 'rtl');
    const row = p.getByTestId('work-queue-entries.awaitingMyApproval');
    await row.waitFor();
    expect(await row.textContent()).toContain(text('ar', 'workQueue.entries.awaitingMyApproval'));
    const [label, count] = await Promise.all([row.locator('span').first().boundingBox(), row.getByTestId('work-queue-count').boundingBox()]);
    // Right to left: the words start at the right edge, the number ends the line at the left.
    expect(count!.x).toBeLessThan(label!.x);
    const [scrollWidth, clientWidth] = await p.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      return [root.scrollWidth, root.clientWidth];
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await shot(p, 'ar-390');
    // The task list at 390 px: one card per row, in Arabic.
    await p.getByTestId(`work-queue-tasks.dueSoon.${provinceId}`).click();
    await p.getByTestId('due-tasks').getByText(TASK).waitFor();
    expect(await p.getByTestId('due-tasks').getAttribute('data-layout')).toBe('cards');
    await shot(p, 'ar-390-review-tasks');
    if (process.env.E2E_SCREENSHOTS) {
      await p.setViewportSize({ width: 1366, height: 900 });
      await p.goto('/work-queue');
      await p.getByTestId('work-queue-entries.awaitingMyApproval').waitFor();
      await shot(p, 'ar-1366');
    }
    await phone.close();
  }, 240_000); // a second browser context, two pages and two widths: minutes on a loaded 2-core machine
});
