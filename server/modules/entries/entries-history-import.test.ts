/**
 * The Excel import of past years' records (docs/entries-excel.md, "History"): rows carry the
 * lifecycle's dates, entries are written in the state reached with their dated transitions,
 * reports count them in the quarter of their registration date, re-imports are idempotent and
 * may move an entry further, and every bad input is a row error with nothing written.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/units.js';
import { reportNarrative } from '../reports/report-document.js';
import { buildReport } from '../reports/reports.service.js';
import { reviewResults } from '../reviews/review-results.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildImportWorkbook, type ImportRow, multipartUpload } from './entries-excel.fixtures.js';
import { buildEntry } from './entries.factories.js';

let t: TestApp;
let province: { id: string };
let communeA: { id: string };
let communeNew: { id: string };
let clerk: string; // editor and approver of the province
let editorA: string; // editor only
let approverA: string;

type ImportAnswer = { created: number; updated: number; unchanged: number; rows: number; error: { code: string; details: { errors: { row: number; code: string; cell: string | null; params?: Record<string, unknown>; message: string }[] } } };
async function upload(cookie: string, rows: ImportRow[], fileName = 'lich-su-2023.xlsx', url = '/api/entries/import') {
  const { payload, headers } = multipartUpload(await buildImportWorkbook(rows), { fileName });
  const res = await t.call('POST', url, { cookie, body: payload, headers });
  return { status: res.statusCode, body: (url.endsWith('annotate') ? null : res.json()) as ImportAnswer, headers: res.headers };
}
const problems = (a: { body: ImportAnswer }) => a.body.error.details.errors.map((e) => `${e.row}:${e.code}:${e.cell ?? ''}`);

/** Everything a refused file must leave as it was. */
async function written() {
  const { rows } = await sql<{ entries: number; transitions: number; audit: number; replications: number; replication_count: number }>`select
    (select count(*)::int from entries) as entries, (select count(*)::int from entry_transitions) as transitions,
    (select count(*)::int from audit_log) as audit, (select count(*)::int from entry_replications) as replications,
    (select coalesce(sum(replication_count), 0)::int from entries) as replication_count`.execute(t.db);
  return rows[0]!;
}

let seq = 0;
const row = (over: ImportRow = {}): ImportRow => ({
  unit: `#${communeA.id}`,
  level: 'Cấp xã',
  kind: 'Mô hình',
  form: 'Tập thể',
  field: 'Kinh tế',
  year: 2023,
  title: `Mô hình lịch sử ${++seq}`,
  ...over,
});

const entryByTitle = (title: string) => t.db.selectFrom('entries').selectAll().where('title', '=', title).executeTakeFirstOrThrow();
const transitionsOf = (id: string) =>
  t.db
    .selectFrom('entry_transitions')
    .select(['action', 'from_status', 'to_status', 'actor_name', 'imported_from', 'reason', sql<string>`to_char(at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS')`.as('at')])
    .where('entry_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  province = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'X81', name: 'Tỉnh Lịch Sử' });
  communeA = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'X8101', name: 'Xã Lịch Sử A' });
  communeNew = await buildUnit(t.db, { parentId: province.id, kind: 'commune', code: 'X8102', name: 'Xã Mới Lập' });
  await t.db.updateTable('units').set({ valid_from: '2025-07-01' }).where('id', '=', communeNew.id).execute();
  await buildUser(t.db, { username: 'h.clerk', grants: [{ unitId: province.id, role: 'editor' }, { unitId: province.id, role: 'approver' }] });
  await buildUser(t.db, { username: 'h.editora', grants: [{ unitId: communeA.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'h.approvera', grants: [{ unitId: communeA.id, role: 'approver' }] });
  clerk = await t.login('h.clerk');
  editorA = await t.login('h.editora');
  approverA = await t.login('h.approvera');
}, 60_000);

