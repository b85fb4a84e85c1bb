/**
 * The work queue against real data: every count is what its rules say (docs/work-queue.md), and
 * equals the number of rows the list it opens shows — the same rows. An approver can take the step
 * on every entry of "awaiting my approval" (all at once, through the list's "all matching" filter),
 * and an entry the approver reads but may not accept (a retired commune's) stays out.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueSoonUntil } from '../../../common/work-queue.js';
import { buildEntry } from '../entries/entries.factories.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { dueWindow } from '../petitions/petitions.service.js';
import { buildReview, buildTask } from '../reviews/reviews.factories.js';
import { buildPlan, buildTask as buildDocumentTask } from '../tasks/tasks.factories.js';
import { buildReportingSchedule, buildRound, buildSubmission } from '../reporting-rounds/reporting-rounds.factories.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { buildUnit, buildUser, rootUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
type U = { id: string; path: string; current_id: string | null };
const unit = async (where: ReturnType<typeof sql>): Promise<U> => {
  const { rows } = await sql<U>`select id, path::text as path, current_id from units where ${where} order by code limit 1`.execute(t.db);
  if (!rows[0]) throw new Error('no such unit in the official data');
  return rows[0];
};

/** Tuyên Quang (08) took in Hà Giang (02) in 2025; a Hà Giang commune keeps its path under the old province. */
const u: Record<'province' | 'communeA' | 'communeB' | 'org' | 'retired' | 'foreign', { id: string; path: string }> = {} as never;
const users: Record<string, { id: string; cookie: string }> = {};
/** Entry ids by name (see the setting below). */
const e: Record<string, string> = {};
const today = todayInVietnam();
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function entry(name: string, unitId: string, status: 'draft' | 'registered' | 'returned' | 'accepted', opts: { level?: 'province' | 'commune'; year?: number; createdBy?: string } = {}) {
  const row = await buildEntry(t.db, { unitId, status, level: opts.level, year: opts.year, title: `${name} ${status}` });
  if (opts.createdBy) await t.db.updateTable('entries').set({ created_by: opts.createdBy }).where('id', '=', row.id).execute();
  e[name] = row.id;
}

