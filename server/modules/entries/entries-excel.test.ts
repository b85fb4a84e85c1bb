import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../documents/entries-columns.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildImportWorkbook, type ImportRow, insertEntry, multipartUpload, zipBomb } from './entries-excel.fixtures.js';

let t: TestApp;
let province: { id: string; name: string };
let communeA: { id: string; name: string };
let communeB: { id: string; name: string };
let otherProvince: { id: string };
let otherCommune: { id: string };
let official: { kind: string; code: string; id: string; name: string; provinceName: string; provinceId: string };
let admin: string;
let editorA: string;
let viewerP: string;

const count = async (table: 'entries' | 'entry_transitions' | 'audit_log') => Number((await t.db.selectFrom(table).select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const written = async () => ({ entries: await count('entries'), transitions: await count('entry_transitions'), audit: await count('audit_log') });

async function upload(url: string, cookie: string, file: Buffer, fields?: Record<string, string>) {
  const { payload, headers } = multipartUpload(file, { fields });
  return t.call('POST', url, { cookie, body: payload, headers });
}

const row = (over: ImportRow = {}): ImportRow => ({
  unit: `#${communeA.id}`,
  level: 'Cấp xã',
  kind: 'Mô hình',
  form: 'Tập thể',
  field: 'Kinh tế',
  year: 2026,
  period: '2026–2030',
  title: 'Mô hình dân vận khéo số 1',
  startDate: '15/03/2026',
  endDate: new Date(Date.UTC(2026, 11, 31)),
  participantsCount: 120,
  moneyVnd: '150.000.000',
  landM2: '250,5',
  implementers: 'Nguyễn Văn A; Trần Thị B',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X91', name: 'Tỉnh Thử Nghiệm' });
  communeA = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'X9101', name: 'Xã Thử Nghiệm A' });
  communeB = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'X9102', name: 'Xã Thử Nghiệm B' });
  otherProvince = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X92', name: 'Tỉnh Khác' });
  otherCommune = await buildUnit(t.db, { parentId: otherProvince.id, kind: 'commune', code: 'X9201', name: 'Xã Thử Nghiệm A' });
  const c = await t.db
    .selectFrom('units as u')
    .innerJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.kind', 'u.code', 'u.name', 'p.name as provinceName', 'p.id as provinceId'])
    .where('u.kind', '=', 'commune')
    .where('u.valid_to', 'is', null)
    .where('p.kind', '=', 'province')
    .orderBy('u.code')
    .executeTakeFirstOrThrow();
  official = { ...c, code: c.code! };
  const sys = await buildUser(t.db, { grants: [{ unitId: root.id, role: 'system_admin' }] });
  const ed = await buildUser(t.db, { grants: [{ unitId: communeA.id, role: 'editor' }] });
  const vw = await buildUser(t.db, { grants: [{ unitId: province.id, role: 'viewer' }] });
  admin = await t.login(sys.username);
  editorA = await t.login(ed.username);
  viewerP = await t.login(vw.username);
}, 60_000);

describe('template', () => {
  it('has the Vietnamese headers, the drop-down lists, the instructions and a hidden list sheet', async () => {
    const res = await t.call('GET', '/api/entries/import-template.xlsx', { cookie: editorA });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const data = wb.getWorksheet('Đăng ký')!;
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(headers[0]).toBe('Đơn vị đăng ký (mã hoặc tên đầy đủ)');
    const validations = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    const levelValidation = validations.B2 ?? Object.entries(validations).find(([k]) => k.startsWith('B2'))?.[1];
    expect(levelValidation?.type).toBe('list');
    expect(Object.keys(validations).some((k) => k.startsWith('E2'))).toBe(true);
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
    const lists = wb.getWorksheet('DanhSach')!;
    expect(lists.state).toBe('hidden');
    const fieldNames = lists.getColumn(4).values.slice(2);
    expect(fieldNames).toContain('Kinh tế');
    expect(lists.getColumn(1).values.slice(2)).toEqual(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
  });

  it('is refused without data.write', async () => {
    expect((await t.call('GET', '/api/entries/import-template.xlsx', { cookie: viewerP })).statusCode).toBe(403);
  });

  it('neutralises list values that a spreadsheet would run as formulas, and imports a value picked from that list', async () => {
    const formula = '=HYPERLINK("http://evil.example","Kinh tế")';
    await t.db.insertInto('entry_fields').values({ code: 'x9_formula', names: JSON.stringify({ vi: formula, en: formula }), unit_id: communeA.id }).execute();
    const res = await t.call('GET', '/api/entries/import-template.xlsx', { cookie: editorA });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const lists = wb.getWorksheet('DanhSach')!;
    const values: string[] = [];
    lists.eachRow((row, n) => n > 1 && row.eachCell((cell) => values.push(String(cell.value))));
    expect(values).toContain(`'${formula}`);
    expect(values.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    // The value as the drop-down fills it in, quote and all, names the field.
    const file = await buildImportWorkbook([row({ title: 'Lĩnh vực từ danh sách', field: `'${formula}` })]);
    const imported = await upload('/api/entries/import', editorA, file);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await t.db.selectFrom('entries').select('field_code').where('title', '=', 'Lĩnh vực từ danh sách').executeTakeFirstOrThrow()).field_code).toBe('x9_formula');
  });
});

