/**
 * The leadership loop's daily digest against real data: each unit's own figures, the overdue of
 * the units below added at every unit above, reports due and missing, the same totals as the task
 * list, an earlier day read back as the job stored it, and only what the reader reads.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, todayInVietnam } from '../../../common/units.js';
import { buildUnit, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildRound, buildSubmission } from '../reporting-rounds/reporting-rounds.factories.js';
import { buildPlan, buildTask } from '../tasks/tasks.factories.js';
import { computeLeadershipDigest, storeLeadershipDigest } from './leadership-digest.service.js';

let t: TestApp;
const today = todayInVietnam();
const u = {} as Record<'province' | 'communeA' | 'communeB' | 'org' | 'foreign', { id: string; path: string }>;
const cookies: Record<string, string> = {};

type Row = { unit: { id: string }; tasksDueSoon: number; tasksOverdue: number; tasksOverdueBelow: number; reportsDue: number; reportsMissingBelow: number };
const digest = async (who: string, query: string) => {
  const res = await t.call('GET', `/api/leadership-digest${query}`, { cookie: cookies[who]! });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { day: string; dueSoonUntil: string; stored: boolean; items: Row[] };
};
const rowOf = (items: Row[], id: string) => items.find((r) => r.unit.id === id);

beforeAll(async () => {
  t = await createTestApp();
  const pick = async (where: ReturnType<typeof sql>) =>
    (await sql<{ id: string; path: string }>`select id, path::text as path from units where ${where} order by code limit 2`.execute(t.db)).rows;
  const [province] = await pick(sql`kind = 'province' and code = '08' and valid_to is null`);
  const [a, b] = await pick(sql`kind = 'commune' and valid_to is null and parent_id = ${province!.id}`);
  const [hanoi] = await pick(sql`kind = 'province' and code = '01' and valid_to is null`);
  const [foreign] = await pick(sql`kind = 'commune' and valid_to is null and parent_id = ${hanoi!.id}`);
  const org = await buildUnit(t.db, { parentId: a!.id, kind: 'womens_union', name: 'Hội Liên hiệp Phụ nữ xã thử' });
  Object.assign(u, { province: province!, communeA: a!, communeB: b!, org: { id: org.id, path: org.path }, foreign: foreign! });
  for (const [name, unitId, role] of [
    ['province.editor', u.province.id, 'editor'],
    ['commune.editor', u.communeA.id, 'editor'],
    ['foreign.viewer', u.foreign.id, 'viewer'],
  ] as const) {
    await buildUser(t.db, { username: name, grants: [{ unitId, role }] });
    cookies[name] = await t.login(name);
  }
  const late = addDaysIso(today, -20);
  const plan = await buildPlan(t.db, { unitId: u.province.id });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.province.id, deadline: addDaysIso(today, 2) });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.province.id, deadline: addDaysIso(today, 30) });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: late });
  const container = await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: late });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.org.id, parentId: container.id, deadline: late });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeB.id, deadline: late });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeB.id, deadline: addDaysIso(today, -1) });
  await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeB.id, deadline: late, status: 'done' });
  const hanoiPlan = await buildPlan(t.db, { unitId: hanoi!.id });
  await buildTask(t.db, { planId: hanoiPlan.id, ownerUnitId: u.foreign.id, deadline: late });
  // Rounds: the first past due (A sent, B not); the second due in 2 days (A not yet); a closed one is not counted.
  const first = await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeA.id, u.communeB.id], dueOn: addDaysIso(today, -3) });
  await buildSubmission(t.db, { roundId: first.id, unitId: u.communeA.id, status: 'submitted', submittedOn: addDaysIso(today, -4) });
  await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeA.id], dueOn: addDaysIso(today, 2) });
  await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeB.id], dueOn: addDaysIso(today, -3), status: 'closed' });
}, 120_000);

describe('the leadership digest', () => {
  it("counts each unit's own tasks and reports, and adds the overdue below at every unit above", async () => {
    const d = await digest('province.editor', `?unitId=${u.province.id}`);
    expect(d).toMatchObject({ day: today, stored: false });
    const expected: [string, Omit<Row, 'unit'>][] = [
      // The province: its task due in 2 days (not the one in 30); A's, the organization's and B's two overdue below; B silent in the late round.
      [u.province.id, { tasksDueSoon: 1, tasksOverdue: 0, tasksOverdueBelow: 4, reportsDue: 0, reportsMissingBelow: 1 }],
      // Commune A: its leaf (not the container it split), the organization's below; its report due in 2 days.
      [u.communeA.id, { tasksDueSoon: 0, tasksOverdue: 1, tasksOverdueBelow: 1, reportsDue: 1, reportsMissingBelow: 0 }],
      [u.org.id, { tasksDueSoon: 0, tasksOverdue: 1, tasksOverdueBelow: 0, reportsDue: 0, reportsMissingBelow: 0 }],
      // Commune B: two overdue (the done one is not); its report of the open late round (the closed round's is not).
      [u.communeB.id, { tasksDueSoon: 0, tasksOverdue: 2, tasksOverdueBelow: 0, reportsDue: 1, reportsMissingBelow: 0 }],
    ];
    for (const [id, figures] of expected) expect(rowOf(d.items, id), id).toEqual({ unit: expect.objectContaining({ id }), ...figures });
    expect(d.items).toHaveLength(expected.length);
    // The figures are the task list's: the subtree's overdue leaves.
    const list = await t.call('GET', `/api/tasks?ownerUnitId=${u.province.id}&leaf=true&due=overdue&limit=200`, { cookie: cookies['province.editor']! });
    expect(list.json().total).toBe(d.items.reduce((n, r) => n + r.tasksOverdue, 0));
  });

  it('shows a reader only the units it reads, and refuses a unit it does not', async () => {
    const d = await digest('commune.editor', '');
    expect(d.items.map((r) => r.unit.id).sort()).toEqual([u.communeA.id, u.org.id].sort());
    expect((await t.call('GET', `/api/leadership-digest?unitId=${u.province.id}`, { cookie: cookies['foreign.viewer']! })).statusCode).toBe(404);
    const future = await t.call('GET', `/api/leadership-digest?day=${addDaysIso(today, 1)}`, { cookie: cookies['province.editor']! });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('INVALID_RANGE');
  });

  it('reads an earlier day back as the daily job stored it, and nothing for a day never stored', async () => {
    const yesterday = addDaysIso(today, -1);
    expect(await storeLeadershipDigest(t.ctx, yesterday)).toBeGreaterThan(0);
    // Stored again (a retried job): still one digest.
    await storeLeadershipDigest(t.ctx, yesterday);
    const computed = await computeLeadershipDigest(t.ctx, yesterday, u.province.path);
    const d = await digest('province.editor', `?unitId=${u.province.id}&day=${yesterday}`);
    expect(d.stored).toBe(true);
    expect(d.items.map((r) => [r.unit.id, r.tasksOverdue, r.tasksOverdueBelow, r.reportsDue])).toEqual(
      computed.rows.map((r) => [r.unit_id, r.tasks_overdue, r.tasks_overdue_below, r.reports_due]),
    );
    // Yesterday the task due "yesterday" was not yet overdue: B has one overdue then, not two.
    expect(rowOf(d.items, u.communeB.id)?.tasksOverdue).toBe(1);
    const never = await digest('province.editor', `?unitId=${u.province.id}&day=${addDaysIso(today, -30)}`);
    expect(never).toMatchObject({ stored: true, items: [] });
  });
});
