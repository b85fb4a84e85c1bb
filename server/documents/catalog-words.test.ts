/**
 * The files say what the screen says: every status (and kind, form, level) word in the entries
 * XLSX/CSV exports and the report CSV is the web catalog's (web/locales/vi.json). The exports used
 * to say "Đã chấp thuận / Đã công nhận" where the screen said "Đã chấp nhận / Được công nhận".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES } from '../../common/entries.js';
import { buildEntry } from '../modules/entries/entries.factories.js';
import { reportFixture } from '../modules/reports/report.fixtures.js';
import { projectRoot } from '../paths.js';
import { buildUser, unitByCode } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { catalogWords } from './catalog-words.js';
import { type REPORT_CSV_HEADER, reportCsv } from './report-workbook.js';

type Words = Record<string, string>;
const screen = JSON.parse(readFileSync(path.join(projectRoot, 'web', 'locales', 'vi.json'), 'utf8')) as { entries: { status: Words; kind: Words; form: Words; level: Words } };

describe('the catalog words', () => {
  it('are the screen\'s, and a code without a word fails at once instead of reaching a file', () => {
    expect(catalogWords('entries.status', ENTRY_STATUSES)).toEqual(screen.entries.status);
    expect(catalogWords('entries.status', ['accepted', 'recognised'])).toEqual({ accepted: 'Đã chấp nhận', recognised: 'Được công nhận' });
    expect(() => catalogWords('entries.status', ['approved'])).toThrow('web/locales/vi.json has no entries.status.approved');
    expect(() => catalogWords('entries.nothing', ['draft'])).toThrow(/entries\.nothing\.draft/);
  });
});

describe('the files', () => {
  let t: TestApp;
  let cookie: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const ninhBinh = await unitByCode(t.db, 'province', '37');
    unitId = ninhBinh.id;
    // One entry in every status, titled by its code.
    for (const status of ENTRY_STATUSES) await buildEntry(t.db, { unitId, status, title: `Trạng thái ${status}` });
    await buildUser(t.db, { username: 'words.viewer', grants: [{ unitId, role: 'viewer' }] });
    cookie = await t.login('words.viewer');
  });

  /** The export's rows as header → value, by the title's status code. */
  const byStatus = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r['Tên mô hình/điển hình']).replace('Trạng thái ', ''), r]));

  it('the CSV export names each status, kind, form and level as the screen does', async () => {
    const res = await t.call('GET', `/api/entries/export.csv?unitId=${unitId}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    const rows = byStatus(parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[]);
    expect([...rows.keys()].sort()).toEqual([...ENTRY_STATUSES].sort());
    for (const status of ENTRY_STATUSES) {
      const row = rows.get(status)!;
      expect(row['Trạng thái'], status).toBe(screen.entries.status[status]);
      expect(row['Loại']).toBe(screen.entries.kind.model);
      expect(row['Hình thức']).toBe(screen.entries.form.collective);
      expect(row['Cấp đăng ký']).toBe(screen.entries.level.province);
    }
  });

  it('the XLSX export names each status as the screen does', async () => {
    const res = await t.call('GET', `/api/entries/export.xlsx?unitId=${unitId}`, { cookie });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = Array.from((ws.getRow(1).values as string[]).slice(1));
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(Array.from((row.values as unknown[]).slice(1), (v, i) => [header[i], v])));
    });
    const found = byStatus(rows);
    expect(ENTRY_STATUSES.map((s) => found.get(s)?.['Trạng thái'])).toEqual(ENTRY_STATUSES.map((s) => screen.entries.status[s]));
  });

  it('the report CSV names each status, kind, form and level as the screen does', () => {
    const rows = parse(reportCsv(reportFixture()), { bom: true, columns: true }) as Record<string, string>[];
    const column = (name: (typeof REPORT_CSV_HEADER)[number]) => [...new Set(rows.map((r) => r[name]))];
    expect(column('Trạng thái').length).toBeGreaterThan(3);
    expect(column('Trạng thái').filter((w) => !Object.values(screen.entries.status).includes(w!))).toEqual([]);
    expect(column('Loại').filter((w) => !ENTRY_KINDS.map((k) => screen.entries.kind[k]).includes(w!))).toEqual([]);
    expect(column('Hình thức').filter((w) => !ENTRY_FORMS.map((k) => screen.entries.form[k]).includes(w!))).toEqual([]);
    expect(column('Cấp đăng ký').filter((w) => !ENTRY_LEVELS.map((k) => screen.entries.level[k]).includes(w!))).toEqual([]);
  });
});
