/**
 * Printing. A list prints all its matching rows (not the page on screen) under a print header
 * with the officer's unit, the date and the filters in words; a list longer than a printout holds
 * is refused with a message instead. On paper (print media at an A4 page's width): no menu,
 * header, filters or buttons, tables within the paper's width with their rows kept whole, and
 * the dashboard's charts one under another within the page.
 *
 * The browser's print dialog cannot open headless, so `window.print` is replaced by a spy that
 * records how many rows the table holds at the moment the page would go to paper, then signals
 * the end of printing (`afterprint`) as the dialog does when it closes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PRINT_LIMITS } from '../common/print.js';
import { type ApiSession, apiSignIn, findChild, rootUnit } from './support/api.js';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { text } from './support/catalog.js';
import { eventually } from './support/entries-flow.js';

/** The communes of today exist since 1 July 2025; the list is filtered by a commune no other test uses. */
const YEAR = 2026;
const MODELS = 25;
const PAGE_SIZE = 20;
/** Entries submitted for registration: drafts do not count in a report. */
const SUBMITTED = 3;
/** An A4 page (210 mm) less the print stylesheet's 10 mm margins on each side, in CSS pixels (96 per inch). */
const PAPER_WIDTH = Math.floor(((210 - 20) / 25.4) * 96);
const LONG_TITLE = 'Mô hình "Dân vận khéo" vận động nhân dân hiến đất, góp công mở rộng đường giao thông nông thôn, xây dựng khu dân cư kiểu mẫu, sáng – xanh – sạch – đẹp';

type PrintSpy = { __printedRows?: number[]; print: () => void; dispatchEvent: (e: unknown) => void; Event: new (type: string) => unknown };
type Doc = { querySelectorAll: (s: string) => { length: number } };

type Rect = { left: number; top: number; width: number; height: number };
type Node = { getBoundingClientRect: () => Rect; contains: (n: unknown) => boolean; querySelector: (s: string) => Node | null };

/**
 * Whether the chart's picture is what a point in its middle shows. Hit-testing, like painting, obeys
 * the clipping of the boxes around it; a bounding box does not (it was 300 px tall in a clipped chart).
 */
