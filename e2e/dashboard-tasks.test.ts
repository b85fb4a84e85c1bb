/**
 * The dashboard's card "Thực hiện văn bản" (docs/leadership-loop.md slice 8): a province's issued
 * resolution, its plan and a task given to two communes through the API, one marked done; the
 * dashboard of the province then shows the card with the figures of the report's tasks block and
 * the document, whose link opens its roll-up under the province; in Arabic the card is mirrored.
 * Tỉnh Hà Tĩnh, so the other dashboard tests' province (Ninh Bình) keeps no tasks of this file.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportView } from '../common/reports.js';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, vietnamDay, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';

const TAG = Date.now().toString(36);
type Unit = { id: string; name: string };

describe('the dashboard card of the implementation of documents', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let province: Unit;
  let documentId: string;
  const year = vietnamDay(0).iso.slice(0, 4);
  const title = `Nghị quyết về nâng cao chất lượng công tác dân vận (${TAG})`;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Hà Tĩnh');
    const communes = (await admin.get<{ items: Unit[] }>(`/api/units/${province.id}/children?kind=commune&limit=2`)).items;
    expect(communes).toHaveLength(2);
    const created = await admin.send<{ id: string; version: number }>('POST', '/api/policy-documents', {
      kind: 'resolution',
      issuingUnitId: province.id,
      issuingBody: 'Tỉnh ủy Hà Tĩnh',
      number: String(300 + (Date.now() % 9000)),
      symbol: 'NQ/TU',
      issuedOn: vietnamDay(-3).iso,
      title,
    });
    expect(created.status).toBe(201);
    documentId = created.body.id;
    expect((await admin.send('POST', `/api/policy-documents/${documentId}/issue`, { version: created.body.version })).status).toBe(200);
    const plan = await admin.send<{ id: string }>('POST', `/api/policy-documents/${documentId}/plans`, { unitId: province.id, startsOn: vietnamDay(0).iso, endsOn: vietnamDay(60).iso });
    expect(plan.status).toBe(201);
    const given = await admin.send<{ items: { id: string; version: number }[] }>('POST', `/api/implementation-plans/${plan.body.id}/tasks`, {
      content: `Tổ chức quán triệt nghị quyết (${TAG})`,
      expectedOutput: 'Báo cáo kết quả',
      startsOn: vietnamDay(0).iso,
      deadline: vietnamDay(20).iso,
      ownerUnitIds: communes.map((c) => c.id),
    });
    expect(given.status).toBe(201);
    const first = given.body.items[0]!;
    expect((await admin.send('POST', `/api/tasks/${first.id}/done`, { version: first.version })).status).toBe(200);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('shows the report’s tasks block and the document, linking to its roll-up under the province', async () => {
    const report = await admin.get<ReportView>(`/api/reports?unitId=${province.id}&period=year&year=${year}`);
    expect(report.figures.tasks).toMatchObject({ done: 1, unitsTasked: 2 });
    expect(report.figures.tasks.assigned).toBeGreaterThanOrEqual(2);
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${year}`);
    const card = page.getByTestId('chart-card-tasks');
    await card.waitFor();
    expect(await card.textContent()).toContain(text('vi', 'dashboard.tasks.title'));
    await eventually(() => card.getByTestId('task-figure-done').getByTestId('figure-value').textContent()).toBe(String(report.figures.tasks.done));
    const link = card.getByTestId('task-documents').getByRole('link', { name: new RegExp(TAG) });
    await link.waitFor();
    await link.click();
    await page.waitForURL(new RegExp(`/policy-documents/${documentId}\\?unitId=${province.id}$`));
  });

  it('mirrors the card in Arabic', async () => {
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'ar' })).status).toBe(200);
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${year}`);
    await page.reload();
    await waitForDir(page, 'rtl');
    const card = page.getByTestId('chart-card-tasks');
    await card.waitFor();
    await eventually(() => card.textContent()).toContain(text('ar', 'dashboard.tasks.title'));
  });
});