describe('import', () => {
  it('imports valid rows (unit by #id, by official code, by name with its parent) as drafts, once', async () => {
    const rows = [
      row(),
      row({ unit: `xã:${official.code}`, title: 'Mô hình theo mã' }),
      row({ unit: `Xã Thử Nghiệm B, Tỉnh Thử Nghiệm`, title: 'Mô hình theo tên', landM2: 12, moneyVnd: 5000000 }),
      row({ unit: `#${province.id}`, level: 'Cấp tỉnh', kind: 'Điển hình', form: 'Cá nhân', title: 'Điển hình cấp tỉnh', period: null, startDate: null, endDate: null }),
    ];
    const file = await buildImportWorkbook(rows);
    const auditBefore = await count('audit_log');
    const res = await upload('/api/entries/import', admin, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 4, updated: 0, unchanged: 0, rows: 4 });
    const e = await t.db.selectFrom('entries').selectAll().where('title', '=', 'Mô hình dân vận khéo số 1').executeTakeFirstOrThrow();
    expect(e).toMatchObject({ status: 'draft', registering_unit_id: communeA.id, start_date: '2026-03-15', end_date: '2026-12-31', money_vnd: '150000000', land_m2: '250.50', participants_count: 120 });
    const tr = await t.db.selectFrom('entry_transitions').selectAll().where('entry_id', '=', e.id).execute();
    expect(tr.map((x) => [x.action, x.to_status])).toEqual([['import', 'draft']]);
    const imps = await t.db.selectFrom('entry_implementers').select('person_name').where('entry_id', '=', e.id).orderBy('id').execute();
    expect(imps.map((i) => i.person_name)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    expect((await t.db.selectFrom('entries').select('registering_unit_id').where('title', '=', 'Mô hình theo mã').executeTakeFirstOrThrow()).registering_unit_id).toBe(official.id);
    expect((await t.db.selectFrom('entries').select('registering_unit_id').where('title', '=', 'Mô hình theo tên').executeTakeFirstOrThrow()).registering_unit_id).toBe(communeB.id);
    // One audit record for the whole import.
    expect((await count('audit_log')) - auditBefore).toBe(1);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'entries.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ created: 4, rows: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // Re-importing the same file creates nothing.
    const entriesBefore = await count('entries');
    const again = await upload('/api/entries/import', admin, file);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 4, rows: 4 });
    expect(await count('entries')).toBe(entriesBefore);

    // A changed draft is updated; a submitted entry is left alone.
    await t.db.updateTable('entries').set({ status: 'registered' }).where('title', '=', 'Mô hình theo mã').execute();
    const changed = await buildImportWorkbook([rows[0]!, { ...rows[1]!, description: 'Mới' }, { ...rows[2]!, description: 'Mô tả mới' }, rows[3]!]);
    const third = await upload('/api/entries/import', admin, changed);
    expect(third.json()).toEqual({ created: 0, updated: 1, unchanged: 3, rows: 4 });
    const updated = await t.db.selectFrom('entries').selectAll().where('title', '=', 'Mô hình theo tên').executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ description: 'Mô tả mới', version: 2 });
    expect((await t.db.selectFrom('entries').select('description').where('title', '=', 'Mô hình theo mã').executeTakeFirstOrThrow()).description).toBeNull();
  });

  it('writes nothing when a row is wrong and lists every problem by row, column and code', async () => {
    const before = await count('entries');
    const auditBefore = await count('audit_log');
    const file = await buildImportWorkbook([
      row({ title: 'Dòng đúng' }),
      row({ title: null, year: 'hai nghìn' }),
      row({ title: 'Ngày sai', startDate: '31/02/2026', endDate: '01/01/2026', participantsCount: 'nhiều' }),
      row({ unit: 'Xã Không Có Thật', title: 'Đơn vị lạ' }),
      row({ unit: 'Xã Thử Nghiệm A', title: 'Trùng tên đơn vị' }),
      row({ title: 'Dòng đúng' }),
      row({ title: 'Huyện 2026', level: 'Cấp huyện' }),
      row({ title: 'Lĩnh vực lạ', field: 'Thể thao', kind: 'Khác' }),
      row({ title: 'Sai giai đoạn', period: '2016–2020' }),
    ]);
    const res = await upload('/api/entries/import', admin, file);
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as { error: { code: string; details: { errors: { row: number; column: string; cell: string; code: string }[] } } };
    expect(body.error.code).toBe('IMPORT_INVALID');
    const got = body.error.details.errors.map((e) => `${e.row}:${e.code}:${e.cell ?? ''}`);
    expect(got).toEqual(
      expect.arrayContaining([
        '3:REQUIRED:H3',
        '3:NOT_A_NUMBER:F3',
        '4:NOT_A_DATE:K4',
        '4:NOT_A_NUMBER:M4',
        '5:UNKNOWN_UNIT:A5',
        '7:DUPLICATE_IN_FILE:H7',
        '8:DISTRICT_AFTER_2025:B8',
        '9:UNKNOWN_VALUE:E9',
        '9:UNKNOWN_VALUE:C9',
        '10:YEAR_OUTSIDE_PERIOD:G10',
      ]),
    );
    // The name "Xã Thử Nghiệm A" exists in two provinces, but only one is in the admin's … every scope: ambiguous.
    expect(got).toContain('6:AMBIGUOUS_UNIT:A6');
    const dup = body.error.details.errors.find((e) => e.code === 'DUPLICATE_IN_FILE') as unknown as { params: { firstRow: number }; column: string };
    expect(dup.params.firstRow).toBe(2);
    expect(dup.column).toBe('Tên mô hình/điển hình');
    expect(await count('entries')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('writes nothing — no entry, transition or audit record — when a row after the first written batch fails', async () => {
    // Batches of 1,000 are written while the rest is read: row 1,151 fails after batch 1 is in the transaction.
    const rows = Array.from({ length: 1_200 }, (_, i) => row({ title: `Mô hình lô ${i + 2}`, year: i === 1_149 ? 1999 : 2026 }));
    const before = await written();
    const res = await upload('/api/entries/import', admin, await buildImportWorkbook(rows));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(['1151:OUT_OF_RANGE']);
    expect(await written()).toEqual(before);
  });

  it('answers FORBIDDEN with the rows naming units outside the caller\'s scope, and writes nothing', async () => {
    const before = await count('entries');
    const file = await buildImportWorkbook([row({ title: 'Trong phạm vi' }), row({ unit: `#${communeB.id}`, title: 'Ngoài phạm vi' }), row({ unit: `#${otherCommune.id}`, title: 'Tỉnh khác' })]);
    const res = await upload('/api/entries/import', editorA, file);
    expect(res.statusCode, res.body).toBe(403);
    const errors = (res.json() as { error: { details: { errors: { row: number; code: string }[] } } }).error.details.errors;
    expect(errors.map((e) => `${e.row}:${e.code}`)).toEqual(['3:OUT_OF_SCOPE', '4:OUT_OF_SCOPE']);
    expect(await count('entries')).toBe(before);
    // The same name in scope and out of it: the editor's own unit is meant.
    const ok = await upload('/api/entries/import', editorA, await buildImportWorkbook([row({ unit: 'Xã Thử Nghiệm A', title: 'Theo tên, trong phạm vi' })]));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('builds the error report: the same workbook with the wrong cells in red, a comment and a "Lỗi" column', async () => {
    const file = await buildImportWorkbook([row({ title: 'Báo cáo lỗi đúng' }), row({ title: null, year: 1999 })]);
    const res = await upload('/api/entries/import/annotate', admin, file, { lang: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-import-errors']).toBe('2');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const title = ws.getCell('H3');
    expect((title.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(title.note)).toContain('required');
    expect((ws.getCell('F3').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('H2').fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
    const errCol = IMPORT_COLUMNS.length + 1;
    expect(ws.getCell(1, errCol).value).toBe('Lỗi');
    expect(String(ws.getCell(3, errCol).value)).toMatch(/H: Missing/);
    expect(ws.getCell(2, errCol).value).toBeNull();
    // The corrected report posted again: the old marks are gone, the still-wrong cell is marked again.
    ws.getCell('H3').value = 'Đã sửa tên';
    const again = await upload('/api/entries/import/annotate', admin, Buffer.from(await wb.xlsx.writeBuffer()), { lang: 'en' });
    expect(again.headers['x-import-errors']).toBe('1');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(again.rawPayload as unknown as ArrayBuffer);
    const ws2 = wb2.worksheets[0]!;
    expect((ws2.getCell('H3').fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
    expect(ws2.getCell('H3').note).toBeUndefined();
    expect((ws2.getCell('F3').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws2.getCell(1, errCol).value).toBe('Lỗi');
    expect(ws2.getCell(1, errCol + 1).value).toBeNull();
    // Vietnamese by default.
    const vi = await upload('/api/entries/import/annotate', admin, file);
    const wbVi = new ExcelJS.Workbook();
    await wbVi.xlsx.load(vi.rawPayload as unknown as ArrayBuffer);
    expect(String(wbVi.worksheets[0]!.getCell('H3').note)).toContain('bắt buộc');
  });
});

describe('file checks', () => {
  it('refuses what is not an .xlsx: random bytes, a renamed text file, a zip without a workbook', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('just some text, renamed to .xlsx\n'), 'not_zip'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'damaged_zip'],
      [zipBomb(0).subarray(0, 10), 'damaged_zip'],
    ];
    for (const [bytes, reason] of cases) {
      const res = await upload('/api/entries/import', admin, bytes);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', details: { reason } });
    }
  });

  it('refuses a zip bomb at once, without inflating it', async () => {
    const bomb = zipBomb(150);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const res = await upload('/api/entries/import', admin, bomb);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', details: { reason: 'zip_bomb', part: 'xl/worksheets/sheet1.xml' } });
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a file over 20 MB with FILE_TOO_LARGE', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const res = await upload('/api/entries/import', admin, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { reason: 'file_too_large', limit: 20 * 1024 * 1024 } });
    // Without a Content-Length (chunked upload) the multipart limit stops it at 20 MB.
    const { payload, headers } = multipartUpload(big);
    const chunked = await t.app.inject({ method: 'POST', url: '/api/entries/import', headers: { ...headers, cookie: admin }, payload: Readable.from([payload]) });
    expect(chunked.statusCode, chunked.body).toBe(413);
    expect(chunked.json().error.code).toBe('FILE_TOO_LARGE');
  });

  it('reports a file whose header is not the template\'s, and a file without rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Tên', 'Năm']);
    const res = await upload('/api/entries/import', admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 1, code: 'MISSING_COLUMN' });
    const empty = await upload('/api/entries/import', admin, await buildImportWorkbook([]));
    expect(empty.json().error.details.errors[0]).toMatchObject({ code: 'NO_ROWS' });
  });
});

describe('export', () => {
  beforeAll(async () => {
    await insertEntry(t.db, { unitId: communeA.id, title: '=HYPERLINK("http://evil.example","bấm vào")', year: 2025 });
    await insertEntry(t.db, { unitId: communeB.id, title: 'Xuất khẩu trong tỉnh', year: 2025, status: 'registered' });
    await insertEntry(t.db, { unitId: otherCommune.id, title: 'Ngoài phạm vi ZZOUT', year: 2025 });
  });

  it('exports the filtered entries of the reader\'s scope as CSV with BOM and neutralised formulas', async () => {
    const res = await t.call('GET', '/api/entries/export.csv?year=2025', { cookie: viewerP });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFMã đăng ký,Đơn vị đăng ký')).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào"")"`);
    expect(res.body).toContain('Xuất khẩu trong tỉnh');
    expect(res.body).toContain('Đã đăng ký');
    expect(res.body).not.toContain('ZZOUT');
    expect(res.body).not.toContain('Mô hình dân vận khéo số 1'); // 2026: filtered out
    const status = await t.call('GET', '/api/entries/export.csv?year=2025&status=registered', { cookie: viewerP });
    expect(status.body.trim().split('\r\n')).toHaveLength(2);
    const q = await t.call('GET', '/api/entries/export.csv?q=xuat%20KHAU', { cookie: viewerP });
    expect(q.body.trim().split('\r\n')).toHaveLength(2);
    expect(q.body).toContain('Xuất khẩu trong tỉnh');
  });

  it('exports .xlsx with Vietnamese values and neutralised formulas', async () => {
    const res = await t.call('GET', `/api/entries/export.xlsx?year=2025&unitId=${province.id}`, { cookie: viewerP });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const titles = ws.getColumn(10).values.slice(2);
    expect(titles).toHaveLength(2);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","bấm vào")`);
    expect(ws.getColumn(5).values.slice(2)).toEqual(['Mô hình', 'Mô hình']);
    expect(res.headers['x-total-count']).toBe('2');
  });

  it('answers 404 for a unit filter outside the reader\'s scope', async () => {
    const res = await t.call('GET', `/api/entries/export.csv?unitId=${otherProvince.id}`, { cookie: viewerP });
    expect(res.statusCode).toBe(404);
  });
});
