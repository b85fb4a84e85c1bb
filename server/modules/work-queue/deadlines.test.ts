/**
 * The calendar of deadlines against real data: the four kinds of obligation of a subtree with
 * their states, each day's totals equal to its items, the task list's figures, only what the
 * reader reads, and bad ranges refused with nothing written.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_LIMITS, type Deadlines } from '../../../common/deadlines.js';
import { addDaysIso, todayInVietnam } from '../../../common/units.js';
import { buildUnit, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildRound, buildSubmission } from '../reporting-rounds/reporting-rounds.factories.js';
import { buildPlan, buildTask } from '../tasks/tasks.factories.js';
import { buildNotice, buildWorkingSession } from '../working-sessions/working-sessions.factories.js';

let t: TestApp;
const today = todayInVietnam();
const day = (n: number) => addDaysIso(today, n);
const from = day(-30);
const to = day(30);
const u = {} as Record<'province' | 'communeA' | 'communeB' | 'org' | 'foreign', { id: string; path: string }>;
const cookies: Record<string, string> = {};
const ids = {} as Record<string, string>;

const deadlines = async (who: string, query: string) => {
  const res = await t.call('GET', `/api/deadlines${query}`, { cookie: cookies[who]! });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Deadlines;
};

beforeAll(async () => {
  t = await createTestApp();
  const pick = async (where: ReturnType<typeof sql>) =>
    (await sql<{ id: string; path: string }>`select id, path::text as path from units where ${where} order by code limit 2`.execute(t.db)).rows;
  const [province] = await pick(sql`kind = 'province' and code = '08' and valid_to is null`);
  const [a, b] = await pick(sql`kind = 'commune' and valid_to is null and parent_id = ${province!.id}`);
  const [hanoi] = await pick(sql`kind = 'province' and code = '01' and valid_to is null`);
  const [foreign] = await pick(sql`kind = 'commune' and valid_to is null and parent_id = ${hanoi!.id}`);
  const org = await buildUnit(t.db, { parentId: a!.id, kind: 'womens_union', name: 'Hội Liên hiệp Phụ nữ xã lịch hạn' });
  Object.assign(u, { province: province!, communeA: a!, communeB: b!, org: { id: org.id, path: org.path }, foreign: foreign! });
  for (const [name, unitId, role] of [
    ['province.editor', u.province.id, 'editor'],
    ['commune.editor', u.communeA.id, 'editor'],
    ['foreign.viewer', u.foreign.id, 'viewer'],
  ] as const) {
    await buildUser(t.db, { username: name, grants: [{ unitId, role }] });
    cookies[name] = await t.login(name);
  }
  const plan = await buildPlan(t.db, { unitId: u.province.id });
  ids.dueSoon = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.province.id, deadline: day(2), content: 'Nhiệm vụ sắp đến hạn' })).id;
  ids.far = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.province.id, deadline: day(45) })).id;
  ids.overdueA = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: day(-5), content: 'Nhiệm vụ quá hạn' })).id;
  const container = await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeA.id, deadline: day(-5) });
  ids.container = container.id;
  ids.orgLeaf = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.org.id, parentId: container.id, deadline: day(-5) })).id;
  // Done today: on time for a deadline to come, late for one past.
  ids.doneOnTime = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeB.id, deadline: day(2), status: 'done' })).id;
  ids.doneLate = (await buildTask(t.db, { planId: plan.id, ownerUnitId: u.communeB.id, deadline: day(-5), status: 'done' })).id;
  const session = await buildWorkingSession(t.db, { leadingUnitId: u.province.id, unitId: u.communeB.id });
  ids.session = session.id;
  ids.request = (await buildNotice(t.db, session.id, [{ ownerUnitId: u.communeB.id, deadline: day(2) }])).tasks[0]!.id;
  const hanoiPlan = await buildPlan(t.db, { unitId: hanoi!.id });
  ids.foreignTask = (await buildTask(t.db, { planId: hanoiPlan.id, ownerUnitId: u.foreign.id, deadline: day(-5) })).id;
  // A round past due: A sent on time, B missing; one due in 2 days (A not yet); a closed one; one of another province.
  const late = await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeA.id, u.communeB.id], dueOn: day(-3), title: 'Báo cáo tháng trước' });
  ids.lateRound = late.id;
  await buildSubmission(t.db, { roundId: late.id, unitId: u.communeA.id, status: 'submitted', submittedOn: day(-4) });
  ids.soonRound = (await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeA.id], dueOn: day(2), title: 'Báo cáo sắp đến hạn' })).id;
  ids.closedRound = (await buildRound(t.db, { unitId: u.province.id, participantIds: [u.communeB.id], dueOn: day(-3), status: 'closed', title: 'Báo cáo đã đóng' })).id;
  await buildSubmission(t.db, { roundId: ids.closedRound, unitId: u.communeB.id, status: 'submitted', submittedOn: day(-1) });
  ids.foreignRound = (await buildRound(t.db, { unitId: hanoi!.id, participantIds: [u.foreign.id], dueOn: day(-3) })).id;
}, 120_000);

const key = (i: { kind: string; id: string; unit: { id: string } }) => `${i.kind}:${i.id}:${i.unit.id}`;

describe('the calendar of deadlines', () => {
  it("lists the subtree's obligations in the range, each with its state", async () => {
    const d = await deadlines('province.editor', `?unitId=${u.province.id}&from=${from}&to=${to}`);
    expect(d).toMatchObject({ unit: { id: u.province.id }, from, to, today, truncated: false });
    const got = new Map(d.items.map((i) => [key(i), i]));
    const expected: [string, string, string, string][] = [
      ['task', ids.dueSoon!, u.province.id, 'due'],
      ['task', ids.overdueA!, u.communeA.id, 'overdue'],
      ['task', ids.orgLeaf!, u.org.id, 'overdue'],
      ['task', ids.doneOnTime!, u.communeB.id, 'done'],
      ['task', ids.doneLate!, u.communeB.id, 'done_late'],
      ['request', ids.request!, u.communeB.id, 'due'],
      ['report', ids.lateRound!, u.communeA.id, 'done'],
      ['report', ids.lateRound!, u.communeB.id, 'overdue'],
      ['round', ids.lateRound!, u.province.id, 'overdue'],
      ['report', ids.soonRound!, u.communeA.id, 'due'],
      ['round', ids.soonRound!, u.province.id, 'due'],
      ['report', ids.closedRound!, u.communeB.id, 'done_late'],
      ['round', ids.closedRound!, u.province.id, 'done'],
    ];
    for (const [kind, id, unitId, state] of expected) expect(got.get(`${kind}:${id}:${unitId}`)?.state, `${kind} ${id} of ${unitId}`).toBe(state);
    expect(d.items).toHaveLength(expected.length);
    // The container (its children's work), the task beyond the range and the other province's are not listed.
    for (const id of [ids.container, ids.far, ids.foreignTask]) expect(d.items.some((i) => i.kind === 'task' && i.id === id)).toBe(false);
    expect(d.items.some((i) => i.kind !== 'task' && i.id === ids.foreignRound)).toBe(false);
    expect(got.get(`request:${ids.request}:${u.communeB.id}`)?.sessionId).toBe(ids.session);
    expect(got.get(`task:${ids.dueSoon}:${u.province.id}`)).toMatchObject({ sessionId: null, title: 'Nhiệm vụ sắp đến hạn', day: day(2), unit: { id: u.province.id } });
    // Ordered by day.
    expect(d.items.map((i) => i.day)).toEqual([...d.items.map((i) => i.day)].sort());
  });

  it("gives each day's totals as counts of that day's items", async () => {
    const d = await deadlines('province.editor', `?unitId=${u.province.id}&from=${from}&to=${to}`);
    expect(d.days.map((x) => x.day)).toEqual([day(-5), day(-3), day(2)]);
    for (const x of d.days) {
      const items = d.items.filter((i) => i.day === x.day);
      expect(x.total, x.day).toBe(items.length);
      for (const [state, n] of Object.entries(x.states)) expect(n, `${x.day} ${state}`).toBe(items.filter((i) => i.state === state).length);
    }
    expect(d.days.find((x) => x.day === day(2))).toEqual({ day: day(2), total: 5, states: { due: 4, overdue: 0, done: 1, done_late: 0, excused: 0 } });
  });

  it("counts the open leaves the task list counts for the same unit", async () => {
    const d = await deadlines('province.editor', `?unitId=${u.province.id}&from=${from}&to=${to}`);
    const res = await t.call('GET', `/api/tasks?ownerUnitId=${u.province.id}&leaf=true&due=overdue`, { cookie: cookies['province.editor']! });
    const overdueTasks = d.items.filter((i) => (i.kind === 'task' || i.kind === 'request') && i.state === 'overdue');
    expect(overdueTasks.length).toBe((res.json() as { total: number }).total);
  });

  it("shows a lower unit its own subtree only, and no unit the reader does not read", async () => {
    const a = await deadlines('commune.editor', `?unitId=${u.communeA.id}&from=${from}&to=${to}`);
    expect(a.items.map((i) => `${i.kind}:${i.unit.id}`).sort()).toEqual(
      [`report:${u.communeA.id}`, `report:${u.communeA.id}`, `task:${u.communeA.id}`, `task:${u.org.id}`].sort(),
    );
    for (const [who, unitId] of [
      ['commune.editor', u.province.id],
      ['commune.editor', u.communeB.id],
      ['foreign.viewer', u.province.id],
    ] as const) {
      const res = await t.call('GET', `/api/deadlines?unitId=${unitId}&from=${from}&to=${to}`, { cookie: cookies[who]! });
      expect(res.statusCode, `${who} on ${unitId}`).toBe(404);
      expect(res.body).not.toContain('Nhiệm vụ');
    }
  });

  it('refuses a reversed, too wide or malformed range with a clear error, and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>`select (select count(*) from audit_log)::int + (select count(*) from tasks)::int as n`.execute(t.db)).rows[0]!.n;
    const before = await count();
    const cases: [string, number, string, string][] = [
      [`from=${day(5)}&to=${day(4)}`, 400, 'INVALID_RANGE', 'query.to'],
      [`from=${day(0)}&to=${day(DEADLINE_LIMITS.maxDays)}`, 400, 'VALIDATION_FAILED', 'query.to'],
      ['from=2026-02-30&to=2026-03-10', 400, 'VALIDATION_FAILED', 'from'],
      ['from=2026-01-01&to=tomorrow', 400, 'VALIDATION_FAILED', 'to'],
      ['to=2026-01-31', 400, 'VALIDATION_FAILED', 'from'],
    ];
    for (const [query, status, code, path] of cases) {
      const res = await t.call('GET', `/api/deadlines?unitId=${u.province.id}&${query}`, { cookie: cookies['province.editor']! });
      expect(res.statusCode, query).toBe(status);
      const body = res.json() as { error: { code: string; details?: { path: string }[] } };
      expect(body.error.code, query).toBe(code);
      expect(JSON.stringify(body.error.details ?? []), query).toContain(path);
    }
    // The widest range allowed is answered.
    await deadlines('province.editor', `?unitId=${u.province.id}&from=${day(0)}&to=${day(DEADLINE_LIMITS.maxDays - 1)}`);
    const unknown = await t.call('GET', `/api/deadlines?unitId=999999999&from=${from}&to=${to}`, { cookie: cookies['province.editor']! });
    expect(unknown.statusCode).toBe(404);
    const noUnit = await t.call('GET', `/api/deadlines?from=${from}&to=${to}`, { cookie: cookies['province.editor']! });
    expect(noUnit.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
