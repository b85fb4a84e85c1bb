/**
 * Plans, tasks and the roll-up in the browser (docs/leadership-loop.md slice 2): an editor of a
 * province starts the plan for an issued resolution and gives a task to two of its communes (all
 * or nothing); the first commune's editor reports progress and marks its task done; the roll-up
 * on the document's page then shows one of two done and drills down into a commune; an edit made
 * meanwhile by someone else is offered as a reload; a viewer of the province sees no button that
 * writes. The pages fit a phone in Vietnamese and in Arabic. With E2E_SCREENSHOTS=<dir> the pages
 * are saved as tasks-<page>-<width>-<language>.png there.
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
const PASSWORD = 'Nhiem-vu-dan-van-2026';
const CONTENT = `Tổ chức quán triệt Nghị quyết đến toàn thể cán bộ, đảng viên (${TAG})`;
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

type Unit = { id: string; name: string };

/** A PDF as far as the server's content check goes (it starts with %PDF-), and a picture that is not one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG_AS_PDF = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
type Task = { id: string; version: number; ownerUnit: Unit; content: string };

/** An account with one role on one unit, past the first sign-in's password change. */
describe('plans, tasks and the roll-up', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let editorApi: ApiSession;
  let province: Unit;
  let communes: Unit[];
  let documentId: string;
  let planId: string;
  let tasks: Task[];
  const editor = `e2e-task-editor-${TAG}`;
  const communeEditor = `e2e-task-commune-${TAG}`;
  const viewer = `e2e-task-viewer-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    communes = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?kind=commune&limit=2`)).items;
    expect(communes).toHaveLength(2);
    // An issued resolution of the province: what a plan implements.
    const created = await admin.send<{ id: string; version: number }>('POST', '/api/policy-documents', {
      kind: 'resolution',
      issuingUnitId: province.id,
      issuingBody: 'Tỉnh ủy Ninh Bình',
      number: String(200 + (Date.now() % 9000)),
      symbol: 'NQ/TU',
      issuedOn: vietnamDay(-3).iso,
      title: `Nghị quyết về công tác dân vận trong tình hình mới (${TAG})`,
    });
    expect(created.status).toBe(201);
    documentId = created.body.id;
    expect((await admin.send('POST', `/api/policy-documents/${documentId}/issue`, { version: created.body.version })).status).toBe(200);
    editorApi = await createAccount(admin, editor, province.id, 'editor', PASSWORD);
    await createAccount(admin, communeEditor, communes[0]!.id, 'editor', PASSWORD);
    await createAccount(admin, viewer, province.id, 'viewer', PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, editor, PASSWORD);
  });
  afterAll(async () => {
    await editorApi?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('starts the province’s plan for the resolution from the document’s page', async () => {
    await page.goto(`/policy-documents/${documentId}`);
    const section = page.getByTestId('document-implementation');
    await section.getByText(text('vi', 'tasks.implementation.noPlans')).waitFor();
    await section.getByTestId('plan-create').click();
    await pickOption(page, 'plan_unitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await typeDate(page, 'plan_startsOn', vietnamDay(0).typed);
    await typeDate(page, 'plan_endsOn', vietnamDay(60).typed);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.waitForURL(/\/implementation-plans\/\d+$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('plan-title').filter({ hasText: 'Tỉnh Ninh Bình' }).waitFor();
  });

  it('gives a task to two communes, one task each', async () => {
    await page.getByTestId('assign-tasks').click();
    await page.locator('#assign_content').fill(CONTENT);
    await page.locator('#assign_expectedOutput').fill('Báo cáo kết quả quán triệt');
    await typeDate(page, 'assign_deadline', vietnamDay(30).typed);
    for (const commune of communes) await pickOption(page, 'assign_ownerUnitIds', commune.name.split(' ').slice(1).join(' '), commune.name);
    // A multiple select stays open after a pick: close it as a user would, by clicking elsewhere.
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'tasks.assign.submit'), exact: true }).click();
    await page.locator('#assign').waitFor({ state: 'detached' });
    const rows = page.locator('[data-testid="plan-tasks"] .ant-table-row');
    await eventually(() => rows.count()).toBe(2);
    const plan = await admin.get<{ tasks: { items: Task[]; total: number } }>(`/api/implementation-plans/${planId}`);
    expect(plan.tasks.total).toBe(2);
    expect(plan.tasks.items.map((t) => t.ownerUnit.id).sort()).toEqual(communes.map((c) => c.id).sort());
    tasks = plan.tasks.items;
  });

  it('lets the first commune’s editor report progress and mark its task done', async () => {
    const communePage = await newPage(browser);
    await signIn(communePage, communeEditor, PASSWORD);
    // The list opens on the reader's own unit.
    await communePage.goto('/tasks');
    await communePage.getByRole('heading', { name: text('vi', 'tasks.list.title') }).waitFor();
    expect(await communePage.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.tasks') }).count()).toBe(1);
    const row = communePage.locator('[data-testid="tasks-table"] .ant-table-row').filter({ hasText: CONTENT });
    await eventually(() => row.count()).toBe(1);
    await row.getByRole('link', { name: CONTENT }).click();
    await communePage.waitForURL(/\/tasks\/\d+$/);
    await communePage.getByTestId('task-content').filter({ hasText: CONTENT }).waitFor();
    await communePage.locator('#task-report_text').fill('Đã tổ chức hội nghị quán triệt cho 120 đảng viên.');
    await communePage.locator('#task-report_percent').fill('100');
    await communePage.getByTestId('report-submit').click();
    const report = communePage.getByTestId('task-report').filter({ hasText: '120 đảng viên' });
    await report.waitFor();
    // Evidence: a PDF is kept and downloads as it was sent; a picture renamed .pdf is refused.
    await report.locator('input[type=file]').setInputFiles({ name: 'bien-ban-hoi-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await report.getByTestId('evidence').filter({ hasText: 'bien-ban-hoi-nghi.pdf' }).waitFor();
    const href = await report.getByRole('link', { name: 'bien-ban-hoi-nghi.pdf' }).getAttribute('href');
    const file = await communePage.request.get(href!);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await report.locator('input[type=file]').setInputFiles({ name: 'anh.pdf', mimeType: 'application/pdf', buffer: PNG_AS_PDF });
    await report.getByText(text('vi', 'errors.UNSUPPORTED_FILE')).waitFor();
    expect(await report.getByTestId('evidence').count()).toBe(1);
    await communePage.getByTestId('task-done').click();
    await communePage.getByTestId('task-done-confirm').click();
    await communePage.locator('[data-testid="task-status"][data-status="done"]').waitFor();
    // The commune did not assign it: neither edit, reopen nor delete is its to do.
    for (const id of ['task-edit', 'task-reopen', 'task-delete']) expect(await communePage.getByTestId(id).count(), id).toBe(0);
    await communePage.context().close();
  });

  it('rolls up one of two done on the document’s page, and opens a commune’s tasks from it', async () => {
    await page.goto(`/policy-documents/${documentId}`);
    const rollup = page.getByTestId('rollup');
    await eventually(() => rollup.getByTestId('rollup-totals').textContent()).toContain(text('vi', 'tasks.rollup.leavesDone', { done: '1', leaves: '2' }));
    expect(await rollup.getByTestId('rollup-reported').textContent()).toBe(text('vi', 'tasks.rollup.unitsReported', { reported: '1', tasked: '2' }));
    const rows = rollup.locator('.ant-table-row');
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: communes[0]!.name }).getByTestId('rollup-done').textContent()).toBe('1/1');
    expect(await rows.filter({ hasText: communes[1]!.name }).getByTestId('rollup-done').textContent()).toBe('0/1');
    // The list of a child's tasks, filtered in the URL.
    await rows.filter({ hasText: communes[1]!.name }).getByRole('link', { name: text('vi', 'tasks.rollup.openList') }).click();
    await page.waitForURL((url) => url.pathname === '/tasks' && url.searchParams.get('unitId') === communes[1]!.id && url.searchParams.get('documentId') === documentId);
    const listed = page.locator('[data-testid="tasks-table"] .ant-table-row');
    await eventually(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain(CONTENT);
    await page.goto(`/tasks?unitId=${province.id}&status=done`);
    await eventually(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain(communes[0]!.name);
  });

  it('drills down from the country to the province in the URL, and back up by the breadcrumb', async () => {
    const adminPage = await newPage(browser);
    await signIn(adminPage, 'admin', inject('adminPassword'));
    await adminPage.goto(`/policy-documents/${documentId}`);
    const rollup = adminPage.getByTestId('rollup');
    await rollup.getByTestId('rollup-drill').filter({ hasText: province.name }).click();
    await adminPage.waitForURL((url) => url.searchParams.get('unitId') === province.id);
    const rows = rollup.locator('.ant-table-row');
    await eventually(() => rows.count()).toBe(2);
    expect(await rollup.getByTestId('rollup-totals').textContent()).toContain(text('vi', 'tasks.rollup.leavesDone', { done: '1', leaves: '2' }));
    await rollup.getByTestId('rollup-up').click();
    await adminPage.waitForURL((url) => !url.searchParams.has('unitId'));
    await rollup.getByTestId('rollup-drill').filter({ hasText: province.name }).waitFor();
    await adminPage.context().close();
  });

  it('offers a reload when someone else changed the task meanwhile', async () => {
    const open = tasks.find((t) => t.ownerUnit.id === communes[1]!.id)!;
    await page.goto(`/tasks/${open.id}`);
    await page.getByTestId('task-content').filter({ hasText: CONTENT }).waitFor();
    const current = await admin.get<Task>(`/api/tasks/${open.id}`);
    expect((await admin.send('PATCH', `/api/tasks/${open.id}`, { expectedOutput: 'Báo cáo do người khác sửa', version: current.version })).status).toBe(200);
    await page.getByTestId('task-edit').click();
    await page.locator('#task-edit_expectedOutput').fill('Báo cáo của tôi');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'tasks.conflictTitle')).waitFor();
    await page.getByTestId('task-reload').click();
    await page.locator('#task-edit').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('task-fields').textContent()).toContain('Báo cáo do người khác sửa');
  });

  it('passes the province’s own task on to the two communes', async () => {
    await page.goto(`/implementation-plans/${planId}`);
    await page.getByTestId('assign-tasks').click();
    await page.locator('#assign_content').fill(`Khảo sát mô hình dân vận khéo (${TAG})`);
    await page.locator('#assign_expectedOutput').fill('Danh sách mô hình');
    await typeDate(page, 'assign_deadline', vietnamDay(20).typed);
    // With nothing typed the picker offers the plan's own unit.
    await pickOption(page, 'assign_ownerUnitIds', '', province.name);
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'tasks.assign.submit'), exact: true }).click();
    await page.locator('#assign').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: `Khảo sát mô hình dân vận khéo (${TAG})` }).click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByTestId('task-split').click();
    for (const commune of communes) await pickOption(page, 'split_ownerUnitIds', commune.name.split(' ').slice(1).join(' '), commune.name);
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'tasks.split.submit'), exact: true }).click();
    await page.locator('#split').waitFor({ state: 'detached' });
    const children = page.locator('[data-testid="task-children"] .ant-table-row');
    await eventually(() => children.count()).toBe(2);
    // A container: its work is its children's, and the roll-up counts them, not it.
    await page.getByText(text('vi', 'tasks.container', { count: '2' })).waitFor();
    const rollup = await admin.get<{ totals: { leaves: number; done: number } }>(`/api/policy-documents/${documentId}/rollup?unitId=${province.id}`);
    expect(rollup.totals).toMatchObject({ leaves: 4, done: 1 });
  });

  it('gives a viewer of the province no button that writes', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage.goto(`/policy-documents/${documentId}`);
    await viewerPage.getByTestId('rollup-totals').waitFor();
    expect(await viewerPage.getByTestId('plan-create').count()).toBe(0);
    await viewerPage.goto(`/implementation-plans/${planId}`);
    await viewerPage.getByTestId('plan-title').waitFor();
    expect(await viewerPage.getByTestId('assign-tasks').count()).toBe(0);
    await viewerPage.goto(`/tasks/${tasks[0]!.id}`);
    await viewerPage.getByTestId('task-content').waitFor();
    await viewerPage.getByTestId('task-reports').waitFor();
    for (const id of ['task-done', 'task-split', 'task-edit', 'task-reopen', 'task-delete', 'report-submit', 'evidence-upload']) {
      expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    }
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['document', `/policy-documents/${documentId}`, () => page.getByTestId('rollup-totals').waitFor()],
          ['plan', `/implementation-plans/${planId}`, () => page.getByTestId('plan-title').waitFor()],
          ['list', `/tasks?unitId=${province.id}`, () => page.getByText(CONTENT).first().waitFor()],
          ['task', `/tasks/${tasks[0]!.id}`, () => page.getByTestId('task-report').first().waitFor()],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          // A list shows its cached rows while it asks again: wait for the answer, not the dimmed rows.
          await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `tasks-${name}-${width}-${locale}.png`), fullPage: true });
        }
      }
    }
  });
});
