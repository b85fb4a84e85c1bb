/**
 * The calendar of deadlines in the browser (docs/leadership-loop.md "Calendar of deadlines and
 * digest page"): a province's editor opens /calendar on the month of a task's deadline, sees that
 * day's count, chooses the day and follows the task's link; the round's due day counts the round
 * and every commune's report, as the API lists them. Then the digest page opens from the calendar,
 * and the calendar on a 390 px phone in Arabic is a list that reads right to left without
 * scrolling sideways. With E2E_SCREENSHOTS=<dir> the pages are saved as calendar-*.png there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Lich-han-Lang-Son-2026';
const CONTENT = `Sơ kết việc thực hiện quy chế dân chủ ở cơ sở (${TAG})`;
const ROUND = `Báo cáo công tác dân vận tháng (${TAG})`;
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
// The task's day and the round's, both ahead (the plan and the round refuse a day past).
const TASK_DAY = vietnamDay(12).iso;
const ROUND_DAY = vietnamDay(14).iso;

type Deadlines = { days: { day: string; total: number }[]; items: { kind: string; id: string; day: string }[] };

describe('the calendar of deadlines', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let editorApi: ApiSession;
  let provinceId: string;
  let taskId: string;
  const editor = `e2e-calendar-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    // A province no other browser test writes to: its days hold this test's work alone.
    const province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Lạng Sơn');
    provinceId = province.id;
    const doc = await admin.send<{ id: string; version: number }>('POST', '/api/policy-documents', {
      kind: 'resolution',
      issuingUnitId: provinceId,
      issuingBody: 'Tỉnh ủy Lạng Sơn',
      number: String(300 + (Date.now() % 9000)),
      symbol: 'NQ/TU',
      issuedOn: vietnamDay(-3).iso,
      title: `Nghị quyết về công tác dân vận (${TAG})`,
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    expect((await admin.send('POST', `/api/policy-documents/${doc.body.id}/issue`, { version: doc.body.version })).status).toBe(200);
    const plan = await admin.send<{ id: string }>('POST', `/api/policy-documents/${doc.body.id}/plans`, { unitId: provinceId, startsOn: vietnamDay(0).iso, endsOn: vietnamDay(60).iso });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const tasks = await admin.send<{ items: { id: string }[] }>('POST', `/api/implementation-plans/${plan.body.id}/tasks`, {
      content: CONTENT,
      expectedOutput: 'Báo cáo sơ kết',
      startsOn: vietnamDay(0).iso,
      deadline: TASK_DAY,
      ownerUnitIds: [provinceId],
    });
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(201);
    taskId = tasks.body.items[0]!.id;
    const template = await admin.send<{ id: string }>('POST', '/api/report-templates', {
      unitId: provinceId,
      name: `Mẫu báo cáo tháng (${TAG})`,
      sections: [{ key: 'results', title: { vi: 'Kết quả thực hiện' }, kind: 'text' }],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const round = await admin.send('POST', '/api/reporting-rounds', {
      openingUnitId: provinceId,
      templateId: template.body.id,
      title: ROUND,
      periodFrom: vietnamDay(-30).iso,
      periodTo: vietnamDay(-1).iso,
      dueOn: ROUND_DAY,
      targetKinds: ['commune'],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    editorApi = await createAccount(admin, editor, provinceId, 'editor', PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it("shows the day's counts as the API lists them, and the task's link opens the task", async () => {
    const api = await editorApi.get<Deadlines>(`/api/deadlines?unitId=${provinceId}&from=${vietnamDay(0).iso}&to=${vietnamDay(30).iso}`);
    const total = (day: string) => api.days.find((d) => d.day === day)?.total;
    expect(total(TASK_DAY)).toBe(1);
    // The round and every commune's report.
    expect(total(ROUND_DAY)).toBeGreaterThan(2);
    await page.goto(`/calendar?unitId=${provinceId}&month=${TASK_DAY.slice(0, 7)}`);
    await page.getByRole('heading', { name: text('vi', 'calendar.title') }).waitFor();
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.calendar') }).count()).toBe(1);
    await eventually(() => page.getByTestId(`calendar-count-${TASK_DAY}`).getAttribute('data-total')).toBe('1');
    if (ROUND_DAY.slice(0, 7) === TASK_DAY.slice(0, 7)) expect(await page.getByTestId(`calendar-count-${ROUND_DAY}`).getAttribute('data-total')).toBe(String(total(ROUND_DAY)));
    await page.getByTestId(`calendar-day-${TASK_DAY}`).click();
    await page.waitForURL((url) => url.searchParams.get('day') === TASK_DAY);
    const item = page.getByTestId('calendar-item').filter({ hasText: CONTENT });
    await item.waitFor();
    expect(await page.getByTestId('calendar-item').count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar-1366-vi.png'), fullPage: true });
    await item.getByRole('link', { name: CONTENT }).click();
    await page.waitForURL(new RegExp(`/tasks/${taskId}$`));
    await page.getByTestId('task-content').filter({ hasText: CONTENT }).waitFor();
  });

  it('opens the digest from the calendar, and lists the days on a phone in Arabic', async () => {
    await page.goto(`/calendar?unitId=${provinceId}`);
    await page.getByTestId('calendar-to-digest').click();
    await page.waitForURL((url) => url.pathname === '/leadership-digest' && url.searchParams.get('unitId') === provinceId);
    await page.getByRole('heading', { name: text('vi', 'digest.title') }).waitFor();
    await page.getByTestId('digest-about').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar-digest-1366-vi.png'), fullPage: true });
    expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale: 'ar' })).status).toBe(200);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/calendar?unitId=${provinceId}&month=${ROUND_DAY.slice(0, 7)}`);
    await waitForDir(page, 'rtl');
    await page.getByTestId('calendar-phone-list').waitFor();
    await page.getByTestId(`calendar-count-${ROUND_DAY}`).waitFor();
    expect(await page.getByTestId('calendar-grid').count()).toBe(0);
    // A day's items open under its card when it is chosen.
    await page.getByTestId(`calendar-day-${ROUND_DAY}`).click();
    await page.getByTestId('calendar-item').filter({ hasText: ROUND }).first().waitFor();
    await expectNoSidewaysScroll(page, 'the calendar');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'calendar-390-ar.png') });
  });
});
