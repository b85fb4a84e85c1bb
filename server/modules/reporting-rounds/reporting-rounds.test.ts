import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParticipantPage, ReportTemplate, RoundDetail, RoundPage, Submission } from '../../../common/reporting-rounds.js';
import type { Actor } from '../../http/access.js';
import { buildUnit, buildUser, rootUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { SAMPLE_SECTIONS } from './reporting-rounds.factories.js';
import { submitSubmission } from './round-submissions.service.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let ids: { root: string; hanoi: string; ninhBinh: string; baDinh: string; ninhBinhCommune: string };
let hanoiCommunes: { id: string; path: string }[];
let template: ReportTemplate;

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const hanoi = await unitByCode(t.db, 'province', '01');
  const ninhBinh = await unitByCode(t.db, 'province', '37');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ninhBinhCommune = await t.db.selectFrom('units').select('id').where('kind', '=', 'commune').where('valid_to', 'is', null).where(sql<boolean>`path <@ ${ninhBinh.path}::ltree`).orderBy('code').executeTakeFirstOrThrow();
  ids = { root: root.id, hanoi: hanoi.id, ninhBinh: ninhBinh.id, baDinh: baDinh.id, ninhBinhCommune: ninhBinhCommune.id };
  hanoiCommunes = await t.db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null)
    .where(sql<boolean>`path <@ ${hanoi.path}::ltree`)
    .orderBy('code')
    .execute();
  const users: [string, string, 'system_admin' | 'editor' | 'viewer'][] = [
    ['rr.admin', root.id, 'system_admin'],
    ['rr.hanoi.editor', hanoi.id, 'editor'],
    ['rr.hanoi.viewer', hanoi.id, 'viewer'],
    ['rr.badinh.editor', baDinh.id, 'editor'],
    ['rr.badinh.viewer', baDinh.id, 'viewer'],
    ['rr.ninhbinh.editor', ninhBinh.id, 'editor'],
  ];
  for (const [username, unitId, role] of users) {
    await buildUser(t.db, { username, grants: [{ unitId, role }] });
    cookies[username.slice(3)] = await t.login(username);
  }
  const res = await t.call('POST', '/api/report-templates', { cookie: cookies['hanoi.editor'], body: { unitId: ids.hanoi, name: 'Báo cáo quý về công tác dân vận', sections: SAMPLE_SECTIONS } });
  if (res.statusCode !== 201) throw new Error(res.body);
  template = res.json();
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

async function counts() {
  const { rows } = await sql<{ rounds: number; participants: number; submissions: number; templates: number; schedules: number; audit: number; versions: number; submissionVersions: number }>`
    select (select count(*)::int from reporting_rounds) as rounds,
           (select count(*)::int from round_participants) as participants,
           (select count(*)::int from round_submissions) as submissions,
           (select count(*)::int from report_templates) as templates,
           (select count(*)::int from reporting_schedules) as schedules,
           (select coalesce(sum(version), 0)::int from reporting_rounds) as versions,
           (select coalesce(sum(version), 0)::int from round_submissions) as "submissionVersions",
           (select count(*)::int from audit_log) as audit`.execute(t.db);
  return rows[0]!;
}

/** The counters as the participants say they should be: the trigger's work checked by a direct count. */
async function countedDirectly(roundId: string) {
  const { rows } = await sql<{ expected: number; submitted: number; late: number; returned: number; excused: number }>`
    select count(*)::int as expected,
           count(*) filter (where state in ('submitted', 'accepted'))::int as submitted,
           count(*) filter (where state in ('submitted', 'accepted') and submitted_on > due_on)::int as late,
           count(*) filter (where state = 'returned')::int as returned,
           count(*) filter (where state = 'excused')::int as excused
    from round_participants where round_id = ${roundId}`.execute(t.db);
  return rows[0]!;
}

const openRound = (body: Record<string, unknown> = {}, cookie = cookies['hanoi.editor']) =>
  t.call('POST', '/api/reporting-rounds', {
    cookie,
    body: { openingUnitId: ids.hanoi, templateId: template.id, title: 'Báo cáo quý III/2026', periodFrom: '2026-07-01', periodTo: '2026-09-30', dueOn: '2027-01-20', targetKinds: ['commune'], ...body },
  });