describe('importing history', () => {
  it('writes each entry in the state its dates reach, with dated transitions, the importer and the file; reports count it in its quarter', async () => {
    const source = await buildEntry(t.db, { unitId: communeA.id, status: 'recognised', year: 2021, title: 'Mô hình nguồn đã công nhận' });
    const file = [
      row({ title: 'Đã đăng ký quý III', registeredOn: '15/08/2023' }),
      row({ title: 'Đã chấp thuận', registeredOn: '01/07/2023', acceptedOn: new Date(Date.UTC(2023, 6, 20)) }),
      row({ title: 'Đã đánh giá', registeredOn: '30/09/2023', acceptedOn: '30/09/2023', evaluationResult: 'Không hiệu quả', evaluationScore: '45', evaluatedOn: '20/12/2023' }),
      row({ title: 'Đã công nhận', registeredOn: '02/08/2023', acceptedOn: '10/09/2023', evaluationResult: 'Hiệu quả', evaluationScore: '85,5', evaluatedOn: '20/12/2023', recognisedOn: '15/01/2024', replicatedFrom: `#${source.id}` }),
      row({ title: 'Nhân rộng trong tệp', registeredOn: '10/10/2023', replicatedFrom: 'ĐÃ CÔNG NHẬN' }),
      row({ title: 'Vẫn là nháp' }),
    ];
    const res = await upload(clerk, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 6, updated: 0, unchanged: 0, rows: 6 });

    const recognised = await entryByTitle('Đã công nhận');
    expect(recognised).toMatchObject({ status: 'recognised', registered_on: '2023-08-02', evaluation_effective: true, evaluation_score: '85.50', recognised_typical: true, version: 1 });
    expect(await transitionsOf(recognised.id)).toEqual([
      { action: 'import', from_status: null, to_status: 'draft', actor_name: 'h.clerk', imported_from: 'lich-su-2023.xlsx', reason: null, at: '2023-08-02 12:00:00' },
      { action: 'submit', from_status: 'draft', to_status: 'registered', actor_name: 'h.clerk', imported_from: 'lich-su-2023.xlsx', reason: null, at: '2023-08-02 12:00:01' },
      { action: 'accept', from_status: 'registered', to_status: 'accepted', actor_name: 'h.clerk', imported_from: 'lich-su-2023.xlsx', reason: null, at: '2023-09-10 12:00:02' },
      { action: 'evaluate', from_status: 'accepted', to_status: 'evaluated', actor_name: 'h.clerk', imported_from: 'lich-su-2023.xlsx', reason: null, at: '2023-12-20 12:00:03' },
      { action: 'recognise', from_status: 'evaluated', to_status: 'recognised', actor_name: 'h.clerk', imported_from: 'lich-su-2023.xlsx', reason: null, at: '2024-01-15 12:00:04' },
    ]);
    expect(await entryByTitle('Đã chấp thuận')).toMatchObject({ status: 'accepted', registered_on: '2023-07-01' });
    expect(await entryByTitle('Đã đánh giá')).toMatchObject({ status: 'evaluated', evaluation_effective: false, evaluation_score: '45.00', recognised_typical: false });
    const draft = await entryByTitle('Vẫn là nháp');
    expect(draft).toMatchObject({ status: 'draft', registered_on: null });
    expect((await transitionsOf(draft.id)).map((x) => [x.action, x.imported_from])).toEqual([['import', 'lich-su-2023.xlsx']]);

    // Replicated from an existing entry by #id, and from a row of the same file by its title (accents and case aside).
    const copy = await entryByTitle('Nhân rộng trong tệp');
    const links = await t.db.selectFrom('entry_replications').select(['replica_entry_id', 'source_entry_id']).orderBy('replica_entry_id').execute();
    expect(links).toEqual([
      { replica_entry_id: recognised.id, source_entry_id: source.id },
      { replica_entry_id: copy.id, source_entry_id: recognised.id },
    ]);
    expect((await entryByTitle('Mô hình nguồn đã công nhận')).replication_count).toBe(1);
    expect((await entryByTitle('Đã công nhận')).replication_count).toBe(1);

    // The detail shows where each step came from.
    const detail = await t.call('GET', `/api/entries/${recognised.id}`, { cookie: clerk });
    expect(detail.json().transitions[1]).toMatchObject({ action: 'submit', importedFrom: 'lich-su-2023.xlsx', reason: null });

    // Q3/2023 counts the four registered in July–September 2023, imported today; Q4 the one of October.
    const q3 = await t.call('GET', `/api/reports?unitId=${province.id}&period=quarter&year=2023&quarter=3`, { cookie: clerk });
    expect(q3.statusCode, q3.body).toBe(200);
    expect(q3.json().figures.entries.total).toBe(4);
    const report = await buildReport(t.app.ctx, { unitId: province.id, period: 'quarter', year: 2023, quarter: 3 });
    expect(reportNarrative(report)[0]).toMatch(/^Quý III\/2023, 1 đơn vị, địa phương đăng ký 4 mô hình, điển hình/);
    const review = await reviewResults(t.app.ctx, province.id, { period: 'quarter', year: 2023, quarter: 3, emulationPeriodId: null, from: '2023-07-01', to: '2023-09-30' });
    expect(review.narrative).not.toContain('chưa có đơn vị');
    expect(review.narrative).toContain('đăng ký 4 mô hình');
    const q4 = await buildReport(t.app.ctx, { unitId: province.id, period: 'quarter', year: 2023, quarter: 4 });
    expect(q4.figures.entries.total).toBe(1);

    // The same file again: nothing new — no entry, transition, link or count.
    const before = await written();
    const again = await upload(clerk, file);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 6, rows: 6 });
    expect(await written()).toEqual({ ...before, audit: before.audit + 1 });

    // The file with a further step: the entry moves on from where it is, with that step only.
    const further = file.map((r) => (r.title === 'Đã đăng ký quý III' ? { ...r, acceptedOn: '01/10/2023' } : r));
    const third = await upload(clerk, further, 'lich-su-2023-bo-sung.xlsx');
    expect(third.body).toEqual({ created: 0, updated: 1, unchanged: 5, rows: 6 });
    const moved = await entryByTitle('Đã đăng ký quý III');
    expect(moved).toMatchObject({ status: 'accepted', registered_on: '2023-08-15', version: 2 });
    expect((await transitionsOf(moved.id)).map((x) => [x.action, x.at, x.imported_from])).toEqual([
      ['import', '2023-08-15 12:00:00', 'lich-su-2023.xlsx'],
      ['submit', '2023-08-15 12:00:01', 'lich-su-2023.xlsx'],
      ['accept', '2023-10-01 12:00:01', 'lich-su-2023-bo-sung.xlsx'],
    ]);
  });

  it('moves a draft on, but leaves alone an entry that went further, was returned or withdrawn in the app', async () => {
    const rows = [row({ title: 'Nháp sẽ đăng ký' }), row({ title: 'Bị trả lại' }), row({ title: 'Đi xa hơn' })];
    expect((await upload(clerk, rows)).status).toBe(200);
    await t.db.updateTable('entries').set({ status: 'returned', registered_on: '2023-03-01' }).where('title', '=', 'Bị trả lại').execute();
    await t.db.updateTable('entries').set({ status: 'evaluated', registered_on: '2023-03-01' }).where('title', '=', 'Đi xa hơn').execute();
    const dated = rows.map((r) => ({ ...r, registeredOn: '01/03/2023', acceptedOn: '05/03/2023' }));
    const res = await upload(clerk, dated);
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 2, rows: 3 });
    expect(await entryByTitle('Nháp sẽ đăng ký')).toMatchObject({ status: 'accepted', registered_on: '2023-03-01' });
    expect((await entryByTitle('Bị trả lại')).status).toBe('returned');
    expect((await entryByTitle('Đi xa hơn')).status).toBe('evaluated');
  });

  it('lets the error report resolve "replicated from" a row of the same file, writing nothing', async () => {
    const before = await written();
    const res = await upload(clerk, [row({ title: 'Nguồn trong báo cáo', registeredOn: '01/02/2023', acceptedOn: '01/03/2023', evaluationResult: 'Hiệu quả', evaluationScore: 90, evaluatedOn: '01/06/2023', recognisedOn: '01/07/2023' }), row({ replicatedFrom: 'Nguồn trong báo cáo' })], 'x.xlsx', '/api/entries/import/annotate');
    expect(res.status).toBe(200);
    expect(res.headers['x-import-errors']).toBe('0');
    expect(await written()).toEqual(before);
  });
});

