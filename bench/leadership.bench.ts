/**
 * `npx tsx bench/leadership.bench.ts`: the leadership loop (docs/leadership-loop.md §8 "Bench").
 *
 * Tasks roll-up: one document given from the root to every province, BENCH_TASK_ROUNDS (default 15)
 * tasks each, and each split by its province to all its communes: about 50,000 tasks, leaves owned
 * by communes, some done or reported, some overdue. Times GET /api/policy-documents/:id/rollup for
 * the root, a province and a commune BENCH_N times (default 200) after a warm-up, through the
 * service and over HTTP (app.inject). Target: p95 ≤ 200 ms. The load average is written next to
 * the figures (a shared 2-core machine makes it part of the result).
 *
 * Report with the tasks block (slice 8): the report of the country and of Hà Nội for the current
 * year (every figure, the tasks block counted from the tasks), and the tasks block alone; the block's plan (EXPLAIN ANALYZE) is printed once. Results to
 * bench/results/leadership.json. Not a test: nothing here asserts a time.
 *
 * Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a temporary
 * folder (bench/support.ts), named danvan_bench_leadership.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, type Db, migrateToLatest } from '../server/db/database.js';
import { buildReport } from '../server/modules/reports/reports.service.js';
import { getRollup } from '../server/modules/tasks/rollup.service.js';
import { findTaskFigures } from '../server/modules/tasks/task-figures.repository.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { benchApp, openBenchDatabase, reportLoad, timeRuns, writeResults } from './support.js';

const ROUNDS = Number(process.env.BENCH_TASK_ROUNDS ?? 15);
const N = Number(process.env.BENCH_N ?? 200);
const PASSWORD = 'bench-Password-1234';
const TASKS_TARGET_MS = 200;
const TITLE = 'Kết luận về tiếp tục thực hiện Nghị quyết 25-NQ/TW (bench)';

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], targetMs: number, run: () => Promise<string>): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, N);
  const flag = p95 <= targetMs ? '' : `  ← over ${targetMs} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(36)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return { label, via, n: N, p50, p95, max, answer };
}

/**
 * The document on the root, its plan, ROUNDS root tasks per province and their split to every
 * commune of the province (in force). Statement-level writes, as the services' own inserts are:
 * the summaries' triggers run once per statement.
 */
async function tasksRollupGenerate(db: Db, rootId: string): Promise<string> {
  return db.transaction().execute((trx) => tasksRollupWrite(trx, rootId));
}

async function tasksRollupWrite(db: Db, rootId: string): Promise<string> {
  const doc = await sql<{ id: string }>`
    insert into policy_documents (kind, issuing_unit_id, issuing_path, issuing_body, number, symbol, issued_on, title, status)
    select 'conclusion', id, path, 'Ban Bí thư', '9043', 'KL/TW', date '2025-01-07', ${TITLE}, 'issued' from units where id = ${rootId}
    returning id::text`.execute(db);
  const documentId = doc.rows[0]!.id;
  const plan = await sql<{ id: string }>`
    insert into implementation_plans (document_id, unit_id, unit_path, starts_on, ends_on)
    select ${documentId}, id, path, date '2025-01-01', date '2030-12-31' from units where id = ${rootId} returning id::text`.execute(db);
  const planId = plan.rows[0]!.id;
  // Root tasks: one per province and round, ids drawn first (per row, in the select list) so each path is its own id.
  await sql`
    insert into tasks (id, plan_id, document_id, path, assigning_unit_id, assigning_path, owner_unit_id, owner_path, content, expected_output, starts_on, deadline, child_count)
    select n.id, ${planId}, ${documentId}, n.id::text::ltree, n.root_id, n.root_path, n.province_id, n.province_path, 'Nhiệm vụ ' || n.k, 'Báo cáo kết quả',
      date '2025-01-01', date '2030-06-30', n.communes
    from (
      select nextval(pg_get_serial_sequence('tasks', 'id')) as id, r.id as root_id, r.path as root_path, p.id as province_id, p.path as province_path, k,
        (select count(*) from units c where c.parent_id = p.id and c.valid_to is null) as communes
      from units r cross join units p cross join generate_series(1, ${ROUNDS}) k
      where r.id = ${rootId} and p.parent_id = r.id and p.kind = 'province' and p.valid_to is null
    ) n`.execute(db);
  // Their split to the communes: deadlines from 40 days ago to 80 days ahead; a third done, a fifth reported.
  await sql`
    insert into tasks (id, plan_id, document_id, parent_id, path, assigning_unit_id, assigning_path, owner_unit_id, owner_path, content, expected_output,
      starts_on, deadline, status, done_at, last_report_on)
    select n.id, n.plan_id, n.document_id, n.parent_id, n.parent_path || n.id::text, n.assigning_unit_id, n.assigning_path, n.owner_unit_id, n.owner_path,
      n.content, n.expected_output, n.starts_on, current_date + ((n.id * 37) % 120 - 40)::int,
      case when n.id % 3 = 0 then 'done' else 'open' end, case when n.id % 3 = 0 then now() end,
      case when n.id % 5 = 0 then current_date - 1 end
    from (
      select nextval(pg_get_serial_sequence('tasks', 'id')) as id, t.plan_id, t.document_id, t.id as parent_id, t.path as parent_path,
        t.owner_unit_id as assigning_unit_id, t.owner_path as assigning_path, c.id as owner_unit_id, c.path as owner_path, t.content, t.expected_output, t.starts_on
      from tasks t join units c on c.parent_id = t.owner_unit_id and c.valid_to is null
      where t.plan_id = ${planId} and t.parent_id is null
    ) n`.execute(db);
  return documentId;
}

