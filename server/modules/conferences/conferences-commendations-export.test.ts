/**
 * The exports of the commendations and review conferences lists (issue 12): the list's filters and
 * scope, the screen's words (web/locales/vi.json), real dates, formulas neutralised, refused past
 * the limit with how many matched.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import vi from '../../../web/locales/vi.json' with { type: 'json' };
import { LIST_EXPORT_MAX_ROWS } from '../../documents/list-workbook.js';
import { buildUnit, buildUser, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { COMMENDATION_HEADERS, RECIPIENT_WORDS } from '../commendations/commendations-export.js';
import { buildCommendation, buildConference } from '../commendations/commendations.factories.js';
import { CONFERENCE_HEADERS, PERIOD_KIND_WORDS, periodLabel } from './conferences-export.js';

let t: TestApp;
let cookie: string;
let hanoi: { id: string; name: string };
let baDinh: { id: string; name: string };
let ninhBinh: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  [hanoi, baDinh, ninhBinh] = await Promise.all([unitByCode(t.db, 'province', '01'), unitByCode(t.db, 'commune', '00004'), unitByCode(t.db, 'province', '37')]);
  await buildUser(t.db, { username: 'ex.viewer', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
  cookie = await t.login('ex.viewer');
});

async function sheet(url: string) {
  const res = await t.call('GET', url, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  return Array.from({ length: ws.rowCount - 1 }, (_, i) => Object.fromEntries(header.map((h, c) => [h, ws.getRow(i + 2).getCell(c + 1).value])));
}

describe('words', () => {
  it('are the screen\'s', () => {
    const c = vi.commendations as Record<string, string>;
    expect(COMMENDATION_HEADERS).toEqual({
      decisionNumber: c.decisionNumber, decisionDate: c.decisionDate, form: c.form, recipientKind: c.recipientKind, recipient: c.recipient,
      position: c.position, unit: c.unit, issuingUnit: c.issuingUnit, year: c.year, reason: c.reason,
    });
    expect(RECIPIENT_WORDS).toEqual({ collective: c.collective, individual: c.individual });
    const f = vi.conferences;
    expect(PERIOD_KIND_WORDS).toEqual(f.periodKinds);
    for (const key of ['conferenceTitle', 'unit', 'heldOn', 'periodKind', 'period', 'participantsCount', 'participants', 'notes'] as const) expect(CONFERENCE_HEADERS[key]).toBe(f[key]);
    expect(periodLabel({ period_kind: 'quarter', period_start: '2026-04-01', period_end: '2026-06-30', emulation_period_name: null })).toBe(f.quarterOf.replace('{{quarter}}', '2').replace('{{year}}', '2026'));
    expect(periodLabel({ period_kind: 'emulation_period', period_start: '2021-01-01', period_end: '2025-12-31', emulation_period_name: '2021–2025' })).toBe('Giai đoạn 2021–2025');
  });
});

describe('commendations export', () => {
  it('writes the filtered list in the reader\'s scope, with real dates and formulas neutralised', async () => {
    await buildCommendation(t.db, { unitId: baDinh.id, reason: '=HYPERLINK("http://x","bấm")' });
    await buildCommendation(t.db, { unitId: baDinh.id, name: 'Nguyễn Thị Lan', reason: 'Vận động hiến đất' });
    await buildCommendation(t.db, { unitId: ninhBinh.id, reason: 'Ở tỉnh khác' });
    const rows = await sheet(`/api/commendations/export.xlsx?unitId=${hanoi.id}`);
    expect(rows).toHaveLength(2);
    const person = rows.find((r) => r['Đối tượng'] === 'Cá nhân')!;
    expect(person).toMatchObject({ 'Được khen thưởng': 'Nguyễn Thị Lan', 'Đơn vị': baDinh.name, 'Năm': 2025, 'Ngày quyết định': new Date('2025-12-20T00:00:00Z') });
    expect(rows.find((r) => r['Đối tượng'] === 'Tập thể')!['Thành tích']).toBe('\'=HYPERLINK("http://x","bấm")');
    // The same scope without a unit: Ninh Bình is not the reader's.
    const csv = await t.call('GET', '/api/commendations/export.csv?recipientKind=individual', { cookie });
    expect(csv.body.startsWith('\uFEFFSố quyết định,')).toBe(true);
    expect(csv.body).toContain('Nguyễn Thị Lan');
    expect(csv.body).toContain('20/12/2025');
    expect(csv.body).not.toContain('Ở tỉnh khác');
    expect((await t.call('GET', `/api/commendations/export.xlsx?unitId=${ninhBinh.id}`, { cookie })).statusCode).toBe(404);
  });

  it('refuses more than one export holds', async () => {
    const org = await buildUnit(t.db, { parentId: baDinh.id, kind: 'youth_union', name: 'Chi đoàn xuất nhiều' });
    const path = (await t.db.selectFrom('units').select(sql<string>`path::text`.as('path')).where('id', '=', org.id).executeTakeFirstOrThrow()).path;
    await sql`
      insert into commendations (recipient_kind, recipient_unit_id, form_code, issuing_unit_id, unit_id, unit_path, decision_number, decision_date, year)
      select 'collective', ${org.id}, 'certificate_of_merit', ${org.id}, ${org.id}, ${path}::ltree, n || '/QĐ', '2025-12-20', 2025
      from generate_series(1, ${LIST_EXPORT_MAX_ROWS + 1}) n`.execute(t.db);
    const res = await t.call('GET', `/api/commendations/export.xlsx?unitId=${org.id}`, { cookie });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { total: LIST_EXPORT_MAX_ROWS + 1, max: LIST_EXPORT_MAX_ROWS } });
  });
});

describe('review conferences export', () => {
  it('writes the filtered list with the period in words and its days', async () => {
    await buildConference(t.db, { unitId: baDinh.id, title: 'Hội nghị tổng kết năm 2024', year: 2024 });
    await buildConference(t.db, { unitId: baDinh.id, title: '+Hội nghị năm 2023', year: 2023 });
    await buildConference(t.db, { unitId: ninhBinh.id, title: 'Hội nghị ở tỉnh khác', year: 2024 });
    const rows = await sheet(`/api/review-conferences/export.xlsx?unitId=${hanoi.id}&year=2024`);
    expect(rows).toEqual([
      expect.objectContaining({ 'Hội nghị': 'Hội nghị tổng kết năm 2024', 'Đơn vị tổ chức': baDinh.name, 'Loại thời kỳ': 'Năm', 'Thời kỳ sơ kết, tổng kết': 'Năm 2024', 'Ngày tổ chức': new Date('2024-12-20T00:00:00Z') }),
    ]);
    const csv = await t.call('GET', '/api/review-conferences/export.csv', { cookie });
    expect(csv.body).toContain('\'+Hội nghị năm 2023');
    expect(csv.body).toContain('01/01/2023');
    expect(csv.body).not.toContain('tỉnh khác');
  });
});
