/**
 * `npx tsx bench/supervision.bench.ts`: the boards and the Front's supervision at the country's
 * size (docs/grassroots-democracy.md §6): every commune in force (3,321) gets a People's Inspection
 * Board and an investment supervision board with five members each, and BENCH_ACTIVITIES (default
 * 4) supervisions a year over BENCH_YEARS (default 3) years, each with two recommendations (some
 * answered, some partly, some overdue). Timed through the service: a province's figures of the
 * year by child unit (target ≤ 200 ms p95), the country's, and the overdue list of a province (the
 * work queue's count). Database as bench/support.ts says. Figures printed and written to
 * bench/results/supervision.json. Not a test: nothing here asserts a time.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { RecommendationQuery } from '../common/supervision.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import type { Db } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { getFigures, listRecommendations } from '../server/modules/supervision/supervision.service.js';
import { benchUser, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 4);
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const N = Number(process.env.BENCH_N ?? 100);
const YEAR = 2026;

async function generate(db: Db) {
  const communes = sql`(select id, path from units where kind = 'commune' and valid_to is null)`;
  await sql`insert into supervision_boards (unit_id, unit_path, kind, project_name, investor, term_from, term_to, elected_on, elected_by)
    select c.id, c.path, k.kind, case when k.kind = 'investment_supervision' then 'Dự án đường thôn' end, case when k.kind = 'investment_supervision' then 'UBND xã' end,
      date '2024-07-01', date '2029-06-30', date '2024-06-20', 'Hội nghị nhân dân'
    from ${communes} c cross join (values ('inspection'), ('investment_supervision')) k(kind)`.execute(db);
  await sql`insert into supervision_board_members (board_id, unit_id, name, name_key, position, from_on, sort_order)
    select b.id, b.unit_id, 'Thành viên ' || b.id || '-' || s, 'thành viên ' || b.id || '-' || s, 'Thành viên', date '2024-07-01', s
    from supervision_boards b cross join generate_series(0, 4) s`.execute(db);
  await sql`insert into supervision_activities (unit_id, unit_path, board_id, kind, held_on, subject, findings)
    select b.unit_id, b.unit_path, case when a % 2 = 0 then b.id end, case when a % 4 = 3 then 'social_criticism' else 'supervision' end,
      make_date(${YEAR} - y, 1 + (a * 3) % 12, 1 + (b.id::int % 27)), 'Giám sát ' || a, 'Phát hiện ' || a
    from supervision_boards b cross join generate_series(0, ${ACTIVITIES - 1}) a cross join generate_series(0, ${YEARS - 1}) y
    where b.kind = 'inspection'`.execute(db);
  await sql`insert into supervision_recommendations (activity_id, unit_id, unit_path, content, addressee, sent_on, due_on, answered_on, answer_kind)
    select a.id, a.unit_id, a.unit_path, 'Kiến nghị ' || r, 'UBND xã', a.held_on + 2, a.held_on + 32,
      case when (a.id + r) % 3 = 0 then a.held_on + 20 end, case when (a.id + r) % 3 = 0 then (case when (a.id + r) % 2 = 0 then 'answered' else 'partly' end) end
    from supervision_activities a cross join generate_series(0, 1) r`.execute(db);
  for (const table of ['supervision_boards', 'supervision_board_members', 'supervision_activities', 'supervision_recommendations']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_supervision');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, activitiesPerYear: ACTIVITIES, years: YEARS };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => Number((await sql<{ n: string }>`select count(*) as n from supervision_boards`.execute(db)).rows[0]?.n ?? 0), want: 1, generate: () => generate(db) });
    const counts = (await sql<Record<string, string>>`select (select count(*) from units where kind = 'commune' and valid_to is null) as communes,
      (select count(*) from supervision_boards) as boards, (select count(*) from supervision_activities) as activities, (select count(*) from supervision_recommendations) as recommendations`.execute(db)).rows[0];
    results.rows = counts;
    console.log(counts);
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const hash = await hashPassword('bench-Password-1234');
    const viewer = await benchUser(db, { username: 'bench.supervision.hanoi', passwordHash: hash, unit: hanoi, role: 'viewer' });
    const national = await benchUser(db, { username: 'bench.supervision.country', passwordHash: hash, unit: root, role: 'viewer' });
    const ctx = { db, config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }) };
    const today = `${YEAR}-12-06`;
    results.loadAverageBefore = reportLoad('before');
    const out: Record<string, unknown>[] = [];
    const run = async (label: string, fn: () => Promise<number>) => {
      const r = await timeRuns(fn, N);
      console.log(`${label.padEnd(48)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${r.last.toLocaleString('en')})`);
      out.push({ label, n: N, ...r });
    };
    await run(`figures of Hà Nội, ${YEAR}, by commune`, async () => (await getFigures(ctx, viewer, hanoi.id, YEAR, today)).total.recommendations);
    await run(`figures of the country, ${YEAR}, by province`, async () => (await getFigures(ctx, national, root.id, YEAR, today)).total.recommendations);
    await run('overdue recommendations of Hà Nội (first page)', async () => (await listRecommendations(ctx, viewer, RecommendationQuery.parse({ unitId: hanoi.id, state: 'overdue' }), today)).total);
    results.timings = out;
    results.loadAverageAfter = reportLoad('after');
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('supervision', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
