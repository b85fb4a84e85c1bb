/**
 * Coordination programs in the browser (docs/leadership-loop.md slice 6): a province's editor
 * creates a program with the coast guard for 2023–2027; once its document is issued the editor adds
 * the 2026 yearly plan and gives it one item on the plan's page; a year the program no longer
 * covers (its period was shortened meanwhile) is refused in words; a viewer sees no button that
 * writes. The pages fit a phone in Vietnamese and in Arabic. With E2E_SCREENSHOTS=<dir> the pages
 * are saved as coordination-<page>-<width>-<language>.png there.
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
const PASSWORD = 'Phoi-hop-dan-van-2026';
const TITLE = `Chương trình phối hợp công tác dân vận vùng biển, đảo giai đoạn 2023–2027 (${TAG})`;
const FORCE_BODY = 'Bộ Tư lệnh Vùng Cảnh sát biển 1';
const ITEM = `Tuyên truyền Luật Cảnh sát biển Việt Nam cho ngư dân các xã ven biển (${TAG})`;
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

type Unit = { id: string; name: string };
type Program = { id: string; version: number; document: { id: string; status: string }; yearlyPlans: { id: string; year: number; totals: { leaves: number } }[] };

/** An account with one role on one unit, past the first sign-in's password change. */
describe('coordination programs', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let editorApi: ApiSession;
  let province: Unit;
  let programId: string;
  let planId: string;
  const editor = `e2e-coord-editor-${TAG}`;
  const viewer = `e2e-coord-viewer-${TAG}`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
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

  it('creates a program with the coast guard for 2023–2027 from the menu', async () => {
    await page.goto('/');
    await page.locator('nav .ant-menu').getByRole('link', { name: text('vi', 'nav.coordinationPrograms') }).first().click();
    await page.getByRole('heading', { name: text('vi', 'coordination.title') }).waitFor();
    await page.getByTestId('program-create').click();
    await pickOption(page, 'program_partyUnitId', 'tinh ninh binh', 'Tỉnh Ninh Bình');
    await pickOption(page, 'program_forceCode', '', 'Cảnh sát biển Việt Nam');
    await page.locator('#program_forceBody').fill(FORCE_BODY);
    await typeDate(page, 'program_periodFrom', '01/01/2023');
    await typeDate(page, 'program_periodTo', '31/12/2027');
    await page.locator('#program_number').fill(String(10 + (Date.now() % 900)));
    await page.locator('#program_symbol').fill('CTrPH/TU');
    await typeDate(page, 'program_issuedOn', vietnamDay(-2).typed);
    await page.locator('#program_title').fill(TITLE);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'coordination.create.submit'), exact: true }).click();
    await page.waitForURL(/\/coordination-programs\/\d+$/);
    programId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('program-title').filter({ hasText: TITLE }).waitFor();
    expect(await page.getByTestId('program-force').textContent()).toBe(`Cảnh sát biển Việt Nam — ${FORCE_BODY}`);
    // A draft document: no yearly plan until it is issued.
    await page.getByTestId('program-draft').waitFor();
    expect(await page.getByTestId('year-add').count()).toBe(0);
    const program = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    expect(program).toMatchObject({ periodFrom: '2023-01-01', periodTo: '2027-12-31', forceBody: FORCE_BODY, force: { code: 'coast_guard' }, document: { status: 'draft' } });
    // The list finds it by the province and the force, kept in the URL.
    await page.goto(`/coordination-programs?unitId=${province.id}&force=coast_guard`);
    await page.locator('[data-testid="programs-table"] [data-testid="program-link"]').filter({ hasText: TITLE }).waitFor();
  });

  it('adds the 2026 yearly plan once the document is issued, and gives it one item on the plan’s page', async () => {
    // Issuing is an approver's step (data.approve), not the editor's.
    const program = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    const document = await admin.get<{ version: number }>(`/api/policy-documents/${program.document.id}`);
    expect((await admin.send('POST', `/api/policy-documents/${program.document.id}/issue`, { version: document.version })).status).toBe(200);
    await page.goto(`/coordination-programs/${programId}`);
    await page.getByTestId('year-add').click();
    // Only the period's years are offered.
    await page.locator('#yearly-plan_year').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await eventually(() => options.allTextContents()).toEqual(['2023', '2024', '2025', '2026', '2027']);
    await options.filter({ hasText: '2026' }).click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'coordination.years.submit'), exact: true }).click();
    await page.locator('#yearly-plan').waitFor({ state: 'detached' });
    const plan = page.locator('[data-testid="yearly-plan"][data-year="2026"]');
    await plan.waitFor();
    await plan.getByTestId('yearly-plan-open').click();
    await page.waitForURL(/\/implementation-plans\/\d+$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('assign-tasks').click();
    await page.locator('#assign_content').fill(ITEM);
    await page.locator('#assign_expectedOutput').fill('Số buổi tuyên truyền, số ngư dân tham dự');
    await typeDate(page, 'assign_deadline', '31/12/2026');
    await pickOption(page, 'assign_ownerUnitIds', '', province.name);
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'tasks.assign.submit'), exact: true }).click();
    await page.locator('#assign').waitFor({ state: 'detached' });
    await page.goto(`/coordination-programs/${programId}`);
    await eventually(() => plan.getByTestId('yearly-plan-items').textContent()).toContain(ITEM);
    expect(await plan.getByTestId('yearly-plan-totals').textContent()).toContain(text('vi', 'tasks.rollup.leavesDone', { done: '0', leaves: '1' }));
    const after = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    expect(after.yearlyPlans.map((p) => [p.id, p.year, p.totals.leaves])).toEqual([[planId, 2026, 1]]);
  });

  it('refuses, in words, a year the program no longer covers', async () => {
    await page.goto(`/coordination-programs/${programId}`);
    await page.getByTestId('year-add').click();
    // Meanwhile someone shortens the period to 2023–2026: the open dialog still offers 2027.
    const current = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    expect((await admin.send('PATCH', `/api/coordination-programs/${programId}`, { periodTo: '2026-12-31', version: current.version })).status).toBe(200);
    await pickOption(page, 'yearly-plan_year', '', '2027');
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'coordination.years.submit'), exact: true }).click();
    await eventually(() => page.getByTestId('year-outside').textContent()).toContain(text('vi', 'coordination.years.outside', { year: '2027' }));
    const after = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    expect(after.yearlyPlans.map((p) => p.year)).toEqual([2026]);
  });

  it('offers a reload when someone else changed the program meanwhile', async () => {
    await page.goto(`/coordination-programs/${programId}`);
    await page.getByTestId('program-title').waitFor();
    const current = await admin.get<Program>(`/api/coordination-programs/${programId}`);
    expect((await admin.send('PATCH', `/api/coordination-programs/${programId}`, { forceBody: 'Bộ Tư lệnh Vùng Cảnh sát biển 2', version: current.version })).status).toBe(200);
    await page.getByTestId('program-edit').click();
    await page.locator('#program-edit_forceBody').fill(FORCE_BODY);
    await page.locator('.ant-modal').getByRole('button', { name: text('vi', 'common.save'), exact: true }).click();
    await page.getByText(text('vi', 'coordination.conflictTitle')).waitFor();
    await page.getByTestId('program-reload').click();
    await eventually(() => page.getByTestId('program-force').textContent()).toContain('Bộ Tư lệnh Vùng Cảnh sát biển 2');
  });

  it('gives a viewer of the province no button that writes', async () => {
    const viewerPage = await newPage(browser);
    await signIn(viewerPage, viewer, PASSWORD);
    await viewerPage.goto('/coordination-programs');
    await viewerPage.getByRole('heading', { name: text('vi', 'coordination.title') }).waitFor();
    expect(await viewerPage.getByTestId('program-create').count()).toBe(0);
    await viewerPage.goto(`/coordination-programs/${programId}`);
    await viewerPage.locator('[data-testid="yearly-plan"][data-year="2026"]').waitFor();
    for (const id of ['program-edit', 'year-add']) expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    await viewerPage.context().close();
  });

  it('fits a phone, in Vietnamese and in Arabic (right to left)', async () => {
    for (const locale of ['vi', 'ar'] as const) {
      expect((await editorApi.send('PUT', '/api/auth/me/locale', { locale })).status).toBe(200);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        const pages: [string, string, () => Promise<void>][] = [
          ['list', `/coordination-programs?unitId=${province.id}`, () => page.getByText(TITLE).first().waitFor()],
          ['program', `/coordination-programs/${programId}`, () => page.getByTestId('yearly-plan-items').waitFor()],
        ];
        for (const [name, url, ready] of pages) {
          await page.goto(url);
          await waitForDir(page, locale === 'ar' ? 'rtl' : 'ltr');
          await ready();
          await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
          if (width === 390) await expectNoSidewaysScroll(page, `the ${name} page in ${locale}`);
          if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `coordination-${name}-${width}-${locale}.png`), fullPage: true });
        }
      }
    }
  });
});
