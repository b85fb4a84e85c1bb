/**
 * `npx tsx bench/situation.bench.ts`: situation reports (docs/situation.md §5, "Situation reports
 * as built").
 *
 * Data: BENCH_SITUATION_REPORTS (default 200,000) submitted ad hoc reports spread over the communes
 * in force and the eight quarters of 2025–2026, three items each (topic, mood and groups varied by
 * id), and `situation_topic_counts` filled from them in one statement with the same grouping the
 * trigger applies per report (the trigger itself is covered by the tests; one row trigger per
 * report would make generation, not the summary, the slow part).
 *
 * Timed (BENCH_N runs, default 100, after a warm-up): the quarterly summary of a province
 * (Hà Nội, Ninh Bình) and of the country, through the service and over HTTP (app.inject). Target:
 * p95 ≤ 300 ms for a province. The load average is written next to the figures. Results to
 * bench/results/situation.json. Not a test: nothing here asserts a time.
 *
 * Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a temporary
 * folder (bench/support.ts), named danvan_bench_situation.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, type Db } from '../server/db/database.js';
import { quarterRange } from '../common/situation.js';
import { situationBlockOf } from '../server/modules/situation-reports/situation-figures.js';
import { buildSituationSummary } from '../server/modules/situation-reports/situation-summary.service.js';
import { benchApp, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const REPORTS = Number(process.env.BENCH_SITUATION_REPORTS ?? 200_000);
const N = Number(process.env.BENCH_N ?? 100);
const PASSWORD = 'bench-Password-1234';
const TARGET_MS = 300;
const YEAR = 2026;
const QUARTER = 2;

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], run: () => Promise<string>, n = N): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, n);
  const flag = p95 <= TARGET_MS ? '' : `  ← over ${TARGET_MS} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(34)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return { label, via, n, p50, p95, max, answer };
}

/** The reports, their items and the counts, in three statements. */
async function generate(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`
      with c as (select id, path, row_number() over (order by id) - 1 as k, count(*) over () as n from units where kind = 'commune' and valid_to is null)
      insert into situation_reports (unit_id, unit_path, kind, period_from, period_to, overall_mood, status, submitted_on)
      select c.id, c.path, 'ad_hoc', d, d, 'stable', 'submitted', d
      from generate_series(0, ${REPORTS - 1}) g
      join c on c.k = g % c.n
      cross join lateral (select date '2025-01-01' + ((g * 7919) % 730)::int as d) day`.execute(trx);
    // Three items a report: a topic, a mood (mostly stable, land and compensation more often tense) and two groups.
    await sql`
      insert into situation_items (report_id, position, topic_code, group_codes, mood, summary, proposals, sources)
      select r.id, p, t.code, array[g1.code, g2.code],
        case when (r.id * 31 + p * 7) % 10 < 6 then 'stable' when (r.id * 31 + p * 7) % 10 < 9 or t.code not in ('land', 'compensation') then 'concerned' else 'tense' end,
        'Nhân dân phản ánh về tình hình ở địa phương', case when p = 0 then 'Đề nghị cấp trên quan tâm giải quyết' end, 'Tổ dân vận'
      from situation_reports r cross join generate_series(0, 2) p
      join lateral (select code from opinion_topics order by code offset ((r.id * 3 + p * 5) % 10) limit 1) t on true
      join lateral (select code from population_groups order by code offset ((r.id + p) % 11) limit 1) g1 on true
      join lateral (select code from population_groups order by code offset ((r.id + p + 3) % 11) limit 1) g2 on true`.execute(trx);
    await sql`
      insert into situation_topic_counts (unit_id, month, topic_code, mood, n)
      select r.unit_id, date_trunc('month', r.period_to)::date, i.topic_code, i.mood, count(*)
      from situation_reports r join situation_items i on i.report_id = r.id where r.status = 'submitted'
      group by 1, 2, 3, 4`.execute(trx);
  });
  for (const table of ['situation_reports', 'situation_items', 'situation_topic_counts']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_situation');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, n: N, targetMs: TARGET_MS, year: YEAR, quarter: QUARTER };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => Number((await sql<{ n: string }>`select count(*) as n from situation_reports`.execute(db)).rows[0]!.n), want: REPORTS, generate: () => generate(db) });
    const { rows } = await sql<{ reports: number; items: number; count_rows: number }>`
      select (select count(*)::int from situation_reports) as reports, (select count(*)::int from situation_items) as items,
        (select count(*)::int from situation_topic_counts) as count_rows`.execute(db);
    console.log(`situation reports: ${rows[0]!.reports}, items: ${rows[0]!.items}, count rows: ${rows[0]!.count_rows}`);
    results.data = rows[0];

    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const province = (code: string) =>
      db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const hanoi = await province('01');
    const ninhBinh = await province('37');
    const users = [
      { username: 'bench.situation.admin', unit: root, role: 'system_admin' as const },
      { username: 'bench.situation.hanoi', unit: hanoi, role: 'viewer' as const },
      { username: 'bench.situation.ninhbinh', unit: ninhBinh, role: 'viewer' as const },
    ];
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);
    const answer = (s: { reportsReceived: number; unitsReporting: number; topics: { rising: boolean }[]; children: unknown[] }) =>
      `${s.reportsReceived} reports, ${s.unitsReporting} units, ${s.topics.filter((x) => x.rising).length} rising, ${s.children.length} children`;
    const blockAnswer = (b: { reportsReceived: number; unitsReporting: number; rising: unknown[] }) => `${b.reportsReceived} reports, ${b.unitsReporting} units, ${b.rising.length} rising`;
    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    // The country is not a target (a province's quarter is); fewer runs keep the bench short.
    for (const [label, username, unit, n] of [
      ['summary: Hà Nội, quarter', 'bench.situation.hanoi', hanoi, N],
      ['summary: Ninh Bình, quarter', 'bench.situation.ninhbinh', ninhBinh, N],
      ['summary: the country, quarter', 'bench.situation.admin', root, Math.min(N, 20)],
    ] as const) {
      const q = { unitId: unit.id, year: YEAR, quarter: QUARTER };
      out.push(await time(label, 'service', async () => answer(await buildSituationSummary({ db, config }, actors[username]!, q)), n));
      out.push(
        await time(label, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/situation/summary?unitId=${unit.id}&year=${YEAR}&quarter=${QUARTER}`, headers: { cookie: cookies[username]! } });
          if (res.statusCode !== 200) throw new Error(`summary: ${res.statusCode} ${res.body}`);
          return answer(res.json());
        }, n),
      );
    }
    // The report engine's block (common/situation.ts ReportSituation) for a province's quarter and the country's year.
    out.push(await time('report block: Hà Nội, quarter', 'service', async () => blockAnswer(await situationBlockOf(db, hanoi.path, quarterRange(YEAR, QUARTER), quarterRange(YEAR, QUARTER - 1)))));
    out.push(await time('report block: the country, year', 'service', async () => blockAnswer(await situationBlockOf(db, root.path, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31` })), Math.min(N, 20)));
    results.loadAverageAfter = reportLoad('after');
    results.summary = out;
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('situation', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
