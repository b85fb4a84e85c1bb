import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/units.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildCommendation } from '../commendations/commendations.factories.js';
import { buildProgram } from '../coordination/coordination.factories.js';
import { buildPolicyDocument } from '../policy-documents/policy-documents.factories.js';
import { buildPlan, buildReport, buildTask } from '../tasks/tasks.factories.js';
import { citedDate, ordinalYearsOf } from './document-reviews.service.js';
import type { Review, ReviewDetail } from './reviews.schema.js';
import { folded, office, readBackDocx } from '../../test/office-readback.js';

type ReviewPage = { items: Review[]; total: number };


const NQ25_TITLE = 'Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới';
const NQ25_PREFIX = 'Tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường';

let t: TestApp;
let admin: string;
let nbEditor: string;
let nbViewer: string;
let nbApprover: string;
let hanoiEditor: string;
let ids: { ninhBinh: string; hanoi: string; c1: string; c2: string; hanoiCommune: string; nq25: string; hanoiDoc: string; restricted: string; program: string };

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const hanoiCommune = await unitByCode(t.db, 'commune', '00004');
  const communes = await t.db
    .selectFrom('units')
    .select('id')
    .where(sql<boolean>`path <@ ${ninhBinh.path}::ltree`)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .orderBy('name')
    .limit(2)
    .execute();
  const nq25 = await buildPolicyDocument(t.db, {
    unitId: root.id,
    kind: 'resolution',
    number: '25',
    symbol: 'NQ/TW',
    issuedOn: '2013-06-03',
    status: 'issued',
    issuingBody: 'Ban Chấp hành Trung ương Đảng (khóa XI)',
    title: NQ25_TITLE,
  });
  // Ninh Bình's plan: one commune done, the other overdue, and one task not due yet.
  const plan = await buildPlan(t.db, { unitId: ninhBinh.id, documentId: nq25.id, startsOn: '2013-07-01' });
  const done = await buildTask(t.db, { planId: plan.id, ownerUnitId: communes[0]!.id, content: 'Quán triệt Nghị quyết 25', startsOn: '2013-07-01', deadline: '2014-06-30', status: 'done' });
  await buildReport(t.db, done.id, '2014-06-01');
  await buildTask(t.db, { planId: plan.id, ownerUnitId: communes[1]!.id, content: 'Xây dựng mô hình “Dân vận khéo”', startsOn: '2013-07-01', deadline: '2020-12-31' });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: communes[1]!.id, content: 'Sơ kết mô hình', startsOn: '2013-07-01', deadline: '2099-12-31' });
  const hanoiDoc = await buildPolicyDocument(t.db, { unitId: hanoi.id, status: 'issued', issuedOn: '2020-01-10', symbol: 'NQ/TU' });
  const restricted = await buildPolicyDocument(t.db, { unitId: ninhBinh.id, status: 'issued', issuedOn: '2021-05-05', symbol: 'KL/TU', restrictedRoles: ['editor'] });
  const program = await buildProgram(t.db, { unitId: ninhBinh.id });
  ids = {
    ninhBinh: ninhBinh.id,
    hanoi: hanoi.id,
    c1: communes[0]!.id,
    c2: communes[1]!.id,
    hanoiCommune: hanoiCommune.id,
    nq25: nq25.id,
    hanoiDoc: hanoiDoc.id,
    restricted: restricted.id,
    program: program.id,
  };
  await buildUser(t.db, { username: 'dr.admin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'dr.nb.editor', grants: [{ unitId: ninhBinh.id, role: 'editor' }] });
  await buildUser(t.db, { username: 'dr.nb.viewer', grants: [{ unitId: ninhBinh.id, role: 'viewer' }] });
  await buildUser(t.db, { username: 'dr.nb.approver', grants: [{ unitId: ninhBinh.id, role: 'approver' }] });
  await buildUser(t.db, { username: 'dr.hanoi.editor', grants: [{ unitId: hanoi.id, role: 'editor' }] });
  admin = await t.login('dr.admin');
  nbEditor = await t.login('dr.nb.editor');
  nbViewer = await t.login('dr.nb.viewer');
  nbApprover = await t.login('dr.nb.approver');
  hanoiEditor = await t.login('dr.hanoi.editor');
});

