/**
 * The `tasks` block of a report (findTaskFigures and the report engine): records placed on either
 * side of the range's edges, Viet Nam days against UTC instants, a container task, a retired
 * commune, and the figures worked out by hand for each child, the whole and the previous range.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyTasks, type ReportTasks } from '../../../common/reports.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { unitByCode } from '../../test/factories.js';
import { answerCacheOf } from '../data-versions/answer-cache.js';
import { reportAnswer } from '../reports/report-answer.js';
import { createTestDb, type TestDb } from '../../test/test-db.js';
import { buildReport as buildReportOf, buildReportFromRecords } from '../reports/reports.service.js';
import { buildRound, buildSubmission } from '../reporting-rounds/reporting-rounds.factories.js';
import { buildWorkingSession } from '../working-sessions/working-sessions.factories.js';
import { findTaskFigures } from './task-figures.repository.js';
import { getTaskDocumentFigures } from './task-figures.service.js';
import { buildPlan, buildReport, buildTask } from './tasks.factories.js';

let t: TestDb;
let ids: { hanoi: string; hanoiPath: string; baDinh: string; ngocHa: string; retired: string; successor: string };

const tasks = (x: Partial<ReportTasks>): ReportTasks => ({ ...emptyTasks(), ...x });

beforeAll(async () => {
  t = await createTestDb();
  const hanoi = await unitByCode(t.db, 'province', '01');
  const baDinh = await unitByCode(t.db, 'commune', '00004');
  const ngocHa = await unitByCode(t.db, 'commune', '00008');
  const retired = await sql<{ id: string; current_id: string }>`
    select id::text, current_id::text from units where path <@ ${hanoi.path}::ltree and valid_to is not null and kind = 'commune' and current_id not in (${baDinh.id}, ${ngocHa.id}) order by id limit 1`.execute(t.db);
  const r = retired.rows[0]!;
  ids = { hanoi: hanoi.id, hanoiPath: hanoi.path, baDinh: baDinh.id, ngocHa: ngocHa.id, retired: r.id, successor: r.current_id };

  const one = await buildPlan(t.db, { unitId: hanoi.id, title: 'Kết luận 43-KL/TW' });
  const two = await buildPlan(t.db, { unitId: hanoi.id, title: 'Nghị quyết 25-NQ/TW' });
  // A container owned by the province: never counted, its leaves are.
  const root = await buildTask(t.db, { planId: one.id, ownerUnitId: hanoi.id, deadline: '2026-12-31' });
  // Done at 00:30 on 1 April in Viet Nam (17:30 UTC on 31 March): done in the range.
  await buildTask(t.db, { planId: one.id, parentId: root.id, ownerUnitId: baDinh.id, deadline: '2026-05-01', status: 'done', doneAt: new Date('2026-03-31T17:30:00Z') });
  // Done at 23:30 on 31 March in Viet Nam: done before the range, not running in it.
  await buildTask(t.db, { planId: one.id, parentId: root.id, ownerUnitId: baDinh.id, deadline: '2026-05-01', status: 'done', doneAt: new Date('2026-03-31T16:30:00Z') });
  // Open, due the day before the last: overdue on 30 June; reported on 30 June.
  const late = await buildTask(t.db, { planId: one.id, parentId: root.id, ownerUnitId: baDinh.id, deadline: '2026-06-29' });
  await buildReport(t.db, late.id, '2026-06-30');
  // Open, due on the last day: not overdue on it.
  await buildTask(t.db, { planId: one.id, parentId: root.id, ownerUnitId: baDinh.id, deadline: '2026-06-30' });
  // The retired commune's: done on 1 July (after the range), due 1 June: overdue on 30 June; reported only before the range.
  const old = await buildTask(t.db, { planId: one.id, ownerUnitId: r.id, deadline: '2026-06-01', status: 'done', doneAt: new Date('2026-07-01T03:00:00Z') });
  await buildReport(t.db, old.id, '2026-03-31');
  // The province's own, second document: one starting on the last day (counted), one the day after (not).
  await buildTask(t.db, { planId: two.id, ownerUnitId: hanoi.id, startsOn: '2026-06-30', deadline: '2026-12-31' });
  await buildTask(t.db, { planId: two.id, ownerUnitId: hanoi.id, startsOn: '2026-07-01', deadline: '2026-12-31' });

  await buildWorkingSession(t.db, { leadingUnitId: hanoi.id, unitId: baDinh.id, heldOn: '2026-04-01' });
  await buildWorkingSession(t.db, { leadingUnitId: hanoi.id, unitId: baDinh.id, heldOn: '2026-03-31' });
  await buildWorkingSession(t.db, { leadingUnitId: hanoi.id, unitId: r.id, heldOn: '2026-06-30' });

  const round = await buildRound(t.db, { unitId: hanoi.id, participantIds: [baDinh.id, r.current_id, ngocHa.id], periodFrom: '2026-01-01', periodTo: '2026-03-31', dueOn: '2026-05-10' });
  await buildSubmission(t.db, { roundId: round.id, unitId: baDinh.id, status: 'submitted', submittedOn: '2026-05-10' });
  await buildSubmission(t.db, { roundId: round.id, unitId: r.current_id, status: 'submitted', submittedOn: '2026-05-11' });
  await buildSubmission(t.db, { roundId: round.id, unitId: ngocHa.id, status: 'submitted', submittedOn: '2026-07-01' });
});

const Q2 = { from: '2026-04-01', to: '2026-06-30', asOf: '2026-06-30' };

describe('task figures', () => {
  it('counts each child around the edges of the range, a retired commune under its successor', async () => {
    const rows = await findTaskFigures(t.db, { area: { mode: 'current', path: ids.hanoiPath }, ...Q2, byChild: true });
    const byChild = Object.fromEntries(rows.filter((r) => !r.whole).map(({ which: _w, child, whole: _x, ...rest }) => [child ?? 'own', rest]));
    expect(byChild).toEqual({
      [ids.baDinh]: tasks({ documents: 1, assigned: 3, due: 3, done: 1, open: 2, overdue: 1, unitsTasked: 1, unitsReported: 1, sessions: 1, submittedOnTime: 1 }),
      [ids.successor]: tasks({ documents: 1, assigned: 1, due: 1, open: 1, overdue: 1, unitsTasked: 1, sessions: 1, submittedLate: 1 }),
      own: tasks({ documents: 1, assigned: 1, open: 1, unitsTasked: 1 }),
    });
    const whole = rows.filter((r) => r.whole);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatchObject(tasks({ documents: 2, assigned: 5, due: 4, done: 1, open: 4, overdue: 2, unitsTasked: 3, unitsReported: 1, sessions: 2, submittedOnTime: 1, submittedLate: 1 }));
  });

  it('judges open and overdue on the reference day', async () => {
    // On 1 June the retired commune's task (due 1 June) is not yet overdue, nor Ba Đình's (due 29 June).
    const rows = await findTaskFigures(t.db, { area: { mode: 'current', path: ids.hanoiPath }, ...Q2, asOf: '2026-06-01', byChild: false });
    expect(rows.find((r) => r.whole)).toMatchObject({ open: 4, overdue: 0 });
    // A commune's own area: only its records.
    const ba = await unitByCode(t.db, 'commune', '00004');
    const [mine] = await findTaskFigures(t.db, { area: { mode: 'current', path: ba.path }, ...Q2, byChild: false });
    expect(mine).toMatchObject({ assigned: 3, done: 1, overdue: 1, sessions: 1, submittedOnTime: 1, submittedLate: 0 });
  });

  it('gives the report its tasks block, per child, for the whole and the previous quarter, from the summaries and from the records alike', async () => {
    const query = { unitId: ids.hanoi, period: 'quarter' as const, year: 2026, quarter: 2 };
    const report = await buildReportOf(t.ctx, query);
    expect(report.figures.tasks).toEqual(tasks({ documents: 2, assigned: 5, due: 4, done: 1, open: 4, overdue: 2, unitsTasked: 3, unitsReported: 1, sessions: 2, submittedOnTime: 1, submittedLate: 1 }));
    expect(report.children.find((c) => c.unit?.id === ids.successor)?.figures.tasks).toMatchObject({ assigned: 1, overdue: 1, submittedLate: 1 });
    expect(report.children.find((c) => c.unit === null)?.figures.tasks).toMatchObject({ assigned: 1, documents: 1 });
    expect(report.children.find((c) => c.unit?.id === ids.ngocHa)?.figures.tasks).toEqual(emptyTasks());
    // Q1: the task done late on 31 March (Viet Nam) and the one done at 00:30 on 1 April were both running; one done; nothing overdue by 31 March.
    expect(report.previous.tasks).toEqual(tasks({ documents: 1, assigned: 5, done: 1, open: 4, unitsTasked: 2, unitsReported: 1, sessions: 1 }));
    // Sums over the children, but documents (distinct): 1 + 1 + 1 documents, 2 in all.
    for (const k of ['assigned', 'done', 'open', 'overdue', 'unitsTasked', 'sessions'] as const) {
      expect(report.children.reduce((s, c) => s + c.figures.tasks[k], 0)).toBe(report.figures.tasks[k]);
    }
    const counted = await buildReportFromRecords(t.ctx, query);
    expect(counted.figures.tasks).toEqual(report.figures.tasks);
    expect(counted.previous.tasks).toEqual(report.previous.tasks);
    expect(counted.children.map((c) => c.figures.tasks)).toEqual(report.children.map((c) => c.figures.tasks));
  });

  it('renews the cached report answer when a task is written', async () => {
    const cache = answerCacheOf(t.ctx);
    const query = { unitId: ids.hanoi, period: 'quarter' as const, year: 2026, quarter: 2 };
    const first = await reportAnswer(t.ctx, cache, SYSTEM_ACTOR, query, undefined);
    expect((await reportAnswer(t.ctx, cache, SYSTEM_ACTOR, query, first.etag)).status).toBe(304);
    const plan = await buildPlan(t.db, { unitId: ids.hanoi });
    await buildTask(t.db, { planId: plan.id, ownerUnitId: ids.ngocHa, startsOn: '2026-05-01', deadline: '2026-05-20' });
    const second = await reportAnswer(t.ctx, cache, SYSTEM_ACTOR, query, first.etag);
    expect(second.status).toBe(200);
    expect(second.etag).not.toBe(first.etag);
    const body = JSON.parse((second as { body: Buffer }).body.toString()) as { figures: { tasks: ReportTasks } };
    expect(body.figures.tasks).toMatchObject({ assigned: 6, overdue: 3 });
  });

  it('renews exactly the answers a write changes: each table of the block bumps its units, a write elsewhere none', async () => {
    const cache = answerCacheOf(t.ctx);
    const query = { unitId: ids.hanoi, period: 'quarter' as const, year: 2026, quarter: 2 };
    const elsewhere = await unitByCode(t.db, 'province', '37');
    const renews = async (write: () => Promise<unknown>) => {
      const before = await reportAnswer(t.ctx, cache, SYSTEM_ACTOR, query, undefined);
      await write();
      return (await reportAnswer(t.ctx, cache, SYSTEM_ACTOR, query, before.etag)).status === 200;
    };
    // Ninh Bình's task is no figure of Hà Nội's: its answer stays a 304.
    const otherPlan = await buildPlan(t.db, { unitId: elsewhere.id });
    expect(await renews(() => buildTask(t.db, { planId: otherPlan.id, ownerUnitId: elsewhere.id, startsOn: '2026-05-01', deadline: '2026-05-20' }))).toBe(false);
    const leaf = await t.db.selectFrom('tasks').select('id').where('owner_unit_id', '=', ids.ngocHa).where('child_count', '=', 0).orderBy('id').executeTakeFirstOrThrow();
    // A progress report alone (no write to its task): the reports' own trigger.
    expect(await renews(() => t.db.insertInto('task_progress_reports').values({ task_id: leaf.id, reported_on: '2026-05-02', text: 'Đã báo cáo' }).execute())).toBe(true);
    expect(await renews(() => buildWorkingSession(t.db, { leadingUnitId: ids.hanoi, unitId: ids.ngocHa, heldOn: '2026-05-03' }))).toBe(true);
    expect(await renews(() => t.db.updateTable('round_participants').set({ submitted_on: '2026-05-12' }).where('unit_id', '=', ids.baDinh).execute())).toBe(true);
    // A retired commune's session counts under its successor in Hà Nội: it renews Hà Nội's answer.
    expect(await renews(() => buildWorkingSession(t.db, { leadingUnitId: ids.hanoi, unitId: ids.retired, heldOn: '2026-05-04' }))).toBe(true);
  });

  it('lists the documents by their share of overdue leaves, for the unit read, and refuses an inverted range', async () => {
    const list = await getTaskDocumentFigures(t.ctx, SYSTEM_ACTOR, { unitId: ids.hanoi, ...Q2, limit: 5 }, '2026-12-05');
    expect(list.asOf).toBe('2026-06-30');
    // The cache test's document first (its one leaf overdue: 100 %), then Kết luận 43 (2 of 4), then Nghị quyết 25 (none overdue).
    expect(list.documents.map((d) => [d.assigned, d.done, d.open, d.overdue])).toEqual([
      [1, 0, 1, 1],
      [4, 1, 3, 2],
      [1, 0, 1, 0],
    ]);
    expect(list.documents.slice(1).map((d) => d.title)).toEqual(['Kết luận 43-KL/TW', 'Nghị quyết 25-NQ/TW']);
    expect((await getTaskDocumentFigures(t.ctx, SYSTEM_ACTOR, { unitId: ids.hanoi, ...Q2, limit: 1 }, '2026-12-05')).documents).toHaveLength(1);
    await expect(getTaskDocumentFigures(t.ctx, SYSTEM_ACTOR, { unitId: ids.hanoi, from: '2026-06-30', to: '2026-04-01', limit: 5 })).rejects.toMatchObject({ code: 'INVALID_RANGE' });
  });
});
