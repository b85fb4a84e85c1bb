/**
 * The dashboard and the report page in the browser: entries registered through the API for two
 * communes of Tỉnh Ninh Bình, the charts drawn from the province's report, a drill-down into a
 * commune from its bar and from the report's table, figures equal to what the API returns, the
 * document download, and the dashboard right to left in Arabic.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportView } from '../common/reports.js';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn, waitForDir } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';

const YEAR = 2026;
const SUFFIX = Date.now().toString(36);

type Unit = { id: string; name: string };
type Field = { code: string; names: Record<string, string> };

/** Registers an entry and submits it (drafts are not counted in reports). */
async function registerEntry(api: ApiSession, unit: Unit, fieldCode: string, kind: 'model' | 'typical_example', title: string, at: { level: string; year: number } = { level: 'commune', year: YEAR }): Promise<void> {
  const created = await api.send<{ id: string; version: number }>('POST', '/api/entries', {
    registeringUnitId: unit.id,
    level: at.level,
    kind,
    form: 'collective',
    fieldCode,
    year: at.year,
    title: `${title} ${SUFFIX}`,
  });
  expect(created.status).toBe(201);
  const submitted = await api.send('POST', `/api/entries/${created.body.id}/actions/submit`, { version: created.body.version });
  expect(submitted.status).toBe(200);
}

function reportOf(api: ApiSession, unitId: string, query = `period=year&year=${YEAR}`): Promise<ReportView> {
  return api.get<ReportView>(`/api/reports?unitId=${unitId}&${query}`);
}

/** The headline figure the page shows (its data-value: the number before formatting). */
function figure(page: Page, key: string) {
  return page.getByTestId(`figure-${key}`).getByTestId('figure-value').getAttribute('data-value');
}

/** Clicks the bar of `name` in the child-unit chart: just beside its axis label, where every bar starts. */
async function clickChildBar(page: Page, name: string, rtl: boolean): Promise<void> {
  const label = page.getByTestId('chart-children').locator('svg text', { hasText: name }).first();
  await label.waitFor();
  // Mouse coordinates are the viewport's: bring the chart into it first.
  await label.scrollIntoViewIfNeeded();
  const box = await label.boundingBox();
  if (!box) throw new Error(`no label ${name} in the chart`);
  await page.mouse.click(rtl ? box.x - 16 : box.x + box.width + 16, box.y + box.height / 2);
}