async function session(unitId: string, deadlines: { deadline: string; done?: boolean }[]) {
  const unitRow = await t.db.selectFrom('units').select(['id', 'path']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const s = await t.db
    .insertInto('reception_sessions')
    .values({ kind: 'reception', unit_id: unitRow.id, unit_path: unitRow.path, held_on: '2026-01-10', title: 'Tiếp công dân định kỳ', presiding: 'Bí thư' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of deadlines) {
    await t.db
      .insertInto('reception_commitments')
      .values({ session_id: s.id, description: 'Sửa đường', owner: 'Trưởng thôn', deadline: c.deadline, done_on: c.done ? addDays(today, -1) : null })
      .execute();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const province = await unit(sql`kind = 'province' and code = '08' and valid_to is null`);
  const oldHaGiang = await unit(sql`kind = 'province' and code = '02' and valid_to is not null`);
  const retired = await unit(sql`kind = 'commune' and attribution = 'whole' and path <@ ${oldHaGiang.path}::ltree`);
  const { rows: communes } = await sql<U>`
    select id, path::text as path, current_id from units where kind = 'commune' and valid_to is null and parent_id = ${province.id} order by code limit 2`.execute(t.db);
  const hanoi = await unit(sql`kind = 'province' and code = '01' and valid_to is null`);
  const foreign = await unit(sql`kind = 'commune' and valid_to is null and path <@ ${hanoi.path}::ltree`);
  const org = await buildUnit(t.db, { parentId: communes[0]!.id, kind: 'womens_union', name: 'Hội Liên hiệp Phụ nữ xã thử' });
  Object.assign(u, { province, communeA: communes[0]!, communeB: communes[1]!, org: { id: org.id, path: org.path }, retired, foreign });

  const root = await rootUnit(t.db);
  const accounts: [string, string, 'viewer' | 'editor' | 'approver' | 'unit_admin' | 'system_admin'][] = [
    ['province.approver', province.id, 'approver'],
    ['commune.approver', u.communeA.id, 'approver'],
    ['commune.editor', u.communeA.id, 'editor'],
    ['commune.editor2', u.communeA.id, 'editor'],
    ['province.editor', province.id, 'editor'],
    ['province.viewer', province.id, 'viewer'],
    ['province.admin', province.id, 'unit_admin'],
    ['sys', root.id, 'system_admin'],
  ];
  for (const [username, unitId, role] of accounts) {
    const user = await buildUser(t.db, { username, grants: [{ unitId, role }] });
    users[username] = { id: user.id, cookie: await t.login(username) };
  }

  // Registered: whose acceptance waits for whom.
  await entry('provinceOwn', province.id, 'registered', { level: 'province' });
  await entry('communeA', u.communeA.id, 'registered', { level: 'commune' });
  await entry('communeB', u.communeB.id, 'registered', { level: 'commune' });
  await entry('communeAtProvinceLevel', u.communeA.id, 'registered', { level: 'province' });
  await entry('orgOfA', u.org.id, 'registered', { level: 'commune' });
  await entry('retired', retired.id, 'registered', { level: 'commune', year: 2024 });
  await entry('foreign', foreign.id, 'registered', { level: 'commune' });
  await entry('acceptedA', u.communeA.id, 'accepted', { level: 'commune' });
  // Drafts and returned entries: whose work they are.
  const editor = users['commune.editor']!.id;
  await entry('draftA', u.communeA.id, 'draft', { createdBy: editor });
  await entry('draftAByColleague', u.communeA.id, 'draft', { createdBy: users['commune.editor2']!.id });
  await entry('draftOrgByEditor', u.org.id, 'draft', { createdBy: editor });
  await entry('draftOrgByOther', u.org.id, 'draft');
  await entry('draftB', u.communeB.id, 'draft');
  await entry('draftProvince', province.id, 'draft', { level: 'province', createdBy: users['province.editor']!.id });
  await entry('returnedA', u.communeA.id, 'returned');
  await entry('returnedOrgByOther', u.org.id, 'returned');
  await entry('returnedB', u.communeB.id, 'returned');

  // Petitions: due soon = due from today to the window's end; overdue = due before today.
  const overdue = '2026-01-16';
  await buildPetition(t.db, { unitId: province.id, dueOn: today, receivedOn: '2026-01-02' });
  await buildPetition(t.db, { unitId: province.id, dueOn: overdue, receivedOn: '2026-01-02' });
  await buildPetition(t.db, { unitId: province.id, handlingUnitId: u.communeA.id, dueOn: overdue, receivedOn: '2026-01-02' });
  await buildPetition(t.db, { unitId: u.communeA.id, dueOn: today, receivedOn: '2026-01-02' });
  await buildPetition(t.db, { unitId: u.communeA.id, dueOn: overdue, receivedOn: '2026-01-02', status: 'resolved' });
  await buildPetition(t.db, { unitId: foreign.id, dueOn: overdue, receivedOn: '2026-01-02' });

  // Review tasks: due soon = open, deadline from today to today + 7; overdue = open, before today.
  const provinceReview = await buildReview(t.db, { unitId: province.id, year: 2025 });
  for (const [deadline, done] of [
    [addDays(today, 3), false],
    [addDays(today, 7), false],
    [addDays(today, 8), false],
    ['2025-06-30', false],
    ['2025-05-30', true],
  ] as const) {
    const task = await buildTask(t.db, { reviewId: provinceReview.id, ownerUnitId: u.communeB.id, deadline });
    if (done) await t.db.updateTable('review_tasks').set({ status: 'done', done_at: new Date() }).where('id', '=', task.id).execute();
  }
  const communeReview = await buildReview(t.db, { unitId: u.communeA.id, year: 2025 });
  await buildTask(t.db, { reviewId: communeReview.id, ownerUnitId: u.communeA.id, deadline: '2025-09-30' });
  const foreignReview = await buildReview(t.db, { unitId: foreign.id, year: 2025 });
  await buildTask(t.db, { reviewId: foreignReview.id, ownerUnitId: foreign.id, deadline: '2025-09-30' });

  // Reception commitments, the same windows.
  await session(province.id, [{ deadline: today }, { deadline: addDays(today, 8) }, { deadline: '2026-02-01' }, { deadline: '2026-02-01', done: true }]);
  await session(u.communeA.id, [{ deadline: '2026-03-01' }, { deadline: addDays(today, 2) }]);
  await session(foreign.id, [{ deadline: '2026-03-01' }]);

  // Document tasks (leaves only; the subtree's overdue is the escalation): the province's own due
  // in 2 days, in 9 (not yet), overdue, and done though overdue; commune A's overdue leaf; commune
  // A's container (overdue, not counted) split to its organization (overdue leaf); Hà Nội's.
  const plan = await buildPlan(t.db, { unitId: province.id });
  for (const [deadline, status] of [
    [addDays(today, 2), 'open'],
    [addDays(today, 9), 'open'],
    ['2025-06-30', 'open'],
    ['2025-06-30', 'done'],
  ] as const) {
    await buildDocumentTask(t.db, { planId: plan.id, ownerUnitId: province.id, deadline, status });
  }
  await buildDocumentTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: '2025-07-31' });
  const container = await buildDocumentTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: '2025-08-31' });
  await buildDocumentTask(t.db, { planId: plan.id, ownerUnitId: u.org.id, parentId: container.id, deadline: '2025-08-15' });
  const hanoiPlan = await buildPlan(t.db, { unitId: hanoi.id });
  await buildDocumentTask(t.db, { planId: hanoiPlan.id, ownerUnitId: foreign.id, deadline: '2025-07-31' });

  // Reporting rounds: late with commune B silent (A sent); A's report due in 3 days; A's due in 20
  // days (not yet); closed with A silent and late (not counted); Hà Nội's late round.
  const late = await buildRound(t.db, { unitId: province.id, participantIds: [u.communeA.id, u.communeB.id], dueOn: addDays(today, -10) });
  await buildSubmission(t.db, { roundId: late.id, unitId: u.communeA.id, status: 'submitted', submittedOn: addDays(today, -11) });
  await buildRound(t.db, { unitId: province.id, participantIds: [u.communeA.id], dueOn: addDays(today, 3) });
  await buildRound(t.db, { unitId: province.id, participantIds: [u.communeA.id], dueOn: addDays(today, 20) });
  // A round of a schedule that reminds a month ahead: its report due in 20 days is awaited already.
  const scheduled = await buildRound(t.db, { unitId: province.id, participantIds: [u.communeA.id], dueOn: addDays(today, 20) });
  const schedule = await buildReportingSchedule(t.db, { unitId: province.id, templateId: scheduled.templateId });
  await t.db.updateTable('reporting_schedules').set({ remind_days_before: [30, 3] }).where('id', '=', schedule.id).execute();
  await t.db.updateTable('reporting_rounds').set({ schedule_id: schedule.id }).where('id', '=', scheduled.id).execute();
  await buildRound(t.db, { unitId: province.id, participantIds: [u.communeA.id], dueOn: addDays(today, -10), status: 'closed' });
  await buildRound(t.db, { unitId: hanoi.id, participantIds: [foreign.id], dueOn: addDays(today, -10) });
}, 120_000);

