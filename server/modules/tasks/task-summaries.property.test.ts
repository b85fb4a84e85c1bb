/**
 * The task summaries kept by the database (migration 20261206110000_tasks) against counting the
 * tasks: random runs of the services — tasks given to several owners of two documents, splits
 * (new children, kept ones, dropped ones), progress reports, done and reopen, deletes — after which
 * `task_unit_counts` and `task_open_deadlines` must equal the same figures counted from `tasks`
 * (leaves only), and every task's `child_count` its number of children.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { SYSTEM_ACTOR } from '../../http/access.js';
import { buildUnit, unitByCode } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { buildPolicyDocument } from '../policy-documents/policy-documents.factories.js';
import { createPlan } from './plans.service.js';
import { deleteTask, markDone, reopen } from './task-lifecycle.service.js';
import { addReport } from './task-reports.service.js';
import { splitTask } from './task-split.service.js';
import { createTasks } from './tasks.service.js';

let t: TestApp;
/** Units tasks may be owned by: two provinces, communes under them, organizations under those. */
let pool: { id: string; path: string }[];
let plans: { id: string; unitPath: string }[];
const TODAY = todayInVietnam();
const addDays = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  pool = [];
  plans = [];
  for (const code of ['01', '37']) {
    const province = await unitByCode(t.db, 'province', code);
    pool.push({ id: province.id, path: province.path });
    const communes = await t.db.selectFrom('units').select(['id', 'path']).where('parent_id', '=', province.id).where('valid_to', 'is', null).orderBy('id').limit(3).execute();
    for (const c of communes) {
      pool.push(c);
      const org = await buildUnit(t.db, { parentId: c.id, kind: 'youth_union', name: `Đoàn Thanh niên ${c.id}` });
      pool.push({ id: org.id, path: org.path });
    }
    for (let i = 0; i < 2; i++) {
      const doc = await buildPolicyDocument(t.db, { unitId: province.id, status: 'issued' });
      const id = await createPlan(t.app.ctx, SYSTEM_ACTOR, doc.id, { unitId: province.id, startsOn: '2025-01-01', endsOn: '2099-12-31' });
      plans.push({ id, unitPath: province.path });
    }
  }
}, 180_000);

const index = fc.nat({ max: 1_000 });
const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('give' as const), plan: index, owners: fc.array(index, { minLength: 1, maxLength: 4 }), days: fc.integer({ min: -1, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('split' as const), task: index, keep: fc.array(fc.boolean(), { maxLength: 4 }), add: fc.array(index, { maxLength: 3 }), days: fc.integer({ min: 0, max: 25 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('report' as const), task: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('done' as const), task: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), task: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), task: index }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(xs: T[], i: number) => xs[i % xs.length];

async function tasks() {
  return t.db.selectFrom('tasks').select(['id', 'plan_id', 'owner_unit_id', 'owner_path', 'status', 'version', 'child_count', 'parent_id', 'deadline']).orderBy('id').execute();
}

async function apply(o: Op): Promise<void> {
  const all = await tasks();
  const ctx = t.app.ctx;
  if (o.op === 'give') {
    const plan = pick(plans, o.plan)!;
    const owners = [...new Set(o.owners.map((i) => pick(pool.filter((u) => u.path === plan.unitPath || u.path.startsWith(`${plan.unitPath}.`)), i)!.id))];
    await createTasks(ctx, SYSTEM_ACTOR, plan.id, { content: 'Quán triệt', expectedOutput: 'Báo cáo', startsOn: '2025-01-01', deadline: addDays(o.days), ownerUnitIds: owners });
    return;
  }
  const task = pick(all, o.task);
  if (!task) return;
  if (o.op === 'split') {
    const below = pool.filter((u) => u.path.startsWith(`${task.owner_path}.`));
    const children = all.filter((c) => c.parent_id === task.id);
    const kept = children.filter((_, i) => o.keep[i] ?? true).map((c) => ({ id: c.id, ownerUnitId: c.owner_unit_id }));
    const added = below.length ? o.add.map((i) => ({ ownerUnitId: pick(below, i)!.id, deadline: task.deadline < addDays(o.days) ? task.deadline : addDays(o.days) })) : [];
    await splitTask(ctx, SYSTEM_ACTOR, task.id, { children: [...kept, ...added], version: task.version });
  } else if (o.op === 'report') {
    await addReport(ctx, SYSTEM_ACTOR, task.id, { reportedOn: TODAY, text: 'Tiến độ' });
  } else if (o.op === 'done') {
    await markDone(ctx, SYSTEM_ACTOR, task.id, { version: task.version });
  } else if (o.op === 'reopen') {
    await reopen(ctx, SYSTEM_ACTOR, task.id, { version: task.version, reason: 'Chưa đạt' });
  } else {
    await deleteTask(ctx, SYSTEM_ACTOR, task.id, task.version);
  }
}

async function compare() {
  const counted = await sql`
    select document_id::text, owner_unit_id::text, count(*)::int as leaves, count(*) filter (where status = 'done')::int as done,
      count(*) filter (where status = 'done' or last_report_on is not null)::int as reported
    from tasks where child_count = 0 group by 1, 2 order by 1, 2`.execute(t.db);
  const kept = await sql`
    select document_id::text, owner_unit_id::text, leaves, done, reported from task_unit_counts
    where (leaves, done, reported) <> (0, 0, 0) order by 1, 2`.execute(t.db);
  expect(kept.rows).toEqual(counted.rows);
  const open = await sql`
    select document_id::text, owner_unit_id::text, deadline, count(*)::int as open
    from tasks where child_count = 0 and status = 'open' group by 1, 2, 3 order by 1, 2, 3`.execute(t.db);
  const keptOpen = await sql`select document_id::text, owner_unit_id::text, deadline, open from task_open_deadlines where open <> 0 order by 1, 2, 3`.execute(t.db);
  expect(keptOpen.rows).toEqual(open.rows);
  const wrongCounts = await sql`
    select t.id from tasks t where t.child_count <> (select count(*) from tasks c where c.parent_id = t.id)`.execute(t.db);
  expect(wrongCounts.rows).toEqual([]);
}

describe('task summaries', () => {
  it('equal a direct count of the tasks after random gives, splits, reports, closes, reopens and deletes', async () => {
    let refused = 0;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          try {
            await apply(o);
            applied++;
          } catch (err) {
            // Refusals are part of the run (a done task split, a container closed early, a past deadline…): they must write nothing.
            if (!(err instanceof AppError)) throw err;
            refused++;
          }
        }
        await compare();
      }),
      { numRuns: 12 },
    );
    // The run did something, and some of it was refused.
    expect(applied).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(0);
    expect(Number((await sql<{ n: string }>`select count(*) as n from tasks where child_count > 0`.execute(t.db)).rows[0]!.n)).toBeGreaterThan(0);
  }, 300_000);

  it('are read: a forged row shows in the comparison', async () => {
    const row = await t.db.selectFrom('task_unit_counts').select(['document_id', 'owner_unit_id']).where('leaves', '>', 0).executeTakeFirstOrThrow();
    const forge = (delta: number) =>
      t.db.updateTable('task_unit_counts').set({ leaves: sql`leaves + ${delta}` }).where('document_id', '=', row.document_id).where('owner_unit_id', '=', row.owner_unit_id).execute();
    await forge(1);
    await expect(compare()).rejects.toThrow();
    await forge(-1);
    await compare();
  });
});