describe('the dashboard and the report page', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let province: Unit;
  let hoaLu: Unit;
  let tayHoaLu: Unit;
  let fields: Field[];
  let retiredCity: Unit;

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Ninh Bình');
    hoaLu = await findChild(admin, province.id, 'Phường Hoa Lư');
    tayHoaLu = await findChild(admin, province.id, 'Phường Tây Hoa Lư');
    // National fields only: other tests add fields of their own units, which these units may not use.
    fields = (await admin.get<{ items: (Field & { unitId: string | null })[] }>('/api/entry-fields')).items.filter((f) => f.unitId === null);
    expect(fields.length).toBeGreaterThan(1);
    await registerEntry(admin, hoaLu, fields[0]!.code, 'model', 'Mô hình "Dân vận khéo" phát triển kinh tế hộ');
    await registerEntry(admin, hoaLu, fields[0]!.code, 'model', 'Mô hình tổ tự quản đường hoa');
    await registerEntry(admin, hoaLu, fields[1]!.code, 'typical_example', 'Điển hình chi hội phụ nữ');
    await registerEntry(admin, tayHoaLu, fields[1]!.code, 'model', 'Mô hình khu dân cư văn hóa');
    // A city retired on 1 July 2025, whose area now lies in the province: its 2024 entry counts there.
    const hits = await admin.get<{ items: (Unit & { validTo: string | null; pathNames: string })[] }>('/api/units/search?q=thanh%20pho%20hoa%20lu&includeRetired=true&limit=20');
    retiredCity = hits.items.find((u) => u.name === 'Thành phố Hoa Lư' && u.validTo !== null)!;
    expect(retiredCity).toBeDefined();
    await registerEntry(admin, retiredCity, fields[0]!.code, 'model', 'Mô hình dân vận khéo của thành phố cũ', { level: 'district', year: 2024 });
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, 'admin', inject('adminPassword'));
  });
  afterAll(async () => {
    await admin?.send('PUT', '/api/auth/me/locale', { locale: 'vi' });
    await browser?.close();
  });

  it('opens the dashboard (where viewers land; editors and approvers land on the work queue)', async () => {
    await page.goto('/dashboard');
    await page.getByTestId('report-filters').waitFor();
  });

  it('draws the province’s charts from its report, with the field names and the communes', async () => {
    // A petition received today in a commune: the dashboard charts petitions once there are any.
    const intake = await admin.send('POST', '/api/petitions', {
      unitId: tayHoaLu.id,
      kind: 'recommendation',
      channel: 'in_person',
      categoryCode: 'land',
      title: 'Kiến nghị sửa đường liên thôn',
      content: 'Đề nghị sửa chữa đoạn đường liên thôn đã xuống cấp.',
      submitter: { name: 'Nguyễn Văn Bình' },
    });
    expect(intake.status, JSON.stringify(intake.body)).toBe(201);
    const report = await reportOf(admin, province.id);
    expect(report.figures.petitions.received).toBeGreaterThanOrEqual(1);
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${YEAR}`);
    await eventually(() => figure(page, 'entries')).toBe(String(report.figures.entries.total));
    expect(report.figures.entries.total).toBeGreaterThanOrEqual(4);
    const fieldChart = page.getByTestId('chart-field');
    await fieldChart.locator('svg').waitFor();
    // A long category name wraps onto several lines (one <tspan> each), so compare without spaces.
    const squeezed = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, '');
    await eventually(async () => squeezed(await fieldChart.locator('svg').textContent())).toContain(squeezed(fields[0]!.names.vi));
    expect(await fieldChart.locator('svg path').count()).toBeGreaterThan(2);
    const childChart = page.getByTestId('chart-children');
    await eventually(() => childChart.locator('svg').textContent()).toContain('Phường Hoa Lư');
    expect(await childChart.locator('svg').textContent()).toContain('Phường Tây Hoa Lư');
    for (const id of ['chart-year', 'chart-kind', 'chart-funnel']) {
      await page.getByTestId(id).locator('svg').waitFor();
    }
    const petitionChart = page.getByTestId('chart-petitions');
    const landName = report.petitionCategories.find((c) => c.code === 'land')!.names.vi!;
    await eventually(async () => squeezed(await petitionChart.locator('svg').textContent())).toContain(squeezed(landName));
    expect(await figure(page, 'petitionsReceived')).toBe(String(report.figures.petitions.received));
    // The trend covers five years up to the chosen one.
    expect(await page.getByTestId('chart-year').locator('svg').textContent()).toContain(String(YEAR - 4));
    // The charts follow their container: a narrower window, narrower drawings.
    const width = () => page.getByTestId('chart-children').locator('svg').first().evaluate((svg) => Number(svg.getAttribute('width')));
    const wide = await width();
    await page.setViewportSize({ width: 900, height: 900 });
    await eventually(width).toBeLessThan(wide);
    await page.setViewportSize({ width: 1400, height: 900 });
    await eventually(width).toBe(wide);
  });

  it('drills down into a commune by clicking its bar, and the figures become the commune’s', async () => {
    const commune = await reportOf(admin, hoaLu.id);
    const whole = await reportOf(admin, province.id);
    expect(commune.figures.entries.total).toBeLessThan(whole.figures.entries.total);
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${YEAR}`);
    await eventually(() => figure(page, 'entries')).toBe(String(whole.figures.entries.total));
    await clickChildBar(page, 'Phường Hoa Lư', false);
    await page.waitForURL((url) => url.searchParams.get('unitId') === hoaLu.id);
    await page.locator(`[data-testid="report-body"][data-unit-id="${hoaLu.id}"]`).waitFor();
    await eventually(() => figure(page, 'entries')).toBe(String(commune.figures.entries.total));
    expect(await page.getByTestId('report-unit').textContent()).toBe('Phường Hoa Lư');
    // Back goes up again.
    await page.goBack();
    await eventually(() => figure(page, 'entries')).toBe(String(whole.figures.entries.total));
  });

  it('shows on the report page the figures the API returns, and drills down from the table and back up', async () => {
    const report = await reportOf(admin, province.id);
    await page.goto(`/reports?unitId=${province.id}&period=year&year=${YEAR}`);
    await eventually(() => figure(page, 'entries')).toBe(String(report.figures.entries.total));
    const models = report.figures.entries.cells.filter((c) => c.kind === 'model' && c.status !== 'draft' && c.status !== 'withdrawn').reduce((s, c) => s + c.n, 0);
    expect(await figure(page, 'models')).toBe(String(models));
    expect(await figure(page, 'registeringUnits')).toBe(String(report.figures.entries.registeringUnits));
    expect(await figure(page, 'petitionsReceived')).toBe(String(report.figures.petitions.received));
    // The petitions table by kind, and never a sender's name.
    await page.getByTestId('table-petitions').getByText(text('vi', 'petitions.kind.recommendation'), { exact: true }).waitFor();
    expect(await page.content()).not.toContain('Nguyễn Văn Bình');
    await page.getByTestId('table-field-kind-form').getByText(fields[0]!.names.vi!, { exact: true }).waitFor();
    // Communes without figures are hidden until asked for; the totals do not change.
    const children = page.getByTestId('table-children').locator('tbody tr.ant-table-row');
    const withFigures = await children.count();
    await page.getByTestId('show-empty-children').click();
    await eventually(() => children.count()).toBeGreaterThan(withFigures);

    await page.getByTestId('table-children').locator(`[data-testid="drill-child"][data-unit-id="${tayHoaLu.id}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('unitId') === tayHoaLu.id && url.pathname === '/reports');
    await eventually(() => page.getByTestId('report-unit').textContent()).toBe('Phường Tây Hoa Lư');
    await eventually(() => figure(page, 'entries')).toBe(String((await reportOf(admin, tayHoaLu.id)).figures.entries.total));
    // Up through the ancestors, as far as the account sees.
    await page.getByTestId('report-ancestors').getByRole('button', { name: 'Tỉnh Ninh Bình' }).click();
    await eventually(() => page.getByTestId('report-unit').textContent()).toBe('Tỉnh Ninh Bình');
  });

  it('says how many records of retired units the province’s report counts', async () => {
    const report = await reportOf(admin, province.id, 'period=year&year=2024');
    expect(report.attribution.retiredEntries).toBeGreaterThanOrEqual(1);
    await page.goto(`/reports?unitId=${province.id}&period=year&year=2024`);
    const expected = text('vi', 'reports.attributionEntries', { n: String(report.attribution.retiredEntries), m: String(report.attribution.partialEntries), date: '01/07/2025' });
    await eventually(() => page.getByTestId('attribution-note').textContent()).toContain(expected);
    // The retired city's own report over its lifetime still works.
    await page.goto(`/reports?unitId=${retiredCity.id}&period=year&year=2024`);
    await eventually(() => figure(page, 'entries')).toBe(String((await reportOf(admin, retiredCity.id, 'period=year&year=2024')).figures.entries.total));
    expect(await page.getByTestId('report-unit').textContent()).toContain('Thành phố Hoa Lư');
  });

  it('reports a range without entries as zeros with an explanation', async () => {
    await page.goto(`/reports?unitId=${province.id}&period=year&year=2001`);
    await page.getByTestId('report-empty').waitFor();
    expect(await page.getByTestId('report-empty').textContent()).toContain(text('vi', 'reports.empty'));
    expect(await figure(page, 'entries')).toBe('0');
  });

  it('explains an inverted range by its error code', async () => {
    const refused = await admin.send<{ error: { code: string } }>('GET', `/api/reports?unitId=${province.id}&period=custom&from=2025-05-01&to=2025-01-01`);
    expect(refused.status).toBe(400);
    await page.goto(`/reports?unitId=${province.id}&period=custom&from=2025-05-01&to=2025-01-01`);
    await eventually(() => page.locator('[role="alert"]').first().textContent()).toContain(text('vi', `errors.${refused.body.error.code}`));
  });

  it('offers the same report as a DOCX document', async () => {
    await page.goto(`/reports?unitId=${province.id}&period=year&year=${YEAR}`);
    const link = page.getByTestId('download-docx');
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/reports/file?unitId=${province.id}&period=year&year=${YEAR}&format=docx`);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // A DOCX is a zip: "PK".
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it('draws the dashboard right to left in Arabic', async () => {
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'ar' })).status).toBe(200);
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${YEAR}`);
    await page.reload();
    await waitForDir(page, 'rtl');
    const fieldChart = page.getByTestId('chart-field');
    // The legend in Arabic.
    await eventually(() => fieldChart.locator('svg').textContent()).toContain(text('ar', 'entries.kind.model'));
    expect(await page.getByTestId('chart-card-field').textContent()).toContain(text('ar', 'dashboard.byField'));
    // Mirrored: the communes' names stand on the right of the chart, their bars grow leftwards.
    const childChart = page.getByTestId('chart-children');
    const label = childChart.locator('svg text', { hasText: 'Phường Hoa Lư' }).first();
    await label.waitFor();
    const [chartBox, labelBox] = [await childChart.boundingBox(), await label.boundingBox()];
    expect(labelBox!.x).toBeGreaterThan(chartBox!.x + chartBox!.width / 2);
    // And a click on a bar still drills down.
    await clickChildBar(page, 'Phường Hoa Lư', true);
    await page.waitForURL((url) => url.searchParams.get('unitId') === hoaLu.id);
    await eventually(() => figure(page, 'entries')).toBe(String((await reportOf(admin, hoaLu.id)).figures.entries.total));
  });
});