async function counts() {
  const { rows } = await sql<{ reviews: number; commended: number; audit: number }>`
    select (select count(*)::int from reviews) as reviews, (select count(*)::int from review_commended_units) as commended,
           (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const create = (cookie: string, body: Record<string, unknown>) => t.call('POST', '/api/document-reviews', { cookie, body });

describe('the ordinal and the citation', () => {
  it('counts calendar years from the year of issue: 10 for Resolution 25 (2013) reviewed in 2023, 4 for Conclusion 43 (2019)', () => {
    expect(ordinalYearsOf('2013-06-03', '2023-12-31')).toBe(10);
    expect(ordinalYearsOf('2019-01-07', '2023-11-28')).toBe(4);
    expect(ordinalYearsOf('2023-03-15', '2023-06-30')).toBe(0);
  });

  it('cites a date as Party documents do: 03/6/2013, 07/01/2019', () => {
    expect(citedDate('2013-06-03')).toBe('03/6/2013');
    expect(citedDate('2019-01-07')).toBe('07/01/2019');
    expect(citedDate('2021-07-30')).toBe('30/7/2021');
  });
});

describe('a tổng kết of Resolution 25 by Ninh Bình', () => {
  let review: ReviewDetail;

  it('is created with "10 năm" in its title, the roll-up snapshot by commune and the overdue list', async () => {
    const before = await counts();
    const res = await create(nbEditor, { unitId: ids.ninhBinh, policyDocumentId: ids.nq25, kind: 'tong_ket', from: '2014-01-01', to: '2023-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    review = res.json<ReviewDetail>();
    expect(review.title.startsWith(NQ25_PREFIX)).toBe(true);
    expect(review).toMatchObject({ policyDocumentId: ids.nq25, kind: 'tong_ket', ordinalYears: 10, joint: false, period: 'custom', figures: null, status: 'draft', version: 1 });
    const f = review.ofDocument!.documentFigures!;
    expect(f.totals).toMatchObject({ leaves: 3, done: 1, overdue: 1, unitsTasked: 2, unitsReported: 1 });
    expect(f.children.map((c) => c.leaves).sort()).toEqual([1, 2]);
    expect(f.overdue).toEqual([expect.objectContaining({ content: 'Xây dựng mô hình “Dân vận khéo”', deadline: '2020-12-31', owner: expect.objectContaining({ id: ids.c2 }) })]);
    expect(f.overdueTotal).toBe(1);
    expect(review.ofDocument!.document).toMatchObject({ number: '25', symbol: 'NQ/TW', issuedOn: '2013-06-03', kindNames: expect.objectContaining({ vi: 'Nghị quyết' }) });
    expect(review.narrative).toContain('đã hoàn thành 1 nhiệm vụ (33%)');
    expect(await counts()).toMatchObject({ reviews: before.reviews + 1, audit: before.audit + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'review').where('record_id', '=', review.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['review.create']);
  });

  it('is listed under its document, and a periodic review of the same unit and days is still allowed', async () => {
    const list = await t.call('GET', `/api/reviews?policyDocumentId=${ids.nq25}`, { cookie: nbViewer });
    expect(list.json<ReviewPage>().items.map((r) => r.id)).toEqual([review.id]);
    const periodic = await t.call('POST', '/api/reviews', { cookie: nbEditor, body: { unitId: ids.ninhBinh, period: 'custom', from: '2014-01-01', to: '2023-12-31' } });
    expect(periodic.statusCode, periodic.body).toBe(201);
    expect(periodic.json<ReviewDetail>()).toMatchObject({ policyDocumentId: null, kind: null, ofDocument: null });
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const before = await counts();
    const base = { unitId: ids.ninhBinh, policyDocumentId: ids.nq25, kind: 'so_ket', from: '2014-01-01', to: '2018-12-31' };
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['a document of another province', { ...base, policyDocumentId: ids.hanoiDoc }, 404, 'NOT_FOUND'],
      ['an unknown document', { ...base, policyDocumentId: '999999999' }, 404, 'NOT_FOUND'],
      ['to before from', { ...base, to: '2013-12-31' }, 400, 'VALIDATION_FAILED'],
      ['a period before the issue date', { ...base, from: '2013-01-01' }, 400, 'INVALID_RANGE'],
      ['joint for a resolution', { ...base, joint: true }, 400, 'VALIDATION_FAILED'],
      ['the same period again', { ...base, kind: 'tong_ket', from: '2014-01-01', to: '2023-12-31' }, 409, 'ALREADY_EXISTS'],
    ];
    for (const [label, body, status, code] of cases) {
      const res = await create(nbEditor, body);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
      expect(res.json().error.code, label).toBe(code);
      if (code === 'ALREADY_EXISTS') expect(res.json().error.details).toEqual({ reviewId: review.id });
      if (code === 'INVALID_RANGE') expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.from' })]);
    }
    // Another province's editor: the unit is not theirs to review.
    expect((await create(hanoiEditor, base)).statusCode).toBe(404);
    // A viewer of Ninh Bình reads but does not draft.
    expect((await create(nbViewer, base)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('keeps the commended units of its subtree, linked to a commendation when given; refuses a unit outside and a stale version', async () => {
    const commendation = await buildCommendation(t.db, { unitId: ids.c1, issuingUnitId: ids.ninhBinh });
    const other = await buildCommendation(t.db, { unitId: ids.hanoiCommune });
    const before = await counts();
    const form = 'Bằng khen của Ban Thường vụ Tỉnh ủy';
    const bad: [Record<string, unknown>, number, string][] = [
      [{ items: [{ unitId: ids.c1, form }, { unitId: ids.hanoiCommune, form }], version: 1 }, 400, 'UNIT_OUTSIDE_SUBTREE'],
      [{ items: [{ unitId: ids.c1, form, commendationId: other.id }], version: 1 }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ unitId: ids.c1, form }, { unitId: ids.c1, form }], version: 1 }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ unitId: ids.c1, form }], version: 7 }, 409, 'CONFLICT'],
    ];
    for (const [body, status, code] of bad) {
      const res = await t.call('PUT', `/api/reviews/${review.id}/commended-units`, { cookie: nbEditor, body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await counts()).toEqual(before);
    const ok = await t.call('PUT', `/api/reviews/${review.id}/commended-units`, {
      cookie: nbEditor,
      body: { items: [{ unitId: ids.c1, form, commendationId: commendation.id }, { unitId: ids.c2, form: 'Giấy khen của Ban Dân vận Tỉnh ủy' }], version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    review = ok.json<ReviewDetail>();
    expect(review.version).toBe(2);
    expect(review.ofDocument!.commendedUnits).toEqual([
      { unit: expect.objectContaining({ id: ids.c1 }), form, commendationId: commendation.id },
      { unit: expect.objectContaining({ id: ids.c2 }), form: 'Giấy khen của Ban Dân vận Tỉnh ủy', commendationId: null },
    ]);
    expect(await counts()).toMatchObject({ commended: before.commended + 2, audit: before.audit + 1 });
  });

  it('takes a new ordinal into its default title, and keeps a typed title', async () => {
    const res = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: nbEditor, body: { ordinalYears: 11, version: review.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ordinalYears: 11, title: expect.stringContaining('Tổng kết 11 năm thực hiện Nghị quyết số 25-NQ/TW') });
    const back = await t.call('PATCH', `/api/reviews/${review.id}`, { cookie: nbEditor, body: { ordinalYears: 10, version: res.json().version } });
    expect(back.json().title.startsWith(NQ25_PREFIX)).toBe(true);
    const periodic = await t.call('GET', `/api/reviews?unitId=${ids.ninhBinh}`, { cookie: nbEditor });
    const periodicId = periodic.json<ReviewPage>().items.find((r) => r.policyDocumentId === null)!.id;
    const wrong = await t.call('PATCH', `/api/reviews/${periodicId}`, { cookie: nbEditor, body: { ordinalYears: 3, version: 1 } });
    expect(wrong.statusCode).toBe(400);
    review = (await t.call('GET', `/api/reviews/${review.id}`, { cookie: nbEditor })).json<ReviewDetail>();
  });

  it('refreshes its figures from the roll-up: the overdue task done, the snapshot follows', async () => {
    await t.db.updateTable('tasks').set({ status: 'done', done_at: new Date() }).where('content', '=', 'Xây dựng mô hình “Dân vận khéo”').execute();
    const stale = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: nbEditor, body: { version: review.version - 1 } });
    expect(stale.statusCode).toBe(409);
    const res = await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: nbEditor, body: { version: review.version, replaceNarrative: true } });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json<ReviewDetail>();
    expect(fresh.ofDocument!.documentFigures!.totals).toMatchObject({ leaves: 3, done: 2, overdue: 0 });
    expect(fresh.ofDocument!.documentFigures!.overdue).toEqual([]);
    expect(fresh.narrative).toContain('đã hoàn thành 2 nhiệm vụ (67%)');
    // Put it back for the document test below.
    await t.db.updateTable('tasks').set({ status: 'open', done_at: null }).where('content', '=', 'Xây dựng mô hình “Dân vận khéo”').execute();
    review = (await t.call('POST', `/api/reviews/${review.id}/refresh`, { cookie: nbEditor, body: { version: fresh.version } })).json<ReviewDetail>();
    expect(review.ofDocument!.documentFigures!.totals.overdue).toBe(1);
  });

  it('writes the DOCX: the title with the citation, the task table by commune with its totals, the overdue task and the commended units', async () => {
    const res = await t.call('GET', `/api/reviews/${review.id}/document`, { cookie: nbViewer });
    expect(res.statusCode).toBe(200);
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml')).join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)');
    expect(text).toContain('Kết quả thực hiện nhiệm vụ theo đơn vị');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('Xây dựng mô hình “Dân vận khéo”');
    expect(text).toContain('Bằng khen của Ban Thường vụ Tỉnh ủy');
    expect(text).toContain('II. HẠN CHẾ');
    expect(text).toContain('III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI');
  });

  it.skipIf(!office)('opens in LibreOffice: the title and the table figures read back', async () => {
    const res = await t.call('GET', `/api/reviews/${review.id}/document`, { cookie: nbEditor });
    const { pdf, text: raw } = await readBackDocx(res.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (raw === undefined) return;
    const text = folded(raw);
    for (const line of ['BÁO CÁO', '10 năm thực hiện Nghị quyết số 25-NQ/TW', 'I. KẾT QUẢ ĐẠT ĐƯỢC', 'Tổng cộng', 'Đơn vị đã báo cáo', 'Giấy khen của Ban Dân vận Tỉnh ủy']) expect(text, line).toContain(line);
    // The totals row's last cell: 1 of the 2 units tasked reported (LibreOffice's text runs down the columns).
    expect(text).toContain('1/1 0/1 1/2');
    // No anniversary list over a ten-year period: a document review leaves the calendar out.
    expect(text).not.toContain('Kỷ niệm');
  }, 180_000);
});

describe('restricted documents and joint reviews', () => {
  it("hides a restricted document's review from a reader without the role, in the list, by id and in the work queue's counts", async () => {
    const res = await create(nbEditor, { unitId: ids.ninhBinh, policyDocumentId: ids.restricted, kind: 'so_ket', from: '2021-05-05', to: '2023-05-05' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<ReviewDetail>().id;
    expect((await t.call('GET', `/api/reviews/${id}`, { cookie: nbViewer })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/reviews/${id}/document`, { cookie: nbViewer })).statusCode).toBe(404);
    const listed = await t.call('GET', `/api/reviews?unitId=${ids.ninhBinh}&limit=200`, { cookie: nbViewer });
    expect(listed.json<ReviewPage>().items.map((r) => r.id)).not.toContain(id);
    expect((await t.call('GET', `/api/reviews?unitId=${ids.ninhBinh}&limit=200`, { cookie: nbEditor })).json<ReviewPage>().items.map((r) => r.id)).toContain(id);
    // An editor of another unit holding the role still does not read it outside its reach.
    const before = await counts();
    expect((await create(hanoiEditor, { unitId: ids.hanoi, policyDocumentId: ids.restricted, kind: 'so_ket', from: '2021-05-05', to: '2022-05-05' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);

    // Its key tasks are counted in the work queue only for those who read the document, as the list shows them.
    const task = await t.call('POST', `/api/reviews/${id}/tasks`, { cookie: nbEditor, body: { content: 'Nhiệm vụ của văn bản hạn chế', ownerUnitId: ids.ninhBinh, deadline: todayInVietnam() } });
    expect(task.statusCode, task.body).toBe(201);
    const dueSoon = async (cookie: string) => {
      const queue = (await t.call('GET', '/api/work-queue', { cookie })).json<{ units: { unit: { id: string }; reviewTasks: { dueSoon: number } }[] }>();
      const listed = (await t.call('GET', `/api/review-tasks?unitId=${ids.ninhBinh}&due=due_soon`, { cookie })).json<{ total: number }>().total;
      return { counted: queue.units.find((u) => u.unit.id === ids.ninhBinh)!.reviewTasks.dueSoon, listed };
    };
    const forEditor = await dueSoon(nbEditor);
    const forApprover = await dueSoon(nbApprover);
    expect(forEditor.counted).toBe(forEditor.listed);
    expect(forApprover.counted).toBe(forApprover.listed);
    expect(forEditor.counted).toBe(forApprover.counted + 1);
  });

  it('marks the review of a coordination program joint (sơ kết liên tịch): its DOCX goes to the force and has the force\'s signer block', async () => {
    const res = await create(admin, { unitId: ids.ninhBinh, policyDocumentId: ids.program, kind: 'so_ket', from: '2023-03-15', to: '2025-12-31', joint: true });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<ReviewDetail>();
    expect(r).toMatchObject({ joint: true, ordinalYears: 2 });
    expect(r.title).toMatch(/^Sơ kết liên tịch 2 năm thực hiện Chương trình phối hợp số \d+-CTrPH\/TU ngày 15\/3\/2023/);
    const doc = await t.call('GET', `/api/reviews/${r.id}/document`, { cookie: admin });
    const words = paragraphTexts(await zipPart(doc.rawPayload, 'word/document.xml'));
    expect(words.join('\n')).toContain('Bộ Tư lệnh Vùng Cảnh sát biển 1 (phối hợp)');
    // The force signs beside the Party body.
    expect(words).toContain('ĐẠI DIỆN BỘ TƯ LỆNH VÙNG CẢNH SÁT BIỂN 1');
    expect(words).toContain('TRƯỞNG BAN');
    if (!office) return;
    // Two signer tables and the recipients: LibreOffice reads the layout whole.
    const { pdf, text: raw } = await readBackDocx(doc.rawPayload);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (raw === undefined) return;
    const text = folded(raw);
    for (const line of ['ĐẠI DIỆN BỘ TƯ LỆNH VÙNG CẢNH SÁT BIỂN 1', 'TRƯỞNG BAN', 'Nơi nhận:', 'Sơ kết liên tịch'.toLowerCase()]) expect(text, line).toContain(line);
  }, 180_000);
});
