import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/reports.js';
import { todayInVietnam } from '../../../common/units.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildEntry } from '../commendations/commendations.factories.js';
import { reportNarrative } from '../reports/report-document.js';
import { periodOfDay } from './next-period.js';
import { reviewDocument } from './review-document.js';
import { findAnniversaryDefinitions, findEventsOfReview, findReviewById, findTasksOfReview } from './reviews.repository.js';
import type { Review, ReviewDetail, ReviewTask } from './reviews.schema.js';
import { nextPeriodOf } from './reviews.service.js';
import { folded, office, readBackDocx } from '../../test/office-readback.js';

/** A new deadline may not lie before today (DEADLINE_IN_PAST): the tasks written here are due today. */
const TODAY = todayInVietnam();

let t: TestApp;
let admin: string;
let hanoiEditor: string;
let baDinhViewer: string;
let baDinhEditor: string;
let ninhBinhEditor: string;
let ids: { hanoi: string; ninhBinh: string; baDinh: string; ngocHa: string; ninhBinhCommune: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  const ninhBinhCommune = await t.db
    .selectFrom('units')
    .select('id')
    .where(sql<boolean>`path <@ ${ninhBinh.path}::ltree`)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  ids = { hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ngocHa: ngocHa.id, ninhBinhCommune: ninhBinhCommune.id };
  await buildUser(t.db, { username: 'pr.admin', displayName: 'Quản trị hệ thống', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'pr.hanoi.editor', displayName: 'Nguyễn Thị Lan', grants: [{ unitId: hanoi.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'pr.badinh.viewer', grants: [{ unitId: baDinh.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'pr.badinh.editor', grants: [{ unitId: baDinh.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'pr.ninhbinh.editor', grants: [{ unitId: ninhBinh.id, role: 'editor' }] });
  admin = await t.login('pr.admin');
  hanoiEditor = await t.login('pr.hanoi.editor');
  baDinhViewer = await t.login('pr.badinh.viewer');
  baDinhEditor = await t.login('pr.badinh.editor');
  ninhBinhEditor = await t.login('pr.ninhbinh.editor');
  // 2023 in Hà Nội: two models of Ba Đình, one of Ngọc Hà, one of the province itself; 2022 and a draft do not count.
  await buildEntry(t.db, { unitId: baDinh.id, year: 2023 });
  await buildEntry(t.db, { unitId: baDinh.id, year: 2023 });
  await buildEntry(t.db, { unitId: ngocHa.id, year: 2023 });
  await buildEntry(t.db, { unitId: hanoi.id, year: 2023, level: 'province' });
  await buildEntry(t.db, { unitId: baDinh.id, year: 2022 });
  await buildEntry(t.db, { unitId: baDinh.id, year: 2023, status: 'draft' });
});

async function counts() {
  const { rows } = await sql<{ reviews: number; tasks: number; events: number; audit: number }>`
    select (select count(*)::int from reviews) as reviews, (select count(*)::int from review_tasks) as tasks,
           (select count(*)::int from review_events) as events, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const auditOf = (recordType: string, recordId: string) => t.db.selectFrom('audit_log').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).orderBy('id').execute();

describe('the life of a review', () => {
  let review: ReviewDetail;
  let overdueTask: ReviewTask;
  let laterTask: ReviewTask;

  it('creates the review of Hà Nội for 2023 with the figures of its whole subtree and the narrative written from them', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/reviews', { cookie: hanoiEditor, body: { unitId: ids.hanoi, period: 'year', year: 2023 } });
    expect(res.statusCode, res.body).toBe(201);
    review = res.json<ReviewDetail>();
    expect(review).toMatchObject({
      unit: { id: ids.hanoi },
      period: 'year',
      year: 2023,
      from: '2023-01-01',
      to: '2023-12-31',
      status: 'draft',
      title: 'Tổng kết công tác dân vận và phong trào thi đua “Dân vận khéo” năm 2023',
      version: 1,
      tasks: [],
      events: [],
    });
    const figures = review.figures as unknown as Report;
    expect(figures.unit.id).toBe(ids.hanoi);
    expect(figures.figures.entries.total).toBe(4);
    expect(review.figuresAt).not.toBeNull();
    expect(review.narrative).toBe(reportNarrative(figures).join('\n\n'));
    expect(review.narrative!.length).toBeGreaterThan(20);
    const audit = await auditOf('review', review.id);
    expect(audit.map((a) => a.action)).toEqual(['review.create']);
    expect(audit[0]).toMatchObject({ unit_id: ids.hanoi, after: expect.objectContaining({ entries: 4, from: '2023-01-01' }) });
    expect(await counts()).toMatchObject({ reviews: before.reviews + 1, audit: before.audit + 1 });
  });

  it("lists the period's anniversaries with their ordinal: the 93rd of the Party's mass-mobilization day, the 24th National Mass Mobilization Day", () => {
    const labels = review.anniversaries.map((a) => a.labelVi);
    expect(labels).toContain('Kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2023)');
    expect(labels).toContain('Ngày Dân vận toàn quốc lần thứ 24');
    expect(review.anniversaries.find((a) => a.code === 'national_mass_mobilization_day')).toMatchObject({ ordinal: 24, date: '2023-10-15', milestone: null });
    // 2023 is the 34th year of the Veterans Association (1989): not round; the article "Dân vận" (1949): the 74th.
    expect(review.anniversaries.find((a) => a.code === 'dan_van_article')).toMatchObject({ ordinal: 74 });
    expect(review.anniversaries.map((a) => a.date)).toEqual([...review.anniversaries.map((a) => a.date)].sort());
  });

  it('refuses a second review of the same unit and period', async () => {
    const before = await counts();
    const again = await t.call('POST', '/api/reviews', { cookie: admin, body: { unitId: ids.hanoi, period: 'custom', from: '2023-01-01', to: '2023-12-31' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_EXISTS', details: { reviewId: review.id } });
    expect(await counts()).toEqual(before);
  });

  it('edits the narrative and shortcomings with the version; a stale version is a conflict that writes nothing', async () => {
    const ok = await t.call('PATCH', `/api/reviews/${review.id}`, {
      cookie: hanoiEditor,
      body: { narrative: 'Năm 2023, phong trào được triển khai sâu rộng.  \r\n\r\n\r\nCác mô hình tiêu biểu được nhân rộng.', shortcomings: 'Một số cơ sở chưa cập nhật số liệu kịp thời.', version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Review>()).toMatchObject({
      narrative: 'Năm 2023, phong trào được triển khai sâu rộng.\n\nCác mô hình tiêu biểu được nhân rộng.',
      shortcomings: 'Một số cơ sở chưa cập nhật số liệu kịp thời.',
      version: 2,
    });
    const audit = (await auditOf('review', review.id)).at(-1)!;
    expect(audit.action).toBe('review.update');
    expect(audit.before).toMatchObject({ shortcomings: null });
    expect(audit.after).toMatchObject({ shortcomings: 'Một số cơ sở chưa cập nhật số liệu kịp thời.' });
    const before = await counts();
    const stale = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: admin, body: { shortcomings: 'Cũ', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await counts()).toEqual(before);
    expect((await findReviewById(t.db, review.id))!.shortcomings).toBe('Một số cơ sở chưa cập nhật số liệu kịp thời.');
  });

  it('refreshes the figures from new data, keeping the edited narrative unless asked to replace it', async () => {
    await buildEntry(t.db, { unitId: ids.ngocHa, year: 2023 });
    const kept = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: hanoiEditor, body: { version: 2 } });
    expect(kept.statusCode, kept.body).toBe(200);
    const k = kept.json<ReviewDetail>();
    expect((k.figures as unknown as Report).figures.entries.total).toBe(5);
    expect(k.narrative).toBe('Năm 2023, phong trào được triển khai sâu rộng.\n\nCác mô hình tiêu biểu được nhân rộng.');
    expect(k.version).toBe(3);
    const replaced = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: hanoiEditor, body: { version: 3, replaceNarrative: true } });
    const r = replaced.json<ReviewDetail>();
    expect(r.narrative).toBe(reportNarrative(r.figures as unknown as Report).join('\n\n'));
    expect((await auditOf('review', review.id)).filter((a) => a.action === 'review.refresh')).toHaveLength(2);
    const stale = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: hanoiEditor, body: { version: 3 } });
    expect(stale.statusCode).toBe(409);
    review = r;
  });

  it("adds key tasks owned by the unit or a unit under it, and highlights the overdue ones", async () => {
    const a = await t.call('POST', `/api/reviews/${review.id}/tasks`, {
      cookie: hanoiEditor,
      body: { content: 'Nhân rộng mô hình “Phố văn minh” ra các phường', ownerUnitId: ids.baDinh, deadline: TODAY },
    });
    expect(a.statusCode, a.body).toBe(201);
    // Time passes: the deadline of mid-2024 is behind us (a deadline in the past cannot be written).
    await sql`update review_tasks set deadline = '2024-06-30' where id = ${a.json<ReviewTask>().id}`.execute(t.db);
    overdueTask = (await t.call('GET', `/api/reviews/${review.id}`, { cookie: hanoiEditor })).json<ReviewDetail>().tasks.find((x) => x.id === a.json<ReviewTask>().id)!;
    expect(overdueTask).toMatchObject({ owner: { id: ids.baDinh }, deadline: '2024-06-30', status: 'open', overdue: true, doneAt: null, doneBy: null, version: 1 });
    const b = await t.call('POST', `/api/reviews/${review.id}/tasks`, { cookie: hanoiEditor, body: { content: 'Tổng kết 5 năm phong trào', ownerUnitId: ids.hanoi, deadline: '2028-12-31' } });
    expect(b.statusCode, b.body).toBe(201);
    laterTask = b.json<ReviewTask>();
    expect(laterTask.overdue).toBe(false);
    expect((await auditOf('review_task', overdueTask.id)).map((x) => x.action)).toEqual(['review_task.create']);
    const detail = (await t.call('GET', `/api/reviews/${review.id}`, { cookie: hanoiEditor })).json<ReviewDetail>();
    expect(detail.tasks.map((x) => x.id)).toEqual([overdueTask.id, laterTask.id]);
    expect(detail.taskCounts).toEqual({ open: 2, done: 0, overdue: 1 });
  });

  it('refuses a deadline outside the sensible range and an owner outside the subtree, with the field named, writing nothing', async () => {
    const before = await counts();
    const url = `/api/reviews/${review.id}/tasks`;
    // Before the reviewed period, and before today: a deadline in the past is refused first.
    const early = await t.call('POST', url, { cookie: hanoiEditor, body: { content: 'Việc', ownerUnitId: ids.hanoi, deadline: '2022-12-31' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'DEADLINE_IN_PAST', details: [{ path: 'body.deadline' }] });
    const late = await t.call('POST', url, { cookie: hanoiEditor, body: { content: 'Việc', ownerUnitId: ids.hanoi, deadline: '2029-01-01' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(/2028-12-31/);
    const foreign = await t.call('POST', url, { cookie: admin, body: { content: 'Việc', ownerUnitId: ids.ninhBinhCommune, deadline: TODAY } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.ownerUnitId', message: "must be the review's unit or a unit under it" }] });
    const unknown = await t.call('POST', url, { cookie: hanoiEditor, body: { content: 'Việc', ownerUnitId: '999999999', deadline: TODAY } });
    expect(unknown.statusCode).toBe(400);
    const badDate = await t.call('POST', url, { cookie: hanoiEditor, body: { content: 'Việc', ownerUnitId: ids.hanoi, deadline: '2024-02-30' } });
    expect(badDate.statusCode).toBe(400);
    const empty = await t.call('POST', url, { cookie: hanoiEditor, body: { content: '   ', ownerUnitId: ids.hanoi, deadline: '2024-06-30' } });
    expect(empty.statusCode).toBe(400);
    const move = await t.call('PATCH', `/api/review-tasks/${laterTask.id}`, { cookie: admin, body: { ownerUnitId: ids.ninhBinh, version: 1 } });
    expect(move.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('marks a task done with who and when, lists the overdue ones, and opens it again', async () => {
    const done = await t.call('POST', `/api/review-tasks/${overdueTask.id}/done`, { cookie: hanoiEditor, body: { version: 1, note: 'Đã nhân rộng ra 12 phường' } });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json<ReviewTask>();
    expect(d).toMatchObject({ status: 'done', overdue: false, doneBy: { name: 'Nguyễn Thị Lan' }, note: 'Đã nhân rộng ra 12 phường', version: 2 });
    expect(Date.now() - Date.parse(d.doneAt!)).toBeLessThan(60_000);
    const twice = await t.call('POST', `/api/review-tasks/${overdueTask.id}/done`, { cookie: hanoiEditor, body: { version: 2 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_TRANSITION');
    const overdue = await t.call('GET', `/api/review-tasks?unitId=${ids.hanoi}&overdue=true`, { cookie: hanoiEditor });
    expect(overdue.json()).toEqual({ items: [], total: 0 });
    const reopened = await t.call('POST', `/api/review-tasks/${overdueTask.id}/reopen`, { cookie: hanoiEditor, body: { version: 2 } });
    expect(reopened.json<ReviewTask>()).toMatchObject({ status: 'open', overdue: true, doneAt: null, doneBy: null, version: 3 });
    const again = await t.call('GET', `/api/review-tasks?unitId=${ids.hanoi}&overdue=true`, { cookie: hanoiEditor });
    expect(again.json<{ items: (ReviewTask & { review: { id: string } })[] }>().items.map((x) => [x.id, x.review.id])).toEqual([[overdueTask.id, review.id]]);
    const owned = await t.call('GET', `/api/review-tasks?ownerUnitId=${ids.hanoi}&status=open`, { cookie: hanoiEditor });
    expect(owned.json<{ items: ReviewTask[] }>().items.map((x) => x.id)).toEqual([laterTask.id]);
    expect((await auditOf('review_task', overdueTask.id)).map((x) => x.action)).toEqual(['review_task.create', 'review_task.done', 'review_task.reopen']);
  });

  it('records the events of the period and refuses one outside it and the next', async () => {
    const ok = await t.call('POST', `/api/reviews/${review.id}/events`, { cookie: hanoiEditor, body: { happenedOn: '2023-10-14', title: 'Hội nghị biểu dương điển hình “Dân vận khéo”' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const before = await counts();
    const outside = await t.call('POST', `/api/reviews/${review.id}/events`, { cookie: hanoiEditor, body: { happenedOn: '2025-01-02', title: 'Ngoài kỳ' } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([expect.objectContaining({ path: 'body.happenedOn' })]);
    expect(await counts()).toEqual(before);
  });

  it('composes the Party document: results with tables, events and anniversaries, shortcomings, tasks with owner and deadline', async () => {
    const r = (await findReviewById(t.db, review.id))!;
    const doc = reviewDocument({
      review: r,
      nextPeriod: await nextPeriodOf(t.db, r),
      figures: review.figures as unknown as Report,
      tasks: await findTasksOfReview(t.db, review.id),
      events: (await findEventsOfReview(t.db, review.id)).map((e) => ({ ...e, inPeriod: periodOfDay(e.happened_on, { to: r.period_to }) })),
      anniversaries: review.anniversaries,
      // Made in January 2024: the city's Ban Dân vận (the 2025 merger had not happened).
      madeOn: '2024-01-20',
    });
    expect(doc).toMatchObject({ docType: 'BÁO CÁO', parentBody: 'THÀNH ỦY HÀ NỘI', issuingBody: 'BAN DÂN VẬN', numberAndSymbol: 'Số     -BC/BDVTU', title: 'tổng kết công tác dân vận và phong trào thi đua “Dân vận khéo” năm 2023' });
    const headings = doc.body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings).toEqual(['I. KẾT QUẢ ĐẠT ĐƯỢC', 'II. HẠN CHẾ', 'III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI']);
    const text = JSON.stringify(doc.body);
    expect(text).toContain('Kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2023)');
    expect(text).toContain('14/10/2023: Hội nghị biểu dương điển hình');
    expect(text).toContain('Một số cơ sở chưa cập nhật số liệu kịp thời.');
    const taskTable = doc.body.filter((b) => b.type === 'table').at(-1)!;
    expect(taskTable.type === 'table' && taskTable.rows).toEqual([
      ['1', 'Nhân rộng mô hình “Phố văn minh” ra các phường', 'Phường Ba Đình', '30/06/2024', 'Quá hạn'],
      ['2', 'Tổng kết 5 năm phong trào', 'Thành phố Hà Nội', '31/12/2028', 'Đang thực hiện'],
    ]);
    const [fieldTable, unitTable] = doc.body.filter((b) => b.type === 'table');
    expect(fieldTable?.type === 'table' && fieldTable.rows.at(-1)?.at(-1)).toBe('5');
    // Only the units with records: Ba Đình (2), Ngọc Hà (2), the city's own (1), and the total row.
    expect(unitTable?.type === 'table' && unitTable.rows.map((r) => [r[1], r[5]])).toEqual([
      ['Phường Ba Đình', '2'],
      ['Phường Ngọc Hà', '2'],
      ['Thành phố Hà Nội (trực tiếp)', '1'],
      ['Tổng cộng', '5'],
    ]);
  });

  it('serves the document as a DOCX file', async () => {
    const res = await t.call('GET', `/api/reviews/${review.id}/document`, { cookie: hanoiEditor });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));
    // Made today, after the 2025 merger: the Ban Tuyên giáo và Dân vận heads it.
    for (const line of ['THÀNH ỦY HÀ NỘI', 'BAN TUYÊN GIÁO VÀ DÂN VẬN', 'Số     -BC/BTGDVTU', 'BÁO CÁO', 'tổng kết công tác dân vận và phong trào thi đua “Dân vận khéo” năm 2023', 'I. KẾT QUẢ ĐẠT ĐƯỢC', 'II. HẠN CHẾ', 'III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI']) {
      expect(text, line).toContain(line);
    }
    expect(text.indexOf('II. HẠN CHẾ')).toBeLessThan(text.indexOf('III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI'));
    expect(text.some((p) => p.includes('Ngày Dân vận toàn quốc lần thứ 24'))).toBe(true);
    expect(text).toContain('Nhân rộng mô hình “Phố văn minh” ra các phường');
  });

  // The review document adds bullet lines (events, anniversaries) and a task table to what the
  // report documents use: LibreOffice, which many offices open these files with, must read them.
  it.skipIf(!office)('opens in LibreOffice: converted to PDF, the sections, the anniversary and the tasks read whole', async () => {
    const res = await t.call('GET', `/api/reviews/${review.id}/document`, { cookie: hanoiEditor });
    const { pdf, text: raw } = await readBackDocx(res.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (raw === undefined) return;
    const text = folded(raw);
    for (const line of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HÀ NỘI', 'I. KẾT QUẢ ĐẠT ĐƯỢC', 'II. HẠN CHẾ', 'III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI', 'Ngày Dân vận toàn quốc lần thứ 24', 'Quá hạn']) {
      expect(text, line).toContain(line);
    }
  }, 180_000);

  it('freezes a final review but keeps tracking its tasks; opening it again allows edits', async () => {
    const current = (await findReviewById(t.db, review.id))!;
    const final = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: hanoiEditor, body: { status: 'final', version: current.version } });
    expect(final.json<Review>()).toMatchObject({ status: 'final' });
    const v = final.json<Review>().version;
    const before = await counts();
    const edit = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: hanoiEditor, body: { shortcomings: 'Sửa sau', version: v } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('INVALID_TRANSITION');
    const task = await t.call('POST', `/api/reviews/${review.id}/tasks`, { cookie: hanoiEditor, body: { content: 'Thêm', ownerUnitId: ids.hanoi, deadline: '2025-01-01' } });
    expect(task.statusCode).toBe(409);
    const refresh = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: hanoiEditor, body: { version: v } });
    expect(refresh.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    const done = await t.call('POST', `/api/review-tasks/${laterTask.id}/done`, { cookie: hanoiEditor, body: { version: 1 } });
    expect(done.statusCode).toBe(200);
    const reopen = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: hanoiEditor, body: { status: 'draft', shortcomings: 'Sửa sau', version: v } });
    expect(reopen.json<Review>()).toMatchObject({ status: 'draft', shortcomings: 'Sửa sau' });
  });
});

describe('bad input when creating', () => {
  it('refuses incomplete, inverted, too long and unknown periods with the field named, writing nothing', async () => {
    const before = await counts();
    const post = (body: Record<string, unknown>) => t.call('POST', '/api/reviews', { cookie: hanoiEditor, body: { unitId: ids.hanoi, ...body } });
    const noQuarter = await post({ period: 'quarter', year: 2024 });
    expect(noQuarter.statusCode).toBe(400);
    expect(noQuarter.json().error.details).toEqual([expect.objectContaining({ path: 'body.quarter' })]);
    const inverted = await post({ period: 'custom', from: '2024-06-30', to: '2024-01-01' });
    expect(inverted.json().error.details).toEqual([expect.objectContaining({ path: 'body.to' })]);
    const tooLong = await post({ period: 'custom', from: '2000-01-01', to: '2024-01-01' });
    expect(tooLong.statusCode).toBe(400);
    const unknownPeriod = await post({ period: 'emulation_period', periodId: '999999' });
    expect(unknownPeriod.statusCode).toBe(400);
    expect(unknownPeriod.json().error.details).toEqual([expect.objectContaining({ path: 'body.periodId' })]);
    expect((await post({ period: 'year' })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/reviews', { cookie: hanoiEditor, body: { unitId: '999999999', period: 'year', year: 2024 } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('creates a quarter and an emulation-period review with their own titles and period anniversaries', async () => {
    const q = await t.call('POST', '/api/reviews', { cookie: hanoiEditor, body: { unitId: ids.hanoi, period: 'quarter', year: 2024, quarter: 4 } });
    expect(q.statusCode, q.body).toBe(201);
    expect(q.json<ReviewDetail>()).toMatchObject({ from: '2024-10-01', to: '2024-12-31', quarter: 4, title: 'Sơ kết công tác dân vận và phong trào thi đua “Dân vận khéo” quý IV năm 2024' });
    expect(q.json<ReviewDetail>().anniversaries.map((a) => a.date)).not.toContain('2024-07-28');
    const ep = await t.db.selectFrom('emulation_periods').select('id').where('start_year', '=', 2021).executeTakeFirstOrThrow();
    const five = await t.call('POST', '/api/reviews', { cookie: hanoiEditor, body: { unitId: ids.baDinh, period: 'emulation_period', periodId: ep.id, title: 'Tổng kết 5 năm phong trào “Dân vận khéo” phường Ba Đình' } });
    expect(five.statusCode, five.body).toBe(201);
    const f = five.json<ReviewDetail>();
    expect(f).toMatchObject({ from: '2021-01-01', to: '2025-12-31', emulationPeriod: { id: ep.id, name: '2021–2025' } });
    expect(f.anniversaries.filter((a) => a.code === 'national_mass_mobilization_day' && a.inPeriod === 'current').map((a) => a.ordinal)).toEqual([22, 23, 24, 25, 26]);
  });
});

describe('scope', () => {
  let hanoiReview: string;
  let baDinhReview: string;
  beforeAll(async () => {
    hanoiReview = (await t.call('POST', '/api/reviews', { cookie: admin, body: { unitId: ids.hanoi, period: 'year', year: 2022 } })).json<Review>().id;
    baDinhReview = (await t.call('POST', '/api/reviews', { cookie: admin, body: { unitId: ids.baDinh, period: 'year', year: 2022 } })).json<Review>().id;
  });

  it('shows a reader the reviews of its subtree only; anything else is not found', async () => {
    const mine = await t.call('GET', '/api/reviews?year=2022&period=year', { cookie: baDinhViewer });
    expect(mine.json<{ items: Review[] }>().items.map((r) => r.id)).toEqual([baDinhReview]);
    const all = await t.call('GET', `/api/reviews?unitId=${ids.hanoi}&year=2022&period=year`, { cookie: hanoiEditor });
    expect(all.json<{ items: Review[] }>().items.map((r) => r.id).sort()).toEqual([hanoiReview, baDinhReview].sort());
    expect((await t.call('GET', `/api/reviews/${hanoiReview}`, { cookie: baDinhViewer })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/reviews/${hanoiReview}/document`, { cookie: baDinhViewer })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/reviews?unitId=${ids.hanoi}`, { cookie: baDinhViewer })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/reviews', { cookie: ninhBinhEditor })).json()).toEqual({ items: [], total: 0 });
    expect((await t.call('GET', `/api/reviews/${baDinhReview}`, { cookie: baDinhViewer })).statusCode).toBe(200);
  });

  it('refuses writes: 403 without data.write on the unit, 404 outside the scope, and writes nothing', async () => {
    const before = await counts();
    expect((await t.call('PATCH', `/api/reviews/${baDinhReview}`, { cookie: baDinhViewer, body: { shortcomings: 'x', version: 1 } })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/reviews', { cookie: baDinhViewer, body: { unitId: ids.baDinh, period: 'year', year: 2021 } })).statusCode).toBe(403);
    expect((await t.call('PATCH', `/api/reviews/${hanoiReview}`, { cookie: ninhBinhEditor, body: { shortcomings: 'x', version: 1 } })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/reviews/${hanoiReview}/tasks`, { cookie: baDinhEditor, body: { content: 'x', ownerUnitId: ids.baDinh, deadline: '2023-01-01' } })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/reviews', { cookie: ninhBinhEditor, body: { unitId: ids.hanoi, period: 'year', year: 2021 } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('lets a commune editor own its review and its tasks', async () => {
    const task = await t.call('POST', `/api/reviews/${baDinhReview}/tasks`, { cookie: baDinhEditor, body: { content: 'Xây dựng 3 mô hình mới', ownerUnitId: ids.baDinh, deadline: TODAY } });
    expect(task.statusCode, task.body).toBe(201);
    const del = await t.call('DELETE', `/api/review-tasks/${task.json<ReviewTask>().id}?version=1`, { cookie: baDinhEditor });
    expect(del.statusCode).toBe(204);
    expect((await auditOf('review_task', task.json<ReviewTask>().id)).map((a) => a.action)).toEqual(['review_task.create', 'review_task.delete']);
  });
});

