/**
 * Working sessions in the browser (docs/leadership-loop.md slice 4): an editor of a province
 * records a session of its delegation with a commune, then issues the conclusion notice with two
 * requests to the commune; the commune's editor finds them among its tasks and reports progress on
 * one; the session's page then shows one reported and one not yet; the commune's unit page lists
 * the session under "Làm việc với đơn vị"; an edit made meanwhile by someone else is offered as a
 * reload; a viewer of the province sees no button that writes. The pages fit a phone in Vietnamese
 * and in Arabic. With E2E_SCREENSHOTS=<dir> the pages are saved as ws-<page>-<width>-<language>.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiSession, apiSignIn, createAccount, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, typeDate, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually, pickOption } from './support/entries-flow.js';
import { expectNoSidewaysScroll } from './support/phone.js';

const TAG = Date.now().toString(36);
const PASSWORD = 'Lam-viec-dan-van-2026';
const CONTENT = `Làm việc về kết quả thực hiện công tác dân vận năm 2026 (${TAG})`;
const REQUESTS = [`Rà soát, kiện toàn Ban Chỉ đạo Quy chế dân chủ ở cơ sở (${TAG})`, `Xây dựng mô hình "Dân vận khéo" về chuyển đổi số (${TAG})`];
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

type Unit = { id: string; name: string };
type Session = { id: string; version: number; requests: { id: string; content: string; lastReportOn: string | null }[] };

/**
 * Opens the unit page's tab "Làm việc với đơn vị". The unit page's tabs may not all fit beside the
 * tree (Arabic's labels are longer): the last ones then sit in the tabs' "…" menu.
 */
async function openUnitTab(page: Page, locale: string): Promise<void> {
  const name = text(locale, 'workingSessions.unitTab.title');
  const tab = page.getByRole('tab', { name });
  await tab.waitFor({ state: 'attached' });
  const more = page.locator('.ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden) .ant-tabs-nav-more');
  if (await more.count()) {
    await more.hover();
    const item = page.locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden) .ant-tabs-dropdown-menu-item');
    await item.first().waitFor();
    const hidden = item.filter({ hasText: name });
    const inMenu = (await hidden.count()) > 0;
    if (inMenu) await hidden.click();
    // Away from "…", so its menu closes and does not cover the tab's content.
    await page.mouse.move(0, 0);
    await page.locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden)').waitFor({ state: 'hidden' });
    if (inMenu) return;
  }
  await tab.click();
}

