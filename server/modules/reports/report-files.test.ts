import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildEntry } from '../entries/entries.factories.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { rangeSlug, reportFileName, slug } from './report-files.js';
import { reportFixture } from './report.fixtures.js';

let t: TestApp;
let province: { id: string };
let foreign: { id: string };
let retired: { id: string };
let provinceViewer: string;
let communeViewer: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'R01', name: 'Tỉnh Thử Báo Cáo' });
  const communeA = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'R0001', name: 'Xã An Hòa' });
  const communeB = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'R0002', name: 'Phường Bình Minh' });
  const other = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'R02', name: 'Tỉnh Khác' });
  foreign = await buildUnit(t.db, { parentId: other.id, kind: 'commune', code: 'R0003', name: 'Xã Ngoài' });
  for (let i = 0; i < 3; i++) await buildEntry(t.db, { unitId: communeA.id, status: 'registered', year: 2024 });
  for (let i = 0; i < 2; i++) await buildEntry(t.db, { unitId: communeB.id, status: 'recognised', year: 2024 });
  await buildEntry(t.db, { unitId: province.id, status: 'implementing', year: 2024 });
  await buildEntry(t.db, { unitId: communeA.id, status: 'draft', year: 2024 });
  await buildEntry(t.db, { unitId: foreign.id, status: 'registered', year: 2024 });
  // A commune retired in 2025 and merged whole into An Hòa: its path is outside An Hòa's, its records count there.
  retired = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'R0009', name: 'Xã An Hòa Cũ', validTo: '2025-07-01' });
  await t.db.insertInto('unit_successions').values({ predecessor_id: retired.id, successor_id: communeA.id, kind: 'whole', effective: '2025-07-01' }).execute();
  await buildEntry(t.db, { unitId: retired.id, status: 'registered', year: 2023 });
  // One petition in 2024, resolved on time: the document's petitions sentence.
  await buildPetition(t.db, { unitId: communeB.id, status: 'resolved', receivedOn: '2024-03-01', dueOn: '2024-03-20', closedAt: new Date('2024-03-05T03:00:00Z') });
  await buildUser(t.db, { username: 'report.viewer', grants: [{ unitId: province.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'report.commune', grants: [{ unitId: communeA.id, role: 'viewer' }] });
  provinceViewer = await t.login('report.viewer');
  communeViewer = await t.login('report.commune');
}, 120_000);

const get = (query: string, cookie = provinceViewer) => t.call('GET', `/api/reports/file?${query}`, { cookie });

describe('GET /api/reports/file', () => {
  it('DOCX: the Party format with the caller\'s number, date and signer, and the figures', async () => {
    const res = await get(`unitId=${province.id}&period=year&year=2024&format=docx&number=7&date=2024-12-15&signerName=${encodeURIComponent('Nguyễn Văn An')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-tinh-thu-bao-cao-2024.docx"');
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));
    expect(text).toEqual(expect.arrayContaining(['TỈNH ỦY THỬ BÁO CÁO', 'Số 7-BC/BDVTU', 'Thử Báo Cáo, ngày 15 tháng 12 năm 2024', 'BÁO CÁO', 'Nguyễn Văn An']));
    // 6 counted entries (the draft does not count) by 3 registering units; the other province's entry is not here.
    expect(text.find((p) => p.startsWith('Năm 2024,'))).toBe('Năm 2024, 3 đơn vị, địa phương đăng ký 6 mô hình, điển hình (6 tập thể); trong đó 6 mô hình: 6 lĩnh vực kinh tế.');
    expect(text).toContain('Tiếp nhận 1 đơn, kiến nghị, phản ánh của công dân; đã giải quyết 1 (1 đúng hạn).');
  });

  it('XLSX: the cross-tabs, totals equal to the report', async () => {
    const res = await get(`unitId=${province.id}&period=year&year=2024&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Theo đơn vị')!;
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last[1]).toBe('Tổng cộng');
    expect(last[8]).toBe(6);
    const names: unknown[] = [];
    ws.eachRow((row, n) => n > 2 && names.push(row.getCell(1).value));
    expect(names).toEqual(expect.arrayContaining(['Xã An Hòa', 'Phường Bình Minh', 'Tổng cộng']));
  });

  it('CSV: the cells by child unit, UTF-8 with BOM', async () => {
    const res = await get(`unitId=${province.id}&period=year&year=2024&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = res.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[9] === 'Có').reduce((s, r) => s + Number(r[11]), 0)).toBe(6);
    expect(rows.some((r) => r[1] === 'Xã An Hòa' && r[8] === 'Nháp' && r[9] === 'Không')).toBe(true);
  });

  it('an empty period is a report, not an error', async () => {
    const res = await get(`unitId=${province.id}&period=year&year=2019&format=docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));
    expect(text).toContain('Năm 2019, chưa có đơn vị, địa phương nào đăng ký mô hình, điển hình “Dân vận khéo”.');
    expect(text).toContain('Thử Báo Cáo, ngày … tháng … năm …');
  });

  it('refuses a bad format or document line with 400', async () => {
    for (const query of [`unitId=${province.id}&period=year&year=2024&format=pdf`, `unitId=${province.id}&period=year&year=2024`, `unitId=${province.id}&period=year&year=2024&format=docx&date=15-12-2024`]) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('VALIDATION_FAILED');
    }
  });

  it('serves a retired unit to a reader of the unit it now counts under, as GET /api/reports does', async () => {
    const query = `unitId=${retired.id}&period=year&year=2023&format=csv`;
    const res = await get(query, communeViewer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-xa-an-hoa-cu-2023.csv"');
    const rows = res.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[9] === 'Có').reduce((s, r) => s + Number(r[11]), 0)).toBe(1);
    expect((await t.call('GET', `/api/reports?${query.replace('&format=csv', '')}`, { cookie: communeViewer })).statusCode).toBe(200);
  });

  it('answers 404 outside the reader\'s scope and for an unknown unit, 401 without a session', async () => {
    expect((await get(`unitId=${foreign.id}&period=year&year=2024&format=docx`)).statusCode).toBe(404);
    expect((await get(`unitId=${province.id}&period=year&year=2024&format=csv`, communeViewer)).statusCode).toBe(404);
    expect((await get('unitId=987654321&period=year&year=2024&format=xlsx')).statusCode).toBe(404);
    expect((await t.call('GET', `/api/reports/file?unitId=${province.id}&period=year&year=2024&format=csv`)).statusCode).toBe(401);
  });
});

describe('report file names', () => {
  it('fold the unit name and name the range', () => {
    expect(slug('Tỉnh Ninh Bình')).toBe('tinh-ninh-binh');
    expect(slug('Đặc khu Côn Đảo')).toBe('dac-khu-con-dao');
    expect(reportFileName(reportFixture(), 'docx')).toBe('bao-cao-tinh-ninh-binh-2024.docx');
    expect(rangeSlug({ period: 'quarter', from: '2024-07-01', to: '2024-09-30', basis: 'registration_date', label: 'Quý III/2024' })).toBe('2024-q3');
    expect(rangeSlug({ period: 'emulation_period', from: '2021-01-01', to: '2025-12-31', basis: 'year', label: '2021–2025' })).toBe('2021-2025');
    expect(rangeSlug({ period: 'custom', from: '2024-03-01', to: '2024-05-15', basis: 'registration_date', label: '' })).toBe('2024-03-01-2024-05-15');
  });
});