describe('bad history', () => {
  const tomorrow = () => {
    const d = new Date(`${todayInVietnam()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return { year: d.getUTCFullYear(), text: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}` };
  };

  it('refuses a state the importer may not set — an editor recording an acceptance — naming the right, and writes nothing', async () => {
    const before = await written();
    const res = await upload(editorA, [row({ title: 'Chỉ gửi đăng ký', registeredOn: '01/03/2023' }), row({ title: 'Ghi chấp thuận', registeredOn: '01/03/2023', acceptedOn: '10/03/2023', evaluationResult: 'Hiệu quả', evaluationScore: 70, evaluatedOn: '01/12/2023' })]);
    expect(res.status).toBe(422);
    expect(problems(res)).toEqual([`3:RIGHT_REQUIRED:${(await headerLetters()).acceptedOn}3`]);
    const error = res.body.error.details.errors[0]!;
    expect(error.params).toEqual({ permission: 'data.approve' });
    expect(error.message).toContain('data.approve');
    expect(await written()).toEqual(before);
    // An approver who is not an editor cannot import at all (the route needs data.write).
    expect((await upload(approverA, [row({ registeredOn: '01/03/2023' })])).status).toBe(403);
  });

  it('reports dates out of order, in the future, outside the year or the unit\'s life, and missing steps; writes nothing', async () => {
    const before = await written();
    const res = await upload(clerk, [
      row({ registeredOn: '10/05/2023', acceptedOn: '01/05/2023' }),
      row({ year: tomorrow().year, registeredOn: tomorrow().text }),
      row({ registeredOn: '15/01/2022' }),
      row({ unit: `#${communeNew.id}`, year: 2025, registeredOn: '01/03/2025' }),
      row({ acceptedOn: '01/05/2023' }),
      row({ registeredOn: '01/03/2023', acceptedOn: '01/04/2023', evaluationResult: 'Không hiệu quả', evaluationScore: 40, evaluatedOn: '01/06/2023', recognisedOn: '01/07/2023' }),
      row({ registeredOn: '01/03/2023', acceptedOn: '01/04/2023', evaluationScore: 40 }),
      row({ registeredOn: '31/02/2023' }),
    ]);
    expect(res.status).toBe(422);
    const cols = await headerLetters();
    expect(problems(res)).toEqual([
      `2:DATE_ORDER:${cols.acceptedOn}2`,
      `3:DATE_IN_FUTURE:${cols.registeredOn}3`,
      `4:DATE_OUTSIDE_YEAR:${cols.registeredOn}4`,
      `5:DATE_UNIT_NOT_IN_FORCE:${cols.registeredOn}5`,
      `6:STEP_DATE_MISSING:${cols.registeredOn}6`,
      `7:NOT_EFFECTIVE:${cols.recognisedOn}7`,
      `8:REQUIRED:${cols.evaluationResult}8`,
      `8:REQUIRED:${cols.evaluatedOn}8`,
      `9:NOT_A_DATE:${cols.registeredOn}9`,
    ]);
    expect(res.body.error.details.errors[3]!.params).toEqual({ date: '01/03/2025' });
    expect(await written()).toEqual(before);
  });

  it('reports an unknown, ambiguous, unrecognised or circular "replicated from", and writes nothing', async () => {
    await buildEntry(t.db, { unitId: communeA.id, status: 'recognised', year: 2020, title: 'Tên trùng nhau' });
    await buildEntry(t.db, { unitId: communeA.id, status: 'recognised', year: 2021, title: 'Tên trùng nhau' });
    const draft = await buildEntry(t.db, { unitId: communeA.id, year: 2021, title: 'Chưa công nhận' });
    const recognisedRow = (title: string, from: string) =>
      row({ title, registeredOn: '01/02/2023', acceptedOn: '01/03/2023', evaluationResult: 'Hiệu quả', evaluationScore: 90, evaluatedOn: '01/06/2023', recognisedOn: '01/07/2023', replicatedFrom: from });
    const before = await written();
    const res = await upload(clerk, [
      row({ replicatedFrom: 'Mô hình không có thật' }),
      row({ replicatedFrom: '#987654321' }),
      row({ replicatedFrom: 'Tên trùng nhau' }),
      row({ replicatedFrom: `#${draft.id}` }),
    ]);
    expect(res.status).toBe(422);
    const col = (await headerLetters()).replicatedFrom;
    expect(problems(res)).toEqual([`2:UNKNOWN_ENTRY:${col}2`, `3:UNKNOWN_ENTRY:${col}3`, `4:AMBIGUOUS_ENTRY:${col}4`, `5:SOURCE_NOT_RECOGNISED:${col}5`]);
    expect(res.body.error.details.errors[2]!.params).toEqual({ count: 2 });
    expect(await written()).toEqual(before);
    // Two rows copying each other: caught once both are written, and rolled back.
    const cycle = await upload(clerk, [recognisedRow('Vòng A', 'Vòng B'), recognisedRow('Vòng B', 'Vòng A')]);
    expect(cycle.status).toBe(422);
    expect(problems(cycle).map((p) => p.split(':')[1])).toContain('REPLICATION_CYCLE');
    expect(await written()).toEqual(before);
  });

  it('refuses a step dated before the entry\'s latest step in the app', async () => {
    const r = row({ title: 'Gửi trong phần mềm' });
    expect((await upload(clerk, [r])).status).toBe(200);
    const e = await entryByTitle('Gửi trong phần mềm');
    expect((await t.call('POST', `/api/entries/${e.id}/actions/submit`, { cookie: clerk, body: { version: e.version } })).statusCode).toBe(200);
    const before = await written();
    const res = await upload(clerk, [{ ...r, registeredOn: '01/03/2023', acceptedOn: '05/03/2023' }]);
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors[0]).toMatchObject({ code: 'BEFORE_CURRENT_STATE', cell: `${(await headerLetters()).acceptedOn}2` });
    expect(await written()).toEqual(before);
  });
});

