import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SituationCatalogue, SituationReport, SituationReportPage, SituationSummary } from '../../../common/situation.js';
import { addDaysIso, todayInVietnam } from '../../../common/units.js';
import { loadDemoSituation } from '../../demo/demo-situation.js';
import { reportNarrative } from '../reports/report-document.js';
import { buildReport } from '../reports/reports.service.js';
import { situationBlocks, situationSheet } from './situation-report-parts.js';
import { paragraphTexts, zipPart } from '../../documents/docx-test-helpers.js';
import { buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { folded, office, readBackDocx } from '../../test/office-readback.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildRound } from '../reporting-rounds/reporting-rounds.factories.js';
import { buildSituationReport } from './situation-reports.factories.js';
import { buildHotspot } from '../hotspots/hotspots.factories.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { ninhBinh: string; ninhBinhPath: string; communes: string[]; hanoi: string; retired: string; successor: string };
const TODAY = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const hanoi = await unitByCode(t.db, 'province', '01');
  const communes = await t.db.selectFrom('units').select('id').where('parent_id', '=', ninhBinh.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(8).execute();
  // A commune retired in 2025 whose records count under a commune in force of Ninh Bình.
  const { rows } = await sql<{ id: string; current_id: string }>`
    select id::text, current_id::text from units
    where valid_to is not null and kind = 'commune' and current_path <@ ${ninhBinh.path}::ltree and current_id <> id and nlevel(current_path) = ${ninhBinh.path.split('.').length + 1}
    order by id limit 1`.execute(t.db);
  ids = { ninhBinh: ninhBinh.id, ninhBinhPath: ninhBinh.path, communes: communes.map((c) => c.id), hanoi: hanoi.id, retired: rows[0]!.id, successor: rows[0]!.current_id };
  const users: [string, string, 'editor' | 'viewer'][] = [
    ['sr.ninhbinh.editor', ninhBinh.id, 'editor'],
    ['sr.ninhbinh.viewer', ninhBinh.id, 'viewer'],
    ['sr.hanoi.editor', hanoi.id, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
}, 180_000);

const editor = () => cookies['ninhbinh.editor'];

async function counts() {
  const { rows } = await sql<{ reports: number; items: number; counts: number; audit: number }>`
    select (select count(*)::int from situation_reports) as reports, (select count(*)::int from situation_items) as items,
           (select coalesce(sum(n), 0)::int from situation_topic_counts) as counts, (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

const item = (over: Record<string, unknown> = {}) => ({
  topic: 'land',
  groups: ['farmers', 'elderly'],
  mood: 'concerned',
  summary: 'Một số hộ dân có băn khoăn về giá bồi thường đất nông nghiệp khi mở rộng tuyến đường',
  proposals: 'Đề nghị công khai phương án bồi thường, hỗ trợ',
  sources: 'Qua sinh hoạt chi hội, tổ dân vận',
  ...over,
});

const create = (body: Record<string, unknown> = {}, cookie = editor()) =>
  t.call('POST', '/api/situation-reports', { cookie, body: { unitId: ids.communes[0], reportedOn: addDaysIso(TODAY, -2), overallMood: 'concerned', items: [item()], ...body } });

describe('catalogues', () => {
  it('lists the ten topics and eleven groups, named in seven languages', async () => {
    const topics = (await t.call('GET', '/api/situation/topics', { cookie: cookies['ninhbinh.viewer'] })).json<SituationCatalogue>();
    const groups = (await t.call('GET', '/api/situation/groups', { cookie: cookies['ninhbinh.viewer'] })).json<SituationCatalogue>();
    expect(topics.items.map((x) => x.code)).toEqual(['land', 'compensation', 'prices', 'policies', 'environment', 'security', 'religion', 'ethnic', 'labour', 'other']);
    expect(groups.items).toHaveLength(11);
    for (const c of [...topics.items, ...groups.items]) expect(Object.keys(c.names).sort()).toEqual(['ar', 'en', 'id', 'pl', 'ru', 'sv', 'vi']);
    expect(topics.items[0]!.names.vi).toBe('Đất đai, giải phóng mặt bằng');
  });
});

describe('ad hoc reports', () => {
  it('drafts, edits at its version and submits; the items then count', async () => {
    const before = await counts();
    const res = await create({ items: [] });
    expect(res.statusCode).toBe(201);
    const draft = res.json<SituationReport>();
    expect(draft).toMatchObject({ kind: 'ad_hoc', status: 'draft', round: null, items: [], can: { edit: true, submit: true } });

    const empty = await t.call('POST', `/api/situation-reports/${draft.id}/submit`, { cookie: editor(), body: { version: draft.version } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ code: 'no_items' }] } });

    const edited = await t.call('PATCH', `/api/situation-reports/${draft.id}`, { cookie: editor(), body: { items: [item(), item({ topic: 'prices', mood: 'stable', groups: ['workers'] })], version: draft.version } });
    expect(edited.statusCode).toBe(200);
    const v2 = edited.json<SituationReport>();
    expect(v2.items.map((i) => [i.topic, i.mood])).toEqual([['land', 'concerned'], ['prices', 'stable']]);
    expect(v2.version).toBe(draft.version + 1);

    const stale = await t.call('PATCH', `/api/situation-reports/${draft.id}`, { cookie: editor(), body: { overallMood: 'tense', version: draft.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT' } });

    const sent = await t.call('POST', `/api/situation-reports/${draft.id}/submit`, { cookie: editor(), body: { version: v2.version } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', submittedOn: TODAY, can: { edit: false, submit: false } });
    const after = await counts();
    expect(after.reports).toBe(before.reports + 1);
    expect(after.counts).toBe(before.counts + 2);

    const again = await t.call('PATCH', `/api/situation-reports/${draft.id}`, { cookie: editor(), body: { overallMood: 'tense', version: v2.version + 1 } });
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
  });

  it('refuses an unknown topic or group, a mood not in the list and a day in the future, writing nothing', async () => {
    const before = await counts();
    const topic = await create({ items: [item(), item({ topic: 'weather' })] });
    expect(topic.statusCode).toBe(400);
    expect(topic.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.items[1].topic', code: 'unknown' }] } });
    const group = await create({ items: [item({ groups: ['farmers', 'pilots'] })] });
    expect(group.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.items[0].groups[1]' }] } });
    const mood = await create({ items: [item({ mood: 'angry' })] });
    expect(mood.statusCode).toBe(400);
    expect(mood.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const future = await create({ reportedOn: addDaysIso(TODAY, 1) });
    expect(future.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.reportedOn', code: 'future' }] } });
    expect(await counts()).toEqual(before);
  });

  it('is written with data.write on the unit and read in scope only', async () => {
    expect((await create({}, cookies['ninhbinh.viewer'])).statusCode).toBe(403);
    const r = (await create()).json<SituationReport>();
    expect((await t.call('GET', `/api/situation-reports/${r.id}`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
    const list = (await t.call('GET', `/api/situation-reports?unitId=${ids.ninhBinh}&topic=land&status=draft`, { cookie: cookies['ninhbinh.viewer'] })).json<SituationReportPage>();
    expect(list.items.map((x) => x.id)).toContain(r.id);
    expect(list.items.every((x) => x.topics.includes('land') && x.status === 'draft')).toBe(true);
    expect(list.total).toBeGreaterThanOrEqual(list.items.length);
  });
});

describe('a round with a situation section', () => {
  it('drafts the situation part with the submission, sends it with it, and takes it back when returned', async () => {
    const unit = ids.communes[1]!;
    const round = await buildRound(t.db, { unitId: ids.ninhBinh, participantIds: [unit], periodFrom: '2026-07-01', periodTo: '2026-09-30', dueOn: addDaysIso(TODAY, 10) });
    await t.db
      .updateTable('report_templates')
      .set({ sections: JSON.stringify([{ key: 'situation', kind: 'situation', title: { vi: 'Tình hình nhân dân' } }, { key: 'results', kind: 'text', title: { vi: 'Kết quả' } }]) })
      .where('id', '=', round.templateId)
      .execute();
    const created = await t.call('POST', `/api/reporting-rounds/${round.id}/submissions`, { cookie: editor(), body: { unitId: unit } });
    expect(created.statusCode).toBe(201);
    const submission = created.json<{ id: string; version: number; situationReportId: string | null }>();
    expect(submission.situationReportId).not.toBeNull();
    const sr = (await t.call('GET', `/api/situation-reports/${submission.situationReportId}`, { cookie: editor() })).json<SituationReport>();
    expect(sr).toMatchObject({ kind: 'regular', status: 'draft', periodFrom: '2026-07-01', periodTo: '2026-09-30', round: { id: round.id, submissionId: submission.id }, can: { edit: true, submit: false } });

    const own = await t.call('POST', `/api/situation-reports/${sr.id}/submit`, { cookie: editor(), body: { version: sr.version } });
    expect(own.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });

    const refused = await t.call('POST', `/api/round-submissions/${submission.id}/submit`, { cookie: editor(), body: { version: submission.version } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ code: 'no_items' }] } });
    const stillPending = await t.db.selectFrom('reporting_rounds').select(['submitted']).where('id', '=', round.id).executeTakeFirstOrThrow();
    expect(stillPending.submitted).toBe(0);

    await t.call('PATCH', `/api/situation-reports/${sr.id}`, { cookie: editor(), body: { overallMood: 'concerned', items: [item({ topic: 'compensation', mood: 'tense' })], version: sr.version } });
    const before = await counts();
    const sent = await t.call('POST', `/api/round-submissions/${submission.id}/submit`, { cookie: editor(), body: { version: submission.version } });
    expect(sent.statusCode).toBe(200);
    const counters = await t.db.selectFrom('reporting_rounds').select(['submitted', 'expected']).where('id', '=', round.id).executeTakeFirstOrThrow();
    expect(counters).toEqual({ submitted: 1, expected: 1 });
    expect((await t.call('GET', `/api/situation-reports/${sr.id}`, { cookie: editor() })).json()).toMatchObject({ status: 'submitted', can: { edit: false } });
    expect((await counts()).counts).toBe(before.counts + 1);

    const sentVersion = sent.json<{ version: number }>().version;
    const returned = await t.call('POST', `/api/round-submissions/${submission.id}/return`, { cookie: editor(), body: { reason: 'Bổ sung nguồn thông tin', version: sentVersion } });
    expect(returned.statusCode).toBe(200);
    expect((await t.call('GET', `/api/situation-reports/${sr.id}`, { cookie: editor() })).json()).toMatchObject({ status: 'draft', can: { edit: true } });
    expect((await counts()).counts).toBe(before.counts);
  });
});

describe('the summary', () => {
  it('counts units by topic × mood against the previous quarter, marks rising topics and rolls a retired commune up to its successor', async () => {
    const [a, b, c, d] = ids.communes.slice(4, 8) as [string, string, string, string];
    // 2025 Q1: one commune concerned about land, environment concerned in three.
    await buildSituationReport(t.db, { unitId: a, reportedOn: '2025-02-10', items: [{ topic: 'land', mood: 'concerned' }, { topic: 'environment', mood: 'concerned' }] });
    await buildSituationReport(t.db, { unitId: b, reportedOn: '2025-03-10', items: [{ topic: 'environment', mood: 'concerned' }] });
    await buildSituationReport(t.db, { unitId: c, reportedOn: '2025-03-31', items: [{ topic: 'environment', mood: 'tense' }] });
    // 2025 Q2: land concerned or tense in four units (the retired commune counts as its successor), environment in two.
    await buildSituationReport(t.db, { unitId: a, reportedOn: '2025-04-02', items: [{ topic: 'land', mood: 'tense', proposals: 'Đề nghị đối thoại với các hộ dân' }] });
    await buildSituationReport(t.db, { unitId: a, reportedOn: '2025-05-02', items: [{ topic: 'land', mood: 'concerned' }] });
    await buildSituationReport(t.db, { unitId: b, reportedOn: '2025-05-15', items: [{ topic: 'land', mood: 'concerned' }, { topic: 'environment', mood: 'tense' }] });
    await buildSituationReport(t.db, { unitId: d, reportedOn: '2025-06-30', items: [{ topic: 'land', mood: 'tense' }, { topic: 'prices', mood: 'stable' }] });
    await buildSituationReport(t.db, { unitId: ids.retired, reportedOn: '2025-06-01', items: [{ topic: 'land', mood: 'concerned' }, { topic: 'environment', mood: 'stable' }] });
    await buildSituationReport(t.db, { unitId: ids.successor, reportedOn: '2025-06-02', items: [{ topic: 'land', mood: 'concerned' }] });
    await buildSituationReport(t.db, { unitId: c, reportedOn: '2025-06-03', items: [{ topic: 'environment', mood: 'concerned' }] });
    // A draft and a report of another province do not count.
    await buildSituationReport(t.db, { unitId: c, reportedOn: '2025-06-03', status: 'draft', items: [{ topic: 'land', mood: 'tense' }] });
    const hanoiCommune = await t.db.selectFrom('units').select('id').where('parent_id', '=', ids.hanoi).where('kind', '=', 'commune').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    await buildSituationReport(t.db, { unitId: hanoiCommune.id, reportedOn: '2025-05-03', items: [{ topic: 'land', mood: 'tense' }] });

    const res = await t.call('GET', `/api/situation/summary?unitId=${ids.ninhBinh}&year=2025&quarter=2`, { cookie: cookies['ninhbinh.viewer'] });
    expect(res.statusCode).toBe(200);
    const s = res.json<SituationSummary>();
    expect(s.period).toEqual({ from: '2025-04-01', to: '2025-06-30', year: 2025, quarter: 2 });
    expect(s.previous).toMatchObject({ from: '2025-01-01', to: '2025-03-31' });
    expect(s.reportsReceived).toBe(7);
    const land = s.topics.find((x) => x.topic === 'land')!;
    // a (tense and concerned), b, d, successor (with the retired commune) = 4 units; before: a.
    expect(land.current).toEqual({ stable: 0, concerned: 3, tense: 2, troubled: 4 });
    expect(land.previous).toEqual({ stable: 0, concerned: 1, tense: 0, troubled: 1 });
    expect(land.rising).toBe(true);
    const environment = s.topics.find((x) => x.topic === 'environment')!;
    expect(environment.current.troubled).toBe(2);
    expect(environment.previous.troubled).toBe(3);
    expect(environment.rising).toBe(false);
    expect(s.topics.find((x) => x.topic === 'prices')).toMatchObject({ current: { stable: 1, troubled: 0 }, rising: false });
    expect(s.unitsReporting).toBe(5);
    expect(s.children.map((ch) => ch.unit.id).sort()).toEqual([a, b, c, d, ids.successor].sort());
    expect(s.children.find((ch) => ch.unit.id === ids.successor)).toMatchObject({ unitsReporting: 1, troubledTopics: ['land'] });
    expect(s.proposals[0]).toMatchObject({ unit: { id: a }, topic: 'land', mood: 'tense', text: 'Đề nghị đối thoại với các hộ dân' });

    expect((await t.call('GET', `/api/situation/summary?unitId=${ids.ninhBinh}&year=2025&quarter=2`, { cookie: cookies['hanoi.editor'] })).statusCode).toBe(404);
  });

  it('gives the quarterly summary as a Party DOCX that names the rising topic, the units and the proposals, and opens in LibreOffice', async () => {
    // The quarter's hotspots (section IV): an open case is listed; a confidential one is neither
    // counted nor listed for a reader who may not open it, and never listed for one who may.
    await buildHotspot(t.db, { unitId: ids.communes[0]!, title: 'Các hộ dân tụ tập phản đối giá bồi thường đường tỉnh', occurredAt: new Date('2025-05-12T02:00:00Z') });
    await buildHotspot(t.db, { unitId: ids.communes[1]!, title: 'Vụ việc mật về đất tôn giáo', confidential: true, occurredAt: new Date('2025-05-20T02:00:00Z') });
    const admin = await buildUser(t.db, { username: 'sr.sysadmin', grants: [{ unitId: (await rootUnit(t.db)).id, role: 'system_admin' }] });
    const adminDoc = await t.call('GET', `/api/situation/summary/document?unitId=${ids.ninhBinh}&year=2025&quarter=2`, { cookie: await t.login(admin.username) });
    const adminText = paragraphTexts(await zipPart(adminDoc.rawPayload, 'word/document.xml')).join('\n');
    expect(adminText).toContain('Trong quý II/2025, phát sinh 2 vụ việc phức tạp, điểm nóng');
    expect(adminText).toContain('Các hộ dân tụ tập phản đối giá bồi thường đường tỉnh');
    expect(adminText).not.toContain('Vụ việc mật về đất tôn giáo');

    const res = await t.call('GET', `/api/situation/summary/document?unitId=${ids.ninhBinh}&year=2025&quarter=2`, { cookie: cookies['ninhbinh.viewer'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="tinh-hinh-nhan-dan-${ids.ninhBinh}-2025-q2.docx"`);
    const text = paragraphTexts(await zipPart(res.rawPayload, 'word/document.xml'));
    const all = text.join('\n');
    expect(text).toContain('tình hình nhân dân quý II/2025');
    expect(all).toContain('BAN TUYÊN GIÁO VÀ DÂN VẬN');
    expect(all).toContain('đã nhận 7 báo cáo tình hình nhân dân của 5 đơn vị');
    expect(all).toContain('Vấn đề dư luận tăng so với quý I/2025: đất đai, giải phóng mặt bằng (4 đơn vị có băn khoăn hoặc bức xúc, quý I/2025: 1)');
    expect(all).toContain('Đề nghị đối thoại với các hộ dân');
    expect(text).toContain('IV. ĐIỂM NÓNG, VỤ VIỆC PHỨC TẠP');
    expect(all).toContain('Trong quý II/2025, phát sinh 1 vụ việc phức tạp, điểm nóng; đã kết thúc 0 vụ; 0 vụ phải báo cáo vượt cấp. Đến cuối quý II/2025, còn 1 vụ việc chưa kết thúc.');
    expect(all).toContain('Các hộ dân tụ tập phản đối giá bồi thường đường tỉnh');
    expect(all).not.toContain('Vụ việc mật');
    expect(text).toContain('V. KIẾN NGHỊ, ĐỀ XUẤT CỦA NHÂN DÂN');
    if (office) {
      const back = await readBackDocx(res.rawPayload);
      expect(back.pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (back.text !== undefined) expect(folded(back.text)).toContain('TÌNH HÌNH NHÂN DÂN THEO VẤN ĐỀ DƯ LUẬN');
    }
  }, 180_000);
});