const draft = (roundId: string, unitId: string, cookie = cookies['hanoi.editor']) => t.call('POST', `/api/reporting-rounds/${roundId}/submissions`, { cookie, body: { unitId } });
const act = (id: string, action: string, body: Record<string, unknown>, cookie = cookies['hanoi.editor']) => t.call('POST', `/api/round-submissions/${id}/${action}`, { cookie, body });
const roundOf = async (id: string, cookie = cookies['hanoi.editor'], query = '') => (await t.call('GET', `/api/reporting-rounds/${id}${query}`, { cookie })).json<RoundDetail>();

/** The Hà Nội editor as the services see it (for calls made at a chosen moment). */
async function hanoiEditor(): Promise<Actor> {
  const user = await t.db.selectFrom('users').select('id').where('username', '=', 'rr.hanoi.editor').executeTakeFirstOrThrow();
  const hanoi = await t.db.selectFrom('units').select('path').where('id', '=', ids.hanoi).executeTakeFirstOrThrow();
  return { userId: user.id, username: 'rr.hanoi.editor', grants: [{ id: '0', unitId: ids.hanoi, unitPath: hanoi.path, role: 'editor' }], ip: null, requestId: null };
}

describe('templates and schedules', () => {
  it('lists a province template to its communes, audits writes, and refuses one outside the writer\'s units', async () => {
    const list = await t.call('GET', `/api/report-templates?unitId=${ids.baDinh}`, { cookie: cookies['badinh.viewer'] });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: ReportTemplate) => x.id)).toContain(template.id);
    expect(template.sections.map((s) => s.key)).toEqual(['figures', 'results', 'difficulties']);
    const before = await counts();
    const refusals = [
      await t.call('POST', '/api/report-templates', { cookie: cookies['badinh.editor'], body: { unitId: ids.hanoi, name: 'Mẫu', sections: SAMPLE_SECTIONS } }),
      await t.call('POST', '/api/report-templates', { cookie: cookies['hanoi.editor'], body: { unitId: ids.hanoi, name: 'Mẫu', sections: [SAMPLE_SECTIONS[1], SAMPLE_SECTIONS[1]] } }),
      await t.call('POST', '/api/report-templates', { cookie: cookies['hanoi.editor'], body: { unitId: ids.hanoi, name: 'Mẫu', sections: [{ key: 'x', kind: 'text', title: { en: 'No Vietnamese' } }] } }),
    ];
    // A commune's editor does not read its province as a unit of its own: not found.
    expect(refusals.map((r) => r.statusCode)).toEqual([404, 400, 400]);
    expect(await counts()).toEqual(before);
  });

  it('stores a schedule and gives its next period, shifted off weekends, holidays and decreed days off', async () => {
    const before = await counts();
    const res = await t.call('POST', '/api/reporting-schedules', {
      cookie: cookies['hanoi.editor'],
      body: { unitId: ids.hanoi, name: 'Báo cáo quý', periodKind: 'quarter', dueOffsetDays: 3, templateId: template.id, targetKinds: ['commune'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ periodKind: 'quarter', cutoffDay: null, shiftToWorkingDay: true, remindDaysBefore: [7, 1], targetKinds: ['commune'] });
    expect((await counts()).audit).toBe(before.audit + 1);
    const id = res.json().id;
    const next = async (after: string, cookie = cookies['badinh.viewer']) => (await t.call('GET', `/api/reporting-schedules/${id}/next?after=${after}`, { cookie })).json();
    expect(await next('2026-10-01')).toMatchObject({ periodFrom: '2026-07-01', periodTo: '2026-09-30', unshiftedDueOn: '2026-10-03', dueOn: '2026-10-05', suggestedTitle: 'Báo cáo quý III/2026' });
    const decree = await t.call('PUT', '/api/holidays/2026-10-05', { cookie: cookies.admin, body: { kind: 'day_off', note: 'Quyết định của Thủ tướng Chính phủ' } });
    expect(decree.statusCode, decree.body).toBe(204);
    expect((await next('2026-10-01')).dueOn).toBe('2026-10-06');
    expect((await t.call('GET', `/api/reporting-schedules/${id}/next?after=2026-10-01`, { cookie: cookies['ninhbinh.editor'] })).statusCode).toBe(404);

    const refusals = [
      // A template of another province is not one Hà Nội may use.
      await t.call('POST', '/api/reporting-schedules', {
        cookie: cookies['ninhbinh.editor'],
        body: { unitId: ids.ninhBinh, name: 'Lịch', periodKind: 'quarter', dueOffsetDays: 3, templateId: template.id, targetKinds: ['commune'] },
      }),
      await t.call('POST', '/api/reporting-schedules', {
        cookie: cookies['hanoi.editor'],
        body: { unitId: ids.hanoi, name: 'Lịch', periodKind: 'quarter', dueOffsetDays: 3, templateId: template.id, targetKinds: ['hamlet'] },
      }),
      await t.call('POST', '/api/reporting-schedules', {
        cookie: cookies['hanoi.editor'],
        // A week runs Monday to Sunday: no cut-off day.
        body: { unitId: ids.hanoi, name: 'Lịch', periodKind: 'week', cutoffDay: 14, dueOffsetDays: 3, templateId: template.id, targetKinds: ['commune'] },
      }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(refusals.map((r) => r.json().error.details[0].path)).toEqual(['body.templateId', 'body.targetKinds.0', 'body.cutoffDay']);

    // The weekly situation report: Monday to Sunday, due the Tuesday after.
    const weekly = await t.call('POST', '/api/reporting-schedules', {
      cookie: cookies['hanoi.editor'],
      body: { unitId: ids.hanoi, name: 'Báo cáo tình hình nhân dân hằng tuần', periodKind: 'week', dueOffsetDays: 2, templateId: template.id, targetKinds: ['commune'] },
    });
    expect(weekly.statusCode, weekly.body).toBe(201);
    const week = (await t.call('GET', `/api/reporting-schedules/${weekly.json().id}/next?after=2026-12-08`, { cookie: cookies['badinh.viewer'] })).json();
    expect(week).toMatchObject({ periodFrom: '2026-11-30', periodTo: '2026-12-06', dueOn: '2026-12-08', suggestedTitle: 'Báo cáo tuần từ ngày 30/11 đến ngày 06/12/2026' });
  });
});

describe('opening a round', () => {
  it('makes every commune in force under the province a participant, in one transaction, with the counters', async () => {
    const before = await counts();
    const res = await openRound();
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json<RoundDetail>();
    expect(round.counters).toEqual({ expected: hanoiCommunes.length, submitted: 0, late: 0, returned: 0, excused: 0 });
    expect(round.completeness.totals).toMatchObject({ expected: hanoiCommunes.length, missing: hanoiCommunes.length, missingOverdue: 0, onTime: 0 });
    // Hà Nội's communes are its children: one row each.
    expect(round.completeness.children).toHaveLength(hanoiCommunes.length);
    expect(round.can).toEqual({ manage: true, close: true, reopen: false });
    const after = await counts();
    expect(after.rounds).toBe(before.rounds + 1);
    expect(after.participants).toBe(before.participants + hanoiCommunes.length);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('counts the country by province, from the root', async () => {
    const central = await t.call('POST', '/api/report-templates', { cookie: cookies.admin, body: { unitId: ids.root, name: 'Báo cáo năm', sections: SAMPLE_SECTIONS } });
    const res = await openRound({ openingUnitId: ids.root, templateId: central.json().id, title: 'Báo cáo năm 2026' }, cookies.admin);
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json<RoundDetail>();
    const { n } = (await sql<{ n: number }>`select count(*)::int as n from units where kind = 'commune' and valid_to is null`.execute(t.db)).rows[0]!;
    expect(round.counters.expected).toBe(n);
    expect(round.completeness.children.reduce((s, c) => s + c.expected, 0)).toBe(n);
    expect(round.completeness.children.every((c) => c.unit.kind === 'province')).toBe(true);
    const hanoiRow = round.completeness.children.find((c) => c.unit.id === ids.hanoi)!;
    expect(hanoiRow.expected).toBe(hanoiCommunes.length);
  });

  it('refuses bad input before writing anything', async () => {
    const before = await counts();
    const ninhBinhTemplate = await t.call('POST', '/api/report-templates', { cookie: cookies['ninhbinh.editor'], body: { unitId: ids.ninhBinh, name: 'Mẫu Ninh Bình', sections: SAMPLE_SECTIONS } });
    const afterTemplate = await counts();
    expect(afterTemplate.templates).toBe(before.templates + 1);
    const refusals = [
      await openRound({ dueOn: '2026-06-30' }),
      await openRound({ periodFrom: '2026-01-01', periodTo: '2027-03-31' }),
      await openRound({ targetKinds: ['district'] }),
      await openRound({ targetKinds: ['hamlet'] }),
      await openRound({ templateId: ninhBinhTemplate.json().id }),
      await openRound({}, cookies['badinh.editor']),
      await openRound({ periodTo: '2026-06-30' }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'INVALID_RANGE'],
      [400, 'INVALID_RANGE'],
      // No district is in force after 1 July 2025: a round nobody answers is refused.
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [404, 'NOT_FOUND'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(refusals[0]!.json().error.details[0].path).toBe('body.dueOn');
    expect(await counts()).toEqual(afterTemplate);
  });
});

describe('submissions', () => {
  let round: RoundDetail;
  beforeAll(async () => {
    round = (await openRound({ title: 'Báo cáo quý III/2026 — nộp' })).json();
  });

  it('drafts with the figures of the unit over the period; a second one is ALREADY_EXISTS with the first id', async () => {
    const before = await counts();
    const res = await draft(round.id, ids.baDinh, cookies['badinh.editor']);
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<Submission>();
    expect(s).toMatchObject({ status: 'draft', unit: { id: ids.baDinh }, dueOn: '2027-01-20', late: false, can: { edit: true, submit: true, review: false } });
    expect(s.figures).toMatchObject({ unit: { id: ids.baDinh }, range: { from: '2026-07-01', to: '2026-09-30' } });
    expect(s.template.id).toBe(template.id);
    const mid = await counts();
    expect(mid.submissions).toBe(before.submissions + 1);
    expect(mid.audit).toBe(before.audit + 1);

    const again = await draft(round.id, ids.baDinh, cookies['badinh.editor']);
    expect([again.statusCode, again.json().error.code, again.json().error.details]).toEqual([409, 'ALREADY_EXISTS', { submissionId: s.id }]);
    const outside = await draft(round.id, ids.ninhBinhCommune, cookies.admin);
    expect([outside.statusCode, outside.json().error.code]).toEqual([400, 'UNIT_OUTSIDE_SUBTREE']);
    const stranger = await draft(round.id, ids.baDinh, cookies['ninhbinh.editor']);
    expect(stranger.statusCode).toBe(404);
    expect(await counts()).toEqual(mid);
    expect((await roundOf(round.id)).completeness.totals.missing).toBe(hanoiCommunes.length);
  });

  it('edits text sections by key, refuses a key the template has not, and submits once', async () => {
    const id = (await roundOf(round.id, cookies['badinh.viewer'], `?unitId=${ids.baDinh}`)).own!.submissionId!;
    const edited = await t.call('PATCH', `/api/round-submissions/${id}`, {
      cookie: cookies['badinh.editor'],
      body: { narrative: 'Phường đã tổ chức 12 buổi tiếp xúc cử tri.', sections: { results: 'Hoàn thành 8/10 nhiệm vụ.' }, version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ sections: { results: 'Hoàn thành 8/10 nhiệm vụ.' }, version: 2 });
    const before = await counts();
    const refusals = [
      await t.call('PATCH', `/api/round-submissions/${id}`, { cookie: cookies['badinh.editor'], body: { sections: { figures: 'not a text section' }, version: 2 } }),
      await t.call('PATCH', `/api/round-submissions/${id}`, { cookie: cookies['badinh.editor'], body: { narrative: 'stale', version: 1 } }),
      await t.call('PATCH', `/api/round-submissions/${id}`, { cookie: cookies['badinh.viewer'], body: { narrative: 'viewer', version: 2 } }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [409, 'CONFLICT'],
      [403, 'FORBIDDEN'],
    ]);
    expect(refusals[1]!.json().error.details).toEqual({ currentVersion: 2 });
    expect(await counts()).toEqual(before);

    const submitted = await act(id, 'submit', { version: 2 }, cookies['badinh.editor']);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false, can: { edit: false, submit: false } });
    const twice = await act(id, 'submit', { version: 3 }, cookies['badinh.editor']);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const r = await roundOf(round.id);
    expect(r.counters).toMatchObject({ submitted: 1, late: 0 });
    expect(r.completeness.totals).toMatchObject({ onTime: 1, missing: hanoiCommunes.length - 1 });
    expect(r.counters).toMatchObject(await countedDirectly(round.id));
  });

  it("shows the children's narratives to the opening unit's readers only", async () => {
    const fromProvince = (await t.call('GET', `/api/reporting-rounds/${round.id}/participants?state=submitted`, { cookie: cookies['hanoi.viewer'] })).json<ParticipantPage>();
    expect(fromProvince.items).toHaveLength(1);
    expect(fromProvince.items[0]).toMatchObject({ unit: { id: ids.baDinh }, narrative: 'Phường đã tổ chức 12 buổi tiếp xúc cử tri.', late: false, parent: { id: ids.hanoi } });
    const fromCommune = await t.call('GET', `/api/reporting-rounds/${round.id}/participants?unitId=${ids.baDinh}`, { cookie: cookies['badinh.viewer'] });
    expect(fromCommune.statusCode).toBe(200);
    expect(fromCommune.json<ParticipantPage>().items).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: ids.baDinh }), narrative: null, can: { submit: false } })]);
    // Without its own unit, the commune asks for the province's view, which it does not read.
    expect((await t.call('GET', `/api/reporting-rounds/${round.id}`, { cookie: cookies['badinh.viewer'] })).statusCode).toBe(404);
    const list = (await t.call('GET', `/api/reporting-rounds?unitId=${ids.baDinh}`, { cookie: cookies['badinh.viewer'] })).json<RoundPage>();
    expect(list.items.find((x) => x.id === round.id)?.own).toMatchObject({ state: 'submitted' });
  });

  it('is returned with a reason and accepted by the opening unit, not by the commune', async () => {
    const id = (await roundOf(round.id, cookies['badinh.viewer'], `?unitId=${ids.baDinh}`)).own!.submissionId!;
    const byCommune = await act(id, 'return', { reason: 'Tự trả', version: 3 }, cookies['badinh.editor']);
    expect(byCommune.statusCode).toBe(403);
    const returned = await act(id, 'return', { reason: 'Bổ sung số liệu tiếp xúc cử tri', version: 3 });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung số liệu tiếp xúc cử tri' });
    expect((await roundOf(round.id)).counters).toMatchObject({ submitted: 0, returned: 1 });
    const resubmitted = await act(id, 'submit', { version: 4 }, cookies['badinh.editor']);
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const accepted = await act(id, 'accept', { version: 5 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', can: { review: false } });
    const acceptedTwice = await act(id, 'accept', { version: 6 });
    expect([acceptedTwice.statusCode, acceptedTwice.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const r = await roundOf(round.id);
    expect(r.counters).toMatchObject({ submitted: 1, returned: 0 });
    expect(r.counters).toMatchObject(await countedDirectly(round.id));
    const actions = await t.db.selectFrom('audit_log').select('action').where('record_type', '=', 'round_submission').where('record_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'round_submission.create',
      'round_submission.update',
      'round_submission.submit',
      'round_submission.return',
      'round_submission.submit',
      'round_submission.accept',
    ]);
  });

  it('gives one of two concurrent edits and CONFLICT to the other', async () => {
    const s = (await draft(round.id, hanoiCommunes.find((c) => c.id !== ids.baDinh)!.id)).json<Submission>();
    const [a, b] = await Promise.all([
      t.call('PATCH', `/api/round-submissions/${s.id}`, { cookie: cookies['hanoi.editor'], body: { narrative: 'Bản A', version: 1 } }),
      t.call('PATCH', `/api/round-submissions/${s.id}`, { cookie: cookies['hanoi.editor'], body: { narrative: 'Bản B', version: 1 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const r = (await roundOf(round.id)).version;
    const [c, d] = await Promise.all([
      t.call('PATCH', `/api/reporting-rounds/${round.id}`, { cookie: cookies['hanoi.editor'], body: { title: 'Tên C', version: r } }),
      t.call('PATCH', `/api/reporting-rounds/${round.id}`, { cookie: cookies['hanoi.editor'], body: { title: 'Tên D', version: r } }),
    ]);
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 409]);
  });
});

describe('late and on time', () => {
  it('compares the Viet Nam day of submission with the due day, which an extension moves', async () => {
    const round = (await openRound({ title: 'Báo cáo tháng 10/2026', dueOn: '2026-11-20' })).json<RoundDetail>();
    const [onTime, late, extended] = hanoiCommunes.slice(0, 3);
    const drafts = [];
    for (const c of [onTime!, late!, extended!]) drafts.push((await draft(round.id, c.id)).json<Submission>());
    const ext = await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${extended!.id}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2026-11-21' } });
    expect(ext.statusCode, ext.body).toBe(200);
    const actor = await hanoiEditor();
    // 16:59:59 UTC is 23:59:59 in Viet Nam, still the due day; 17:00 UTC is the next day.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T16:59:59Z') });
    await submitSubmission(t.ctx, actor, drafts[0]!.id, 1);
    vi.setSystemTime(new Date('2026-11-20T17:00:00Z'));
    await submitSubmission(t.ctx, actor, drafts[1]!.id, 1);
    await submitSubmission(t.ctx, actor, drafts[2]!.id, 1);
    vi.useRealTimers();
    const days = await t.db.selectFrom('round_participants').select(['unit_id', 'submitted_on', 'due_on']).where('round_id', '=', round.id).where('state', '=', 'submitted').orderBy('unit_id').execute();
    expect(Object.fromEntries(days.map((d) => [d.unit_id, [d.submitted_on, d.due_on]]))).toEqual({
      [onTime!.id]: ['2026-11-20', '2026-11-20'],
      [late!.id]: ['2026-11-21', '2026-11-20'],
      [extended!.id]: ['2026-11-21', '2026-11-21'],
    });
    const r = await roundOf(round.id);
    expect(r.counters).toMatchObject({ submitted: 3, late: 1 });
    expect(r.completeness.totals).toMatchObject({ onTime: 2, late: 1 });
    const lateList = (await t.call('GET', `/api/reporting-rounds/${round.id}/participants?completeness=late`, { cookie: cookies['hanoi.viewer'] })).json<ParticipantPage>();
    expect(lateList.items.map((p) => p.unit.id)).toEqual([late!.id]);
    const extendedRow = (await t.call('GET', `/api/reporting-rounds/${round.id}/participants?unitId=${extended!.id}`, { cookie: cookies['hanoi.viewer'] })).json<ParticipantPage>().items[0]!;
    expect(extendedRow).toMatchObject({ extended: true, late: false, dueOn: '2026-11-21' });

    // Moving the round's due day moves the others, not the extension; the late one is now on time.
    const moved = await t.call('PATCH', `/api/reporting-rounds/${round.id}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2026-11-25', version: r.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<RoundDetail>().counters).toMatchObject({ late: 0 });
    const dues = await t.db.selectFrom('round_participants').select(['unit_id', 'due_on']).where('round_id', '=', round.id).where('unit_id', 'in', [late!.id, extended!.id]).execute();
    expect(Object.fromEntries(dues.map((d) => [d.unit_id, d.due_on]))).toEqual({ [late!.id]: '2026-11-25', [extended!.id]: '2026-11-21' });
    expect(moved.json<RoundDetail>().counters).toMatchObject(await countedDirectly(round.id));
  });

  it('counts a missing unit as overdue once its due day has passed', async () => {
    const round = (await openRound({ title: 'Báo cáo quý II/2026', periodFrom: '2026-04-01', periodTo: '2026-06-30', dueOn: '2026-07-10' })).json<RoundDetail>();
    expect(round.completeness.totals).toMatchObject({ missing: hanoiCommunes.length, missingOverdue: hanoiCommunes.length });
    const overdue = (await t.call('GET', `/api/reporting-rounds/${round.id}/participants?late=true&limit=1`, { cookie: cookies['hanoi.viewer'] })).json<ParticipantPage>();
    expect(overdue.total).toBe(hanoiCommunes.length);
  });
});

describe('closing', () => {
  it('refuses to close while units are pending, changing nothing; excused units let it close', async () => {
    const round = (await openRound({ title: 'Báo cáo chuyên đề' })).json<RoundDetail>();
    const s = (await draft(round.id, ids.baDinh)).json<Submission>();
    await act(s.id, 'submit', { version: 1 });
    const before = await counts();
    const refused = await t.call('POST', `/api/reporting-rounds/${round.id}/close`, { cookie: cookies['hanoi.editor'], body: { version: round.version } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'ROUND_HAS_PENDING']);
    const details = refused.json().error.details;
    expect(details.pending).toBe(hanoiCommunes.length - 1);
    expect(details.sample).toHaveLength(Math.min(20, hanoiCommunes.length - 1));
    expect(details.sample).not.toContain(ids.baDinh);
    expect(await counts()).toEqual(before);
    expect((await roundOf(round.id)).status).toBe('open');

    for (const c of hanoiCommunes.filter((x) => x.id !== ids.baDinh)) {
      const res = await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${c.id}`, { cookie: cookies['hanoi.editor'], body: { excused: true } });
      if (res.statusCode !== 200) throw new Error(res.body);
    }
    const excusedSubmitted = await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${ids.baDinh}`, { cookie: cookies['hanoi.editor'], body: { excused: true } });
    expect([excusedSubmitted.statusCode, excusedSubmitted.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const ready = await roundOf(round.id);
    expect(ready.counters).toMatchObject({ excused: hanoiCommunes.length - 1, submitted: 1 });
    expect(ready.completeness.totals).toMatchObject({ excused: hanoiCommunes.length - 1, missing: 0 });
    expect(ready.counters).toMatchObject(await countedDirectly(round.id));
    const closed = await t.call('POST', `/api/reporting-rounds/${round.id}/close`, { cookie: cookies['hanoi.editor'], body: { version: ready.version } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', can: { close: false, reopen: true } });

    // A closed round takes no submission, no extension and no return; the opening unit may still accept.
    const late = await draft(round.id, hanoiCommunes.find((x) => x.id !== ids.baDinh)!.id);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const returned = await act(s.id, 'return', { reason: 'Muộn', version: 2 });
    expect([returned.statusCode, returned.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const accepted = await act(s.id, 'accept', { version: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const reopened = await t.call('POST', `/api/reporting-rounds/${round.id}/reopen`, { cookie: cookies['hanoi.editor'], body: { version: ready.version + 1 } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().status).toBe('open');
  });

  it('refuses to submit a draft once the round is closed', async () => {
    const round = (await openRound({ title: 'Báo cáo đột xuất' })).json<RoundDetail>();
    const s = (await draft(round.id, ids.baDinh)).json<Submission>();
    await t.db.updateTable('reporting_rounds').set({ status: 'closed', closed_at: new Date() }).where('id', '=', round.id).execute();
    const before = await counts();
    const res = await act(s.id, 'submit', { version: 1 }, cookies['badinh.editor']);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await counts()).toEqual(before);
  });
});

describe('participants added by hand', () => {
  it('adds a unit created after the opening, and refuses one outside the subtree', async () => {
    const round = (await openRound({ title: 'Báo cáo quý IV/2026', periodFrom: '2026-10-01', periodTo: '2026-12-31', dueOn: '2027-01-10' })).json<RoundDetail>();
    const created = await buildUnit(t.db, { parentId: ids.hanoi, kind: 'commune', name: 'Phường mới thành lập' });
    const added = await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${created.id}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2027-01-15' } });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json<RoundDetail>().counters.expected).toBe(hanoiCommunes.length + 1);
    expect(added.json<RoundDetail>().counters).toMatchObject(await countedDirectly(round.id));
    const before = await counts();
    const refusals = [
      await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${ids.ninhBinhCommune}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2027-01-15' } }),
      await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${ids.hanoi}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2027-01-15' } }),
      await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${ids.baDinh}`, { cookie: cookies['hanoi.editor'], body: { dueOn: '2026-09-01' } }),
      await t.call('PUT', `/api/reporting-rounds/${round.id}/participants/${ids.baDinh}`, { cookie: cookies['badinh.editor'], body: { dueOn: '2027-02-01' } }),
    ];
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'UNIT_OUTSIDE_SUBTREE'],
      [400, 'UNIT_OUTSIDE_SUBTREE'],
      [400, 'INVALID_RANGE'],
      [404, 'NOT_FOUND'],
    ]);
    expect(await counts()).toEqual(before);
  });
});