async function tasksRollupBench(db: Db, url: string, results: Record<string, unknown>): Promise<Result[]> {
  const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
  let documentId = (await db.selectFrom('policy_documents').select('id').where('title', '=', TITLE).executeTakeFirst())?.id;
  if (!documentId) {
    const t0 = performance.now();
    documentId = await tasksRollupGenerate(db, root.id);
    results.tasksGenerateSeconds = (performance.now() - t0) / 1000;
    for (const table of ['tasks', 'task_unit_counts', 'task_open_deadlines']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
  const { rows: figures } = await sql<{ tasks: number; leaves: number; summary_rows: number; deadline_rows: number }>`
    select (select count(*)::int from tasks where document_id = ${documentId}) as tasks,
      (select count(*)::int from tasks where document_id = ${documentId} and child_count = 0) as leaves,
      (select count(*)::int from task_unit_counts where document_id = ${documentId}) as summary_rows,
      (select count(*)::int from task_open_deadlines where document_id = ${documentId}) as deadline_rows`.execute(db);
  console.log(`tasks: ${figures[0]!.tasks} (${figures[0]!.leaves} leaves); summary rows: ${figures[0]!.summary_rows} by unit, ${figures[0]!.deadline_rows} by unit and deadline`);
  results.tasks = figures[0];

  const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const commune = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', '=', hanoi.id).where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const users = [
    { username: 'bench.tasks.admin', unit: root, role: 'system_admin' as const },
    { username: 'bench.tasks.province', unit: hanoi, role: 'viewer' as const },
    { username: 'bench.tasks.commune', unit: commune, role: 'viewer' as const },
  ];
  const { app, config, actors, cookies } = await benchApp(db, url, users, PASSWORD);
  const out: Result[] = [];
  results.tasksLoadAverageBefore = reportLoad('before');
  const answer = (r: { totals: { leaves: number; overdue: number }; children: unknown[] }) => `${r.totals.leaves} leaves, ${r.totals.overdue} overdue, ${r.children.length} rows`;
  for (const [label, username, unit] of [
    ['roll-up: the country', 'bench.tasks.admin', root],
    ['roll-up: a province (Hà Nội)', 'bench.tasks.province', hanoi],
    ['roll-up: a commune of Hà Nội', 'bench.tasks.commune', commune],
  ] as const) {
    out.push(await time(label, 'service', TASKS_TARGET_MS, async () => answer(await getRollup({ db, config }, actors[username]!, documentId!, unit.id))));
    out.push(
      await time(label, 'http', TASKS_TARGET_MS, async () => {
        const res = await app.inject({ method: 'GET', url: `/api/policy-documents/${documentId}/rollup?unitId=${unit.id}`, headers: { cookie: cookies[username]! } });
        if (res.statusCode !== 200) throw new Error(`rollup: ${res.statusCode} ${res.body}`);
        return answer(res.json());
      }),
    );
  }
  results.tasksLoadAverageAfter = reportLoad('after');
  await app.close();

  // The report engine with its tasks block (current year: the generated deadlines run around today).
  const year = new Date().getUTCFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = new Date().toISOString().slice(0, 10);
  const block = (area: { path: string }, byChild: boolean) =>
    findTaskFigures(db, { area: { mode: 'current', path: area.path }, from, to, asOf: today < to ? today : to, previous: { from: `${year - 1}-01-01`, asOf: `${year - 1}-12-31` }, byChild });
  const { rows: plan } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off)
    with u as materialized (select id from units where current_path <@ ${root.path}::ltree)
    select count(*) from u join tasks t on t.owner_unit_id = u.id
    where t.child_count = 0 and t.starts_on <= ${to}::date and (t.status = 'open' or t.done_at >= (${from}::timestamp at time zone 'Asia/Ho_Chi_Minh'))`.execute(db);
  console.log(`the tasks block's leaves, the country:\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  results.tasksBlockPlan = plan.map((r) => r['QUERY PLAN']);
  results.reportLoadAverageBefore = reportLoad('before');
  const blockAnswer = (rows: Awaited<ReturnType<typeof block>>) => {
    const whole = rows.find((r) => r.which === 0 && r.whole)!;
    return `${whole.documents} documents, ${whole.assigned} leaves, ${whole.done} done, ${whole.overdue} overdue, ${rows.length} rows`;
  };
  for (const [label, unit] of [
    ['report with tasks: the country', root],
    ['report with tasks: a province', hanoi],
  ] as const) {
    out.push(
      await time(label, 'service', TASKS_TARGET_MS, async () => {
        const r = await buildReport({ db, config }, { unitId: unit.id, period: 'year', year });
        return `${r.figures.tasks.assigned} leaves, ${r.figures.tasks.overdue} overdue, ${r.children.length} children`;
      }),
    );
    out.push(await time(label.replace('report with tasks', 'tasks block alone'), 'service', TASKS_TARGET_MS, async () => blockAnswer(await block(unit, true))));
  }
  results.reportLoadAverageAfter = reportLoad('after');
  return out;
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_leadership');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, n: N, tasksTargetMs: TASKS_TARGET_MS, taskRounds: ROUNDS };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    results.tasksRollup = await tasksRollupBench(db, database.url, results);
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('leadership', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