/** An account with one role on one unit, past the first sign-in's password change. */
describe('working sessions, their conclusion notice and its requests', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let editorApi: ApiSession;
  let province: Unit;
  let commune: Unit;
  let sessionId: string;
  const editor = `e2e-ws-editor-${TAG}`;
  const communeEditor = `e2e-ws-commune-${TAG}`;
  const viewer = `e2e-ws-viewer-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    commune = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?kind=commune&limit=1`)).items[0]!;
    editorApi = await createAccount(admin, editor, province.id, 'editor', PASSWORD);
    await createAccount(admin, communeEditor, commune.id, 'editor', PASSWORD);
    await createAccount(admin, viewer, province.id, 'viewer', PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('records the province’s session with a commune, its delegation led by one head', async () => {
    await page.goto('/working-sessions');
    await page.getByRole('heading', { name: text('vi', 'workingSessions.title') }).waitFor();
    expect(await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.workingSessions') }).count()).toBe(1);
    await page.getByTestId('working-session-create').click();
    await pickOption(page, 'working-session_unitId', commune.name.split(' ').slice(1).join(' '), commune.name);
    // The leading unit is the editor's own province unless changed.
    expect(await page.locator('.ant-modal').getByText(province.name).count()).toBeGreaterThan(0);
    await typeDate(page, 'working-session_heldOn', vietnamDay(-2).typed);
    await page.locator('#working-session_place').fill('Hội trường Đảng ủy xã');
    await page.locator('#working-session_content').fill(CONTENT);
    await page.locator('#working-session_members_0_name').fill('Đồng chí Nguyễn Thị Hương');
    await page.locator('#working-session_members_0_position').fill('Phó Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy');
    await page.getByTestId('member-add').click();
    await page.locator('#working-session_members_1_name').fill('Đồng chí Trần Văn Minh');
    await page.locator('#working-session_members_1_position').fill('Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy');
    // Ticking the second as head unticks the first: one head only.
    await page.getByTestId('member-head').nth(1).check();
    expect(await page.getByTestId('member-head').nth(0).isChecked()).toBe(false);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/working-sessions\/\d+$/);
    sessionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('working-session-title').filter({ hasText: commune.name }).waitFor();
    const delegation = page.getByTestId('working-session-delegation');
    await delegation.getByText('Đồng chí Trần Văn Minh').waitFor();
    expect(await delegation.getByTestId('member-is-head').count()).toBe(1);
    expect(await delegation.locator('li').filter({ has: page.getByTestId('member-is-head') }).textContent()).toContain('Trần Văn Minh');
  });

  it('issues the conclusion notice with two requests to the commune, one task each', async () => {
    await page.getByTestId('notice-create').click();
    await page.locator('#notice_number').fill(String(100 + (Date.now() % 9000)));
    await page.locator('#notice_symbol').fill('TB/BTGDVTU');
    await page.locator('#notice_requests_0_content').fill(REQUESTS[0]!);
    await page.locator('#notice_requests_0_expectedOutput').fill('Quyết định kiện toàn Ban Chỉ đạo');
    await typeDate(page, 'notice_requests_0_deadline', vietnamDay(30).typed);
    await page.getByTestId('notice-request-add').click();
    await page.locator('#notice_requests_1_content').fill(REQUESTS[1]!);
    await page.locator('#notice_requests_1_expectedOutput').fill('Báo cáo kết quả mô hình');
    await typeDate(page, 'notice_requests_1_deadline', vietnamDay(45).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'workingSessions.notice.submit'), exact: true }).click();
    await page.locator('#notice').waitFor({ state: 'detached' });
    const rows = page.locator('[data-testid="session-requests"] .ant-table-row');
    await eventually(() => rows.count()).toBe(2);
    for (const request of REQUESTS) expect(await rows.filter({ hasText: request }).textContent()).toContain(commune.name);
    // The notice is a policy document with its own page; the button to issue another is gone.
    await page.getByTestId('working-session-notice').getByText('TB/BTGDVTU').waitFor();
    expect(await page.getByTestId('notice-create').count()).toBe(0);
    const href = await page.getByTestId('working-session-notice').getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/policy-documents\/\d+$/);
  });

  it('lets the commune’s editor find the requests among its tasks and report on one', async () => {
    const communePage = await newPage(browser);
    await signIn(communePage, communeEditor, PASSWORD);
    await communePage.goto('/tasks');
    const rows = communePage.locator('[data-testid="tasks-table"] .ant-table-row');
    for (const request of REQUESTS) await eventually(() => rows.filter({ hasText: request }).count()).toBe(1);
    await rows.filter({ hasText: REQUESTS[0]! }).getByRole('link', { name: REQUESTS[0]! }).click();
    await communePage.waitForURL(/\/tasks\/\d+$/);
    await communePage.locator('#task-report_text').fill('Đã ban hành Quyết định kiện toàn Ban Chỉ đạo Quy chế dân chủ ở cơ sở.');
    await communePage.getByTestId('report-submit').click();
    await communePage.getByTestId('task-report').first().waitFor();
    // The commune reads the session held with it, but changes neither it nor its notice.
    await communePage.goto(`/working-sessions/${sessionId}`);
    await communePage.getByTestId('working-session-title').waitFor();
    for (const id of ['working-session-edit', 'notice-create']) expect(await communePage.getByTestId(id).count(), id).toBe(0);
    await communePage.context().close();
  });

  it('shows on the session’s page one request reported and one not yet', async () => {
    await page.goto(`/working-sessions/${sessionId}`);
    const requests = page.getByTestId('session-requests');
    await eventually(() => requests.getByTestId('request-reported').count()).toBe(1);
    expect(await requests.locator('.ant-table-row').filter({ has: page.getByTestId('request-reported') }).textContent()).toContain(REQUESTS[0]);
    expect(await requests.locator('[data-testid="task-status"][data-status="open"]').count()).toBe(2);
    expect(await requests.getByTestId('session-requests-totals').textContent()).toBe(
      text('vi', 'workingSessions.requests.totals', { done: '0', reported: '1', open: '1', overdue: '0' }),
    );
    const session = await admin.get<Session>(`/api/working-sessions/${sessionId}`);
    expect(session.requests.filter((r) => r.lastReportOn).map((r) => r.content)).toEqual([REQUESTS[0]]);
  });

  it('lists the session on the commune’s unit page, with its open requests', async () => {
    await page.goto(`/units/${commune.id}`);
    await openUnitTab(page, 'vi');
    const tab = page.getByTestId('unit-working-sessions');
    await eventually(() => tab.locator('.ant-table-row').filter({ hasText: CONTENT }).count()).toBe(1);
    expect(await tab.getByTestId('unit-open-requests').textContent()).toBe(text('vi', 'workingSessions.unitTab.openRequests', { count: '2' }));
    await tab.locator('.ant-table-row').filter({ hasText: CONTENT }).getByTestId('working-session-link').click();
    await page.waitForURL(new RegExp(`/working-sessions/${sessionId}$`));
  });

  it('offers a reload when someone else changed the session meanwhile', async () => {
    await page.goto(`/working-sessions/${sessionId}`);
    await page.getByTestId('working-session-title').waitFor();
    const current = await admin.get<Session>(`/api/working-sessions/${sessionId}`);
    expect((await admin.send('PATCH', `/api/working-sessions/${sessionId}`, { place: 'Nhà văn hóa xã', version: current.version })).status).toBe(200);
    await page.getByTestId('working-session-edit').click();
    await page.locator('#working-session_place').fill('Trụ sở Ủy ban nhân dân xã');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'workingSessions.conflictTitle')).waitFor();
    await page.getByTestId('working-session-reload').click();
    await page.locator('#working-session').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('working-session-fields').textContent()).toContain('Nhà văn hóa xã');
  });

  it('gives a viewer of the province no button that writes', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage.goto(`/working-sessions?unitId=${province.id}`);
    await eventually(() => viewerPage.locator('[data-testid="working-sessions-table"] .ant-table-row').filter({ hasText: commune.name }).count()).toBeGreaterThan(0);
    expect(await viewerPage.getByTestId('working-session-create').count()).toBe(0);
    await viewerPage.goto(`/working-sessions/${sessionId}`);
    await viewerPage.getByTestId('session-requests').waitFor();
    for (const id of ['working-session-edit', 'notice-create']) expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['list', `/working-sessions?unitId=${province.id}`, () => page.getByText(commune.name).first().waitFor()],
          ['session', `/working-sessions/${sessionId}`, () => page.getByTestId('session-requests').waitFor()],
          [
            'unit',
            `/units/${commune.id}`,
            async () => {
              await openUnitTab(page, locale);
              await page.getByTestId('unit-working-sessions').getByText(CONTENT).waitFor();
            },
          ],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          // A list shows its cached rows while it asks again: wait for the answer, not the dimmed rows.
          await page.waitForLoadState('networkidle');
          await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `ws-${name}-${width}-${locale}.png`), fullPage: true });
        }
      }
    }
  });
});