describe('numbers typed the Vietnamese way', () => {
  it('reads "1.500.000", "120,5", "0,250", "85,5"; flags "1,250" m² and "1.500,000" đồng as ambiguous; writes nothing then', async () => {
    const ok = await upload(clerk, [row({ title: 'Số đọc đúng', moneyVnd: '1.500.000 đ', landM2: '120,5', participantsCount: '1.200', registeredOn: '01/03/2023', acceptedOn: '02/03/2023', evaluationResult: 'Hiệu quả', evaluationScore: '85,5', evaluatedOn: '03/03/2023' }), row({ title: 'Không phẩy', landM2: '0,250' })]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await entryByTitle('Số đọc đúng')).toMatchObject({ money_vnd: '1500000', land_m2: '120.50', participants_count: 1200, evaluation_score: '85.50' });
    expect((await entryByTitle('Không phẩy')).land_m2).toBe('0.25');

    const before = await written();
    const res = await upload(clerk, [row({ landM2: '1,250' }), row({ moneyVnd: '1.500,000' }), row({ participantsCount: '1.5' }), row({ evaluationScore: '100,5', evaluationResult: 'Hiệu quả', registeredOn: '01/03/2023', acceptedOn: '02/03/2023', evaluatedOn: '03/03/2023' })]);
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors.map((e) => [e.row, e.code, e.params])).toEqual([
      [2, 'AMBIGUOUS_NUMBER', { grouped: 1250, decimal: 1.25 }],
      [3, 'AMBIGUOUS_NUMBER', { grouped: 1500000, decimal: 1500 }],
      [4, 'NOT_A_NUMBER', undefined],
      [5, 'OUT_OF_RANGE', { min: 0, max: 100 }],
    ]);
    // The message writes both readings as the language does (Vietnamese unless asked otherwise).
    expect(res.body.error.details.errors[0]!.message).toContain('1.250 hoặc 1,25');
    expect(await written()).toEqual(before);
  });
});

/** The letter of each history column in the template's order. */
async function headerLetters() {
  const { IMPORT_COLUMNS, columnLetter } = await import('../../documents/entries-columns.js');
  return Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.key, columnLetter(i + 1)])) as Record<string, string>;
}