describe('anniversaries as data', () => {
  it('seeds the days of the mass-mobilization calendar with names in every language', async () => {
    const defs = await findAnniversaryDefinitions(t.db);
    expect(defs.map((d) => d.code)).toEqual(
      expect.arrayContaining(['party_mass_mobilization_day', 'national_mass_mobilization_day', 'fatherland_front_day', 'womens_union_day', 'youth_union_day', 'farmers_union_day', 'veterans_association_day', 'trade_union_day', 'dan_van_article']),
    );
    for (const d of defs) expect(Object.keys(d.names).sort()).toEqual(['ar', 'en', 'id', 'pl', 'ru', 'sv', 'vi']);
    expect(defs.find((d) => d.code === 'youth_union_day')).toMatchObject({ originDate: '1931-03-26', baseYear: 1931 });
  });
});

describe('the next period: the one the tasks are for', () => {
  const create = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/reviews', { cookie: admin, body: { unitId: ids.ninhBinh, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReviewDetail>();
  };
  const daysOf = (d: ReviewDetail, code: string) => d.anniversaries.filter((a) => a.code === code).map((a) => [a.date, a.ordinal, a.inPeriod]);
  const documentText = async (id: string) => paragraphTexts(await zipPart((await t.call('GET', `/api/reviews/${id}/document`, { cookie: admin })).rawPayload, 'word/document.xml'));

  it('lists in a Q3 review the 15 October anniversaries of Q4 with their ordinals, labelled as the next period, and the document puts them under the tasks', async () => {
    const q3 = await create({ period: 'quarter', year: 2024, quarter: 3 });
    expect(q3.nextPeriod).toEqual({ period: 'quarter', year: 2024, quarter: 4, emulationPeriod: null, from: '2024-10-01', to: '2024-12-31' });
    expect(daysOf(q3, 'trade_union_day')).toEqual([['2024-07-28', 95, 'current']]);
    expect(daysOf(q3, 'party_mass_mobilization_day')).toEqual([['2024-10-15', 94, 'next']]);
    expect(q3.anniversaries.find((a) => a.code === 'national_mass_mobilization_day')).toMatchObject({ date: '2024-10-15', ordinal: 25, milestone: 5, inPeriod: 'next', labelVi: 'Ngày Dân vận toàn quốc lần thứ 25' });
    expect(q3.anniversaries.every((a) => a.date >= '2024-07-01' && a.date <= '2024-12-31')).toBe(true);

    // An event planned in Q4 is taken and labelled as the next period's; one after Q4 is refused.
    const planned = await t.call('POST', `/api/reviews/${q3.id}/events`, { cookie: admin, body: { happenedOn: '2024-10-14', title: 'Hội nghị biểu dương điển hình “Dân vận khéo” (dự kiến)' } });
    expect(planned.statusCode, planned.body).toBe(201);
    const after = await t.call('POST', `/api/reviews/${q3.id}/events`, { cookie: admin, body: { happenedOn: '2025-01-01', title: 'Sau kỳ tới' } });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.details).toEqual([expect.objectContaining({ path: 'body.happenedOn' })]);
    const detail = (await t.call('GET', `/api/reviews/${q3.id}`, { cookie: admin })).json<ReviewDetail>();
    expect(detail.events.map((e) => [e.happenedOn, e.inPeriod])).toEqual([['2024-10-14', 'next']]);

    const text = await documentText(q3.id);
    const at = (s: string) => text.findIndex((p) => p.includes(s));
    const nextHeading = at('2. Các sự kiện, ngày kỷ niệm quý IV năm 2024 (kỳ tới)');
    expect(nextHeading).toBeGreaterThan(at('III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI'));
    expect(at('Kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2024)')).toBeGreaterThan(nextHeading);
    expect(at('14/10/2024: Hội nghị biểu dương điển hình')).toBeGreaterThan(nextHeading);
    // The period's own day stays in I.
    const tradeUnion = at('Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/07/1929 – 28/07/2024)');
    expect(tradeUnion).toBeGreaterThan(at('I. KẾT QUẢ ĐẠT ĐƯỢC'));
    expect(tradeUnion).toBeLessThan(at('II. HẠN CHẾ'));
  });

  it("lists in a year review next January's days, and in a Q4 review those of the next year's first quarter", async () => {
    // A new day is a row: Vietnamese Students' Day, 9 January 1950.
    const names = { vi: 'Ngày truyền thống học sinh, sinh viên Việt Nam', en: "Vietnamese Students' Day", ru: 'День вьетнамских студентов', sv: 'Vietnamesiska studenters dag', id: 'Hari Pelajar Vietnam', pl: 'Dzień Studentów Wietnamskich', ar: 'يوم الطلاب الفيتناميين' };
    await t.db.insertInto('anniversaries').values({ code: 'students_day', names: JSON.stringify(names), origin_date: '1950-01-09', base_year: 1950, kind: 'anniversary', sort_order: 20, builtin: false }).execute();
    try {
      const year = await create({ period: 'year', year: 2025 });
      expect(year.nextPeriod).toMatchObject({ period: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' });
      expect(daysOf(year, 'students_day')).toEqual([
        ['2025-01-09', 75, 'current'],
        ['2026-01-09', 76, 'next'],
      ]);
      expect(daysOf(year, 'youth_union_day')).toEqual([
        ['2025-03-26', 94, 'current'],
        ['2026-03-26', 95, 'next'],
      ]);

      const q4 = await create({ period: 'quarter', year: 2025, quarter: 4 });
      expect(q4.nextPeriod).toMatchObject({ period: 'quarter', year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' });
      expect(daysOf(q4, 'party_mass_mobilization_day')).toEqual([['2025-10-15', 95, 'current']]);
      expect(daysOf(q4, 'students_day')).toEqual([['2026-01-09', 76, 'next']]);
      expect(daysOf(q4, 'youth_union_day')).toEqual([['2026-03-26', 95, 'next']]);
      expect(q4.anniversaries.at(-1)!.date).toBe('2026-03-26');
    } finally {
      await t.db.deleteFrom('anniversaries').where('code', '=', 'students_day').execute();
    }
  });

  it('follows an emulation period by the next one of the catalogue, or by one as long when the catalogue has none yet', async () => {
    const periods = await t.db.selectFrom('emulation_periods').select(['id', 'start_year']).where('start_year', 'in', [2021, 2026]).orderBy('start_year').execute();
    const [current, following] = periods.map((p) => p.id);
    const five = await create({ period: 'emulation_period', periodId: current });
    expect(five.nextPeriod).toEqual({ period: 'emulation_period', year: null, quarter: null, emulationPeriod: { id: following, name: '2026–2030' }, from: '2026-01-01', to: '2030-12-31' });
    const national = (which: string) => five.anniversaries.filter((a) => a.code === 'national_mass_mobilization_day' && a.inPeriod === which).map((a) => a.ordinal);
    expect([national('current'), national('next')]).toEqual([
      [22, 23, 24, 25, 26],
      [27, 28, 29, 30, 31],
    ]);
    const later = await create({ period: 'emulation_period', periodId: following });
    expect(later.nextPeriod).toMatchObject({ period: 'emulation_period', emulationPeriod: null, from: '2031-01-01', to: '2035-12-31' });
    expect(await documentText(later.id)).toContain('2. Các sự kiện, ngày kỷ niệm giai đoạn 2031–2035 (kỳ tới)');
  });
});