function chartShows(chart: unknown): boolean {
  const svg = (chart as Node).querySelector('svg');
  if (!svg) return false;
  const r = svg.getBoundingClientRect();
  const doc = (globalThis as unknown as { document: { elementFromPoint: (x: number, y: number) => unknown } }).document;
  return svg.contains(doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
}

function printedRows(page: Page): Promise<number[]> {
  return page.evaluate(() => (globalThis as unknown as PrintSpy).__printedRows ?? []);
}

describe('printing', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let commune: { id: string; name: string };
  let province: { id: string; name: string };

  beforeAll(async () => {
    admin = await apiSignIn('admin', inject('adminPassword'));
    expect((await admin.send('PUT', '/api/auth/me/locale', { locale: 'vi' })).status).toBe(200);
    province = await findChild(admin, (await rootUnit(admin)).id, 'Tỉnh Cao Bằng');
    const children = await admin.get<{ items: { id: string; name: string; retired: boolean }[] }>(`/api/units/${province.id}/children?limit=5`);
    commune = children.items.find((u) => !u.retired)!;
    // National fields only: other tests add fields of their own units.
    const fields = (await admin.get<{ items: { code: string; unitId: string | null }[] }>('/api/entry-fields')).items.filter((f) => f.unitId === null);
    // One more than a printout holds: MODELS models, the rest typical examples.
    const total = PRINT_LIMITS.rows + 1;
    const register = async (i: number) => {
      const created = await admin.send<{ id: string; version: number }>('POST', '/api/entries', {
        registeringUnitId: commune.id,
        level: 'commune',
        kind: i < MODELS ? 'model' : 'typical_example',
        form: 'collective',
        fieldCode: fields[i % fields.length]!.code,
        year: YEAR,
        title: `${LONG_TITLE} — ${i + 1}`,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // A few registered (not drafts) so the province's dashboard has charts to print.
      if (i < SUBMITTED) expect((await admin.send('POST', `/api/entries/${created.body.id}/actions/submit`, { version: created.body.version })).status).toBe(200);
    };
    for (let i = 0; i < total; i += 10) await Promise.all(Array.from({ length: Math.min(10, total - i) }, (_, k) => register(i + k)));

    browser = await launchBrowser();
    page = await newPage(browser);
    await page.addInitScript(() => {
      const w = globalThis as unknown as PrintSpy & { document: Doc };
      w.print = () => {
        (w.__printedRows ??= []).push(w.document.querySelectorAll('[data-testid="entries-table"] tbody tr.ant-table-row').length);
        w.dispatchEvent(new w.Event('afterprint'));
      };
    });
    await signIn(page, 'admin', inject('adminPassword'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  const rows = () => page.getByTestId('entries-table').locator('tbody tr.ant-table-row');

  it('prints every matching entry, not only the page on screen, and comes back to the page', async () => {
    await page.goto(`/entries?unitId=${commune.id}&year=${YEAR}&kind=model`);
    await eventually(() => rows().count()).toBe(PAGE_SIZE);
    await page.getByTestId('print-button').click();
    await eventually(() => printedRows(page)).toEqual([MODELS]);
    // After the print dialog: the page of twenty again, with its pagination.
    await eventually(() => rows().count()).toBe(PAGE_SIZE);
    expect(await page.locator('.ant-pagination').isVisible()).toBe(true);
  });

  it('refuses a printout longer than it can hold, saying so in the officer’s language', async () => {
    await page.goto(`/entries?unitId=${commune.id}&year=${YEAR}`);
    await eventually(() => rows().count()).toBe(PAGE_SIZE);
    const before = (await printedRows(page)).length;
    await page.getByTestId('print-button').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(text('vi', 'print.tooMany', { count: String(PRINT_LIMITS.rows + 1), max: String(PRINT_LIMITS.rows) }));
    expect(await dialog.textContent()).toContain(text('vi', 'print.tooManyTitle'));
    expect((await printedRows(page)).length).toBe(before);
    await dialog.getByRole('button').last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('puts on paper the list alone, under a print header with the unit, the date and the filters', async () => {
    const me = await admin.get<{ grants: { unitName: string }[] }>('/api/auth/me');
    await page.goto(`/entries?unitId=${commune.id}&year=${YEAR}&kind=model`);
    await eventually(() => rows().count()).toBe(PAGE_SIZE);
    // On screen (1400 px) the side menu, the header, the filters and the buttons are all there…
    const screenOnly = ['.ant-layout-sider', '.ant-layout-header', '[data-testid="entry-facets"]', '[data-testid="entry-search"]', '[data-testid="print-button"]', '[data-testid="export-xlsx"]', '.ant-pagination', '.ant-table-selection-column'];
    for (const selector of screenOnly) expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
    expect(await page.getByTestId('print-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      // …and none of them on paper.
      for (const selector of screenOnly) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      // The print header: the officer's unit, today's date as Vietnamese writes it, the filters in words.
      expect(await page.getByTestId('print-header').isVisible()).toBe(true);
      expect(await page.getByTestId('print-unit').textContent()).toBe(me.grants.map((g) => g.unitName).join(', '));
      const today = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
      expect(await page.getByTestId('print-date').textContent()).toContain(today);
      const filters = (await page.getByTestId('print-filters').textContent()) ?? '';
      expect(filters).toContain(`${text('vi', 'entries.unitFilter')}: ${commune.name}`);
      expect(filters).toContain(`${text('vi', 'entries.facet.year')}: ${YEAR}`);
      expect(filters).toContain(`${text('vi', 'entries.facet.kind')}: ${text('vi', 'entries.kind.model')}`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('keeps a long table within the paper’s width, its rows whole and its column titles on every page', async () => {
    await page.setViewportSize({ width: PAPER_WIDTH, height: 1100 });
    await page.goto(`/entries?unitId=${commune.id}&year=${YEAR}&kind=model`);
    await eventually(() => rows().count()).toBe(PAGE_SIZE);
    await page.emulateMedia({ media: 'print' });
    try {
      const table = page.getByTestId('entries-table').locator('table').first();
      const [scrollWidth, clientWidth] = await table.evaluate((el) => [(el as unknown as { scrollWidth: number }).scrollWidth, (el as unknown as { clientWidth: number }).clientWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      const tableBox = (await table.boundingBox())!;
      expect(tableBox.x).toBeGreaterThanOrEqual(0);
      expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(PAPER_WIDTH);
      // Every column but the selection is there and within the paper (the screen's horizontal scroll hides none).
      const headers = page.locator('[data-testid="entries-table"] thead th:not(.ant-table-selection-column)');
      expect(await headers.count()).toBeGreaterThanOrEqual(4);
      for (const header of await headers.all()) {
        const b = (await header.boundingBox())!;
        expect(b, (await header.textContent()) ?? '').not.toBeNull();
        expect(b.x + b.width).toBeLessThanOrEqual(PAPER_WIDTH);
      }
      // No empty column left where the selection was: the last column ends at the table's edge.
      const last = (await headers.last().boundingBox())!;
      expect(Math.abs(last.x + last.width - (tableBox.x + tableBox.width))).toBeLessThanOrEqual(2);
      const style = (selector: string, property: 'breakInside' | 'display') =>
        page.locator(selector).first().evaluate((el, p) => (globalThis as unknown as { getComputedStyle: (e: unknown) => Record<string, string> }).getComputedStyle(el)[p], property);
      expect(await style('[data-testid="entries-table"] tbody tr.ant-table-row', 'breakInside')).toBe('avoid');
      expect(await style('[data-testid="entries-table"] thead', 'display')).toBe('table-header-group');
      // And Chromium makes a document of it.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('prints the dashboard’s charts one under another, each within its width', async () => {
    await page.goto(`/dashboard?unitId=${province.id}&period=year&year=${YEAR}`);
    await page.getByTestId('chart-field').locator('svg').waitFor();
    await page.getByTestId('chart-year').locator('svg').waitFor();
    // Side by side on a wide screen…
    const box = async (id: string) => (await page.getByTestId(id).boundingBox())!;
    expect((await box('chart-card-year')).y).toBe((await box('chart-card-field')).y);
    await page.emulateMedia({ media: 'print' });
    try {
      // …one under another on paper, each chart within its card.
      await eventually(async () => (await box('chart-card-year')).y).toBeGreaterThan((await box('chart-card-field')).y);
      for (const id of ['field', 'year']) {
        const card = await box(`chart-card-${id}`);
        const svg = (await page.getByTestId(`chart-${id}`).locator('svg').first().boundingBox())!;
        expect(svg.x + svg.width, id).toBeLessThanOrEqual(card.x + card.width);
        // Drawn, with its bars (paths), and seen: not clipped away by a box that lost its height.
        expect(svg.height, id).toBeGreaterThan(100);
        expect(await page.getByTestId(`chart-${id}`).locator('svg path').count(), id).toBeGreaterThan(2);
        await page.getByTestId(`chart-${id}`).scrollIntoViewIfNeeded();
        expect(await page.getByTestId(`chart-${id}`).evaluate(chartShows), id).toBe(true);
      }
      expect(await page.getByTestId('report-filters').isVisible()).toBe(false);
      expect(await page.getByTestId('print-header').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