type Queue = {
  entries: { awaitingMyApproval: number | null; myReturned: number | null; myDrafts: number | null };
  units: { unit: { id: string; name: string }; petitions: Due; reviewTasks: Due; commitments: Due; documentTasks: Due; rounds: { myReport: number; missingBelow: number } }[];
  today: string;
  petitionsDueSoonUntil: string;
  tasksDueSoonUntil: string;
};
type Due = { dueSoon: number; overdue: number };

const queueOf = async (who: string): Promise<Queue> => {
  const res = await t.call('GET', '/api/work-queue', { cookie: users[who]!.cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** The ids and the total of a list, as its page shows them (all on one page). */
const list = async (who: string, url: string) => {
  const res = await t.call('GET', url, { cookie: users[who]!.cookie });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  const body = res.json() as { items: { id: string }[]; total: number };
  return { ids: body.items.map((i) => i.id).sort(), total: body.total };
};
const ids = (...names: string[]) => names.map((n) => e[n]!).sort();

describe('entries awaiting my approval', () => {
  it('holds the registered entries whose acceptance the approver may perform, and the list holds exactly those', async () => {
    const expected: [string, string[]][] = [
      // The province accepts every level in its subtree; not the retired commune's entry (its level unit lies under old Hà Giang), nor another province's.
      ['province.approver', ids('provinceOwn', 'communeA', 'communeB', 'communeAtProvinceLevel', 'orgOfA')],
      // The commune accepts its own and its organizations' commune-level entries; a province-level entry of the commune is the province's.
      ['commune.approver', ids('communeA', 'orgOfA')],
    ];
    for (const [who, want] of expected) {
      const q = await queueOf(who);
      expect(q.entries.awaitingMyApproval, who).toBe(want.length);
      expect(q.entries.myReturned).toBeNull();
      expect(q.entries.myDrafts).toBeNull();
      const shown = await list(who, '/api/entries?queue=awaiting_my_approval&limit=200');
      expect(shown).toEqual({ ids: want, total: want.length });
    }
  });

  it('counts the same from the facet summary (a province) as from the entries (a commune), facet by facet', async () => {
    const res = await t.call('GET', '/api/entries?queue=awaiting_my_approval&limit=1', { cookie: users['province.approver']!.cookie });
    const facets = res.json().facets as Record<string, { value: string; count: number }[]>;
    expect(facets.status).toEqual([{ value: 'registered', count: 5 }]);
    // Levels province → commune, as every facet of a fixed vocabulary.
    expect(facets.level).toEqual([
      { value: 'province', count: 2 },
      { value: 'commune', count: 3 },
    ]);
    // With another filter: the queue and the filter together, in the count and in the rows.
    expect(await list('province.approver', '/api/entries?queue=awaiting_my_approval&level=province&limit=200')).toEqual({ ids: ids('provinceOwn', 'communeAtProvinceLevel'), total: 2 });
    expect(await list('province.approver', `/api/entries?queue=awaiting_my_approval&unitId=${u.communeA.id}&limit=200`)).toEqual({
      ids: ids('communeA', 'communeAtProvinceLevel', 'orgOfA'),
      total: 3,
    });
    expect(await list('province.approver', '/api/entries?queue=awaiting_my_approval&q=communeB&limit=200')).toEqual({ ids: ids('communeB'), total: 1 });
  });

  it('leaves out what the approver reads but may not accept: the retired commune\'s entry answers 403', async () => {
    const all = await list('province.approver', '/api/entries?status=registered&limit=200');
    expect(all.ids).toContain(e.retired);
    const res = await t.call('POST', `/api/entries/${e.retired}/actions/accept`, { cookie: users['province.approver']!.cookie, body: { version: 1 } });
    expect(res.statusCode, res.body).toBe(403);
  });

  it('lets the approver accept all of them at once through the list\'s "all matching" filter, and then holds none', async () => {
    const who = users['commune.approver']!;
    const before = (await queueOf('commune.approver')).entries.awaitingMyApproval!;
    const res = await t.call('POST', '/api/entries/bulk-actions/accept', { cookie: who.cookie, body: { filter: { queue: 'awaiting_my_approval' }, expectedCount: before } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(2);
    expect((await queueOf('commune.approver')).entries.awaitingMyApproval).toBe(0);
    expect((await queueOf('province.approver')).entries.awaitingMyApproval).toBe(3);
    expect((await list('commune.approver', '/api/entries?queue=awaiting_my_approval')).total).toBe(0);
  });

  it('covers the whole country for a system administrator, from the summary of the root', async () => {
    const q = await queueOf('sys');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from entries where status = 'registered'`.execute(t.db);
    expect(q.entries.awaitingMyApproval).toBe(rows[0]!.n);
    expect((await list('sys', '/api/entries?queue=awaiting_my_approval&limit=1')).total).toBe(rows[0]!.n);
  });
});

describe('my returned entries and drafts', () => {
  it('holds those of the editor\'s own unit (whoever typed them) and those the editor created, and the lists hold exactly those', async () => {
    const expected: [string, string[], string[]][] = [
      ['commune.editor', ids('draftA', 'draftAByColleague', 'draftOrgByEditor'), ids('returnedA')],
      ['commune.editor2', ids('draftA', 'draftAByColleague'), ids('returnedA')],
      // A province editor's own unit is the province: the communes' drafts are their editors' work.
      ['province.editor', ids('draftProvince'), []],
    ];
    for (const [who, drafts, returned] of expected) {
      const q = await queueOf(who);
      expect(q.entries.awaitingMyApproval, who).toBeNull();
      expect(q.entries.myDrafts, who).toBe(drafts.length);
      expect(q.entries.myReturned, who).toBe(returned.length);
      expect(await list(who, '/api/entries?queue=my_drafts&limit=200')).toEqual({ ids: drafts, total: drafts.length });
      expect(await list(who, '/api/entries?queue=my_returned&limit=200')).toEqual({ ids: returned, total: returned.length });
    }
  });

  it('drops an entry from "my drafts" once submitted, and counts it as awaiting approval', async () => {
    const cookie = users['commune.editor']!.cookie;
    const res = await t.call('POST', `/api/entries/${e.draftA}/actions/submit`, { cookie, body: { version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await queueOf('commune.editor')).entries.myDrafts).toBe(2);
    expect((await list('commune.approver', '/api/entries?queue=awaiting_my_approval')).ids).toEqual(ids('draftA'));
  });

  it('gives a viewer and a unit administrator no queue: no entries counts and no units', async () => {
    for (const who of ['province.viewer', 'province.admin']) {
      const q = await queueOf(who);
      expect(q.entries).toEqual({ awaitingMyApproval: null, myReturned: null, myDrafts: null });
      expect(q.units).toEqual([]);
      expect((await list(who, '/api/entries?queue=my_drafts')).total).toBe(0);
      expect((await list(who, '/api/entries?queue=awaiting_my_approval')).total).toBe(0);
    }
  });
});

describe('petitions, review tasks and commitments of my units', () => {
  const row = (q: Queue, unitId: string) => q.units.find((x) => x.unit.id === unitId)!;

  it('counts a unit\'s petition queue as the digest does, and the queue list holds exactly those', async () => {
    const window = await dueWindow(t.db);
    const province = row(await queueOf('province.approver'), u.province.id);
    // Handled by the province and due soon: 1; overdue at the province or below it (escalated): 2.
    expect(province.petitions).toEqual({ dueSoon: 1, overdue: 2 });
    const commune = row(await queueOf('commune.editor'), u.communeA.id);
    expect(commune.petitions).toEqual({ dueSoon: 1, overdue: 1 });
    for (const [who, unitId, counts] of [
      ['province.approver', u.province.id, province.petitions],
      ['commune.editor', u.communeA.id, commune.petitions],
    ] as const) {
      for (const [due, n] of [
        ['due_soon', counts.dueSoon],
        ['overdue', counts.overdue],
      ] as const) {
        const res = await t.call('GET', `/api/petitions?unitId=${unitId}&view=queue&due=${due}&open=true&limit=200`, { cookie: users[who]!.cookie });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().total, `${who} ${due}`).toBe(n);
        expect(res.json().items).toHaveLength(n);
      }
    }
    expect((await queueOf('province.approver')).petitionsDueSoonUntil).toBe(window.soonLimit);
  });

  it('counts the open tasks of the unit\'s reviews due within a week or overdue, as the task list does', async () => {
    const q = await queueOf('province.approver');
    expect(q.tasksDueSoonUntil).toBe(dueSoonUntil(today));
    // Province: due in 3 and in 7 days (not 8); overdue: its own open one and the commune's (a done one is not).
    expect(row(q, u.province.id).reviewTasks).toEqual({ dueSoon: 2, overdue: 2 });
    expect(row(await queueOf('commune.approver'), u.communeA.id).reviewTasks).toEqual({ dueSoon: 0, overdue: 1 });
    for (const [who, unitId, counts] of [
      ['province.approver', u.province.id, { dueSoon: 2, overdue: 2 }],
      ['commune.approver', u.communeA.id, { dueSoon: 0, overdue: 1 }],
    ] as const) {
      const soon = await list(who, `/api/review-tasks?unitId=${unitId}&due=due_soon&limit=500`);
      const late = await list(who, `/api/review-tasks?unitId=${unitId}&due=overdue&limit=500`);
      expect({ dueSoon: soon.total, overdue: late.total }).toEqual(counts);
      expect([soon.ids.length, late.ids.length]).toEqual([counts.dueSoon, counts.overdue]);
    }
  });

  it('counts the open commitments of the unit\'s sessions due within a week or overdue, as the commitment list does', async () => {
    expect(row(await queueOf('province.editor'), u.province.id).commitments).toEqual({ dueSoon: 2, overdue: 2 });
    expect(row(await queueOf('commune.editor'), u.communeA.id).commitments).toEqual({ dueSoon: 1, overdue: 1 });
    const soon = await t.call('GET', `/api/reception-commitments?unitId=${u.province.id}&due=due_soon`, { cookie: users['province.editor']!.cookie });
    expect(soon.statusCode, soon.body).toBe(200);
    expect(soon.json().total).toBe(2);
    expect(soon.json().items.map((c: { state: string }) => c.state).sort()).toEqual(['open', 'open']);
    const late = await t.call('GET', `/api/reception-commitments?unitId=${u.province.id}&due=overdue`, { cookie: users['province.editor']!.cookie });
    expect(late.json().total).toBe(2);
    expect(late.json().items.map((c: { state: string; session: { unit: { id: string } } }) => [c.state, c.session.unit.id]).sort()).toEqual(
      [
        ['overdue', u.communeA.id],
        ['overdue', u.province.id],
      ].sort(),
    );
    // Nothing of another province, in the queue or in the list.
    const all = await t.call('GET', '/api/reception-commitments?due=overdue', { cookie: users['province.editor']!.cookie });
    expect(all.json().total).toBe(2);
  });

  it('counts the open document tasks of the unit and the units below it (leaves), due within a week or overdue, as the task list does', async () => {
    for (const [who, unitId, counts] of [
      // The province: its own due in 2 days; overdue its own, commune A's and the organization's (escalated to it).
      ['province.editor', u.province.id, { dueSoon: 1, overdue: 3 }],
      // Commune A: its leaf and its organization's; the container it split is not counted.
      ['commune.editor', u.communeA.id, { dueSoon: 0, overdue: 2 }],
    ] as const) {
      expect(row(await queueOf(who), unitId).documentTasks, who).toEqual(counts);
      const soon = await list(who, `/api/tasks?ownerUnitId=${unitId}&leaf=true&due=due_soon&limit=200`);
      const late = await list(who, `/api/tasks?ownerUnitId=${unitId}&leaf=true&due=overdue&limit=200`);
      expect({ dueSoon: soon.total, overdue: late.total }, who).toEqual(counts);
      expect([soon.ids.length, late.ids.length]).toEqual([counts.dueSoon, counts.overdue]);
    }
  });

  it('counts the rounds waiting for the unit\'s own report (due within a week or late) and those it opened with a unit late, as the rounds list does', async () => {
    for (const [who, unitId, counts] of [
      // The province sends nothing itself; one open round it opened has a commune past due (the closed one does not count).
      ['province.editor', u.province.id, { myReport: 0, missingBelow: 1 }],
      // Commune A: the round due in 3 days and the scheduled one due in 20 whose schedule reminds 30
      // days ahead (the late one it has sent; the one due in 20 days opened by hand is not yet).
      ['commune.editor', u.communeA.id, { myReport: 2, missingBelow: 0 }],
    ] as const) {
      expect(row(await queueOf(who), unitId).rounds, who).toEqual(counts);
      const mine = await list(who, `/api/reporting-rounds?unitId=${unitId}&awaiting=my_report&limit=200`);
      const below = await list(who, `/api/reporting-rounds?unitId=${unitId}&awaiting=missing_below&limit=200`);
      expect({ myReport: mine.total, missingBelow: below.total }, who).toEqual(counts);
      expect([mine.ids.length, below.ids.length]).toEqual([counts.myReport, counts.missingBelow]);
    }
  });

  it('names the units the person works for, once each, and nothing of other units', async () => {
    const q = await queueOf('province.approver');
    expect(q.units.map((x) => x.unit.id)).toEqual([u.province.id]);
    const both = await buildUser(t.db, {
      username: 'two.grants',
      grants: [
        { unitId: u.province.id, role: 'approver' },
        { unitId: u.communeA.id, role: 'editor' },
        { unitId: u.foreign.id, role: 'viewer' },
      ],
    });
    const res = await t.call('GET', '/api/work-queue', { cookie: await t.login(both.username) });
    // The commune lies inside the province: one unit. The foreign commune is only read: none.
    expect(res.json().units.map((x: { unit: { id: string } }) => x.unit.id)).toEqual([u.province.id]);
  });
});