describe('the demo', () => {
  it("loads Ninh Bình's two quarterly situation rounds once, with land the one rising topic of the last quarter", async () => {
    const communes = Number((await sql<{ n: string }>`select count(*) as n from units where parent_id = ${ids.ninhBinh} and kind = 'commune' and valid_to is null`.execute(t.db)).rows[0]!.n);
    const first = await loadDemoSituation(t.db, t.app.ctx, TODAY);
    expect(first.situationReports).toBe(communes * 2 - 2 + 1);
    const before = await counts();
    expect(await loadDemoSituation(t.db, t.app.ctx, TODAY)).toEqual({ situationReports: 0 });
    expect(await counts()).toEqual(before);
    const y = Number(TODAY.slice(0, 4));
    const q = Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) + 1;
    const [year, quarter] = q === 1 ? [y - 1, 4] : [y, q - 1];
    const s = (await t.call('GET', `/api/situation/summary?unitId=${ids.ninhBinh}&year=${year}&quarter=${quarter}`, { cookie: cookies['ninhbinh.viewer'] })).json<SituationSummary>();
    expect(s.topics.filter((x) => x.rising).map((x) => x.topic)).toEqual(['land']);
    expect(s.topics.find((x) => x.topic === 'land')).toMatchObject({ current: { concerned: 5, tense: 4, troubled: 9 }, previous: { troubled: 2 } });
    expect(s.topics.find((x) => x.topic === 'prices')!.current.stable).toBe(communes - 2);
    expect(s.reportsReceived).toBe(communes - 2 + 1);

    // The report engine's block for the same quarter: the same counts, its sentence, table and sheet.
    const report = await buildReport(t.app.ctx, { unitId: ids.ninhBinh, period: 'quarter', year, quarter });
    expect(report.situation).toMatchObject({ reportsReceived: communes - 2 + 1, unitsReporting: s.unitsReporting, moods: s.moods });
    expect(report.situation!.rising.map((r) => [r.topic, r.current, r.previous])).toEqual([['land', 9, 2]]);
    const sentence = reportNarrative(report).find((x) => x.startsWith('Nắm tình hình nhân dân'));
    expect(sentence).toContain('vấn đề dư luận tăng so với kỳ trước: đất đai, giải phóng mặt bằng');
    expect(situationBlocks(report)[1]).toMatchObject({ type: 'table', rows: expect.arrayContaining([['Tăng: Đất đai, giải phóng mặt bằng', '9 (kỳ trước 2)']]) });
    expect(situationSheet(report, 'quý')!.rows).toContainEqual(['Vấn đề tăng: Đất đai, giải phóng mặt bằng', 9, 2]);
  }, 180_000);
});

describe("the report's answer", () => {
  it('changes its ETag when a situation report of the area is submitted (the block would be stale behind a 304)', async () => {
    const url = `/api/reports?unitId=${ids.ninhBinh}&period=year&year=${TODAY.slice(0, 4)}`;
    const first = await t.call('GET', url, { cookie: cookies['ninhbinh.viewer'] });
    expect(first.statusCode).toBe(200);
    const draft = (await create({ unitId: ids.communes[3], reportedOn: TODAY })).json<SituationReport>();
    const unchanged = await t.call('GET', url, { cookie: cookies['ninhbinh.viewer'], headers: { 'if-none-match': String(first.headers.etag) } });
    expect(unchanged.statusCode).toBe(304);
    await t.call('POST', `/api/situation-reports/${draft.id}/submit`, { cookie: editor(), body: { version: draft.version } });
    const after = await t.call('GET', url, { cookie: cookies['ninhbinh.viewer'], headers: { 'if-none-match': String(first.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.json<{ situation: { reportsReceived: number } }>().situation.reportsReceived).toBe(first.json<{ situation: { reportsReceived: number } }>().situation.reportsReceived + 1);
  });
});
