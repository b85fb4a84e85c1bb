/**
 * `npx tsx bench/grassroots.bench.ts`: grassroots democracy's figures at the country's size
 * (docs/grassroots-democracy.md §5): for every commune in force (3,321), BENCH_YEARS years
 * (default 2) of publications (about 9 a year, some late) and citizens' decisions (about 6 a
 * year, a covenant among them), written through SQL so the summaries' triggers run as they do in
 * use. Timed through the services: the figures of a province's year (target ≤ 200 ms p95), of the
 * country's year, and one commune's items with their state. Database as bench/support.ts says.
 * Figures printed and written to bench/results/grassroots.json. Not a test: nothing here asserts a time.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { CommuneYearQuery } from '../common/grassroots.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import type { Db } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { getFigures, listItemYears } from '../server/modules/grassroots/grassroots-read.service.js';
import { benchUser, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const YEARS = Number(process.env.BENCH_YEARS ?? 2);
const N = Number(process.env.BENCH_N ?? 100);

async function generate(db: Db) {
  const communes = sql`(select id, path, row_number() over (order by id) as k from units where kind = 'commune' and valid_to is null)`;
  const items = sql`(array['socioeconomic_plan','budget','officials_procedures','fees_charges','complaints_results','investment_land','funds_contributions','inspection_results','consultation_results'])`;
  const matters = sql`(array['infrastructure_contribution','community_funds','village_covenant','village_head','board_members','other_self_governed'])`;
  for (let y = 0; y < YEARS; y++) {
    const year = 2026 - y;
    // Item i of commune k is skipped one time in seven ("never") and late one time in five.
    await sql`insert into publications (unit_id, unit_path, item_code, document_title, document_date, forms, published_on, late)
      select c.id, c.path, ${items}[i], 'Văn bản ' || i || ' năm ' || ${year}, make_date(${year}, 1 + i, 3), array['notice_board'],
        make_date(${year}, 1 + i, 3) + case when (c.k + i) % 5 = 0 then 45 else 5 end, (c.k + i) % 5 = 0
      from ${communes} c cross join generate_series(1, 9) i where (c.k * 3 + i) % 7 <> 0`.execute(db);
    await sql`insert into citizen_decisions (unit_id, unit_path, village, matter_code, subject, method, decided_on, eligible_households,
        households_taking_part, in_favour, against, passed, approved_on)
      select c.id, c.path, 'Thôn ' || j, ${matters}[j], 'Việc ' || j, case when j % 2 = 0 then 'household_ballot' else 'meeting' end,
        make_date(${year}, 2 * j, 10), 200, 150, case when (c.k + j) % 6 = 0 then 90 else 130 end, 10, (c.k + j) % 6 <> 0,
        case when j = 3 and (c.k + j) % 6 <> 0 then make_date(${year}, 2 * j, 25) end
      from ${communes} c cross join generate_series(1, 6) j`.execute(db);
  }
  for (const table of ['publications', 'citizen_decisions', 'grassroots_item_years', 'grassroots_decision_years']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_grassroots');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, years: YEARS };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => Number((await sql<{ n: string }>`select count(*) as n from publications`.execute(db)).rows[0]?.n ?? 0), want: 1, generate: () => generate(db) });
    results.publications = Number((await sql<{ n: string }>`select count(*) as n from publications`.execute(db)).rows[0]?.n);
    results.decisions = Number((await sql<{ n: string }>`select count(*) as n from citizen_decisions`.execute(db)).rows[0]?.n);
    // The province with the most communes in force: the largest a province's figures get.
    const { rows } = await sql<{ id: string; path: string; communes: number }>`
      select p.id::text, p.path::text, count(c.id)::int as communes from units p join units c on c.path <@ p.path and c.kind = 'commune' and c.valid_to is null
      where p.kind = 'province' and p.valid_to is null group by p.id order by 3 desc limit 1`.execute(db);
    const province = rows[0]!;
    const commune = await db.selectFrom('units').select('id').where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const hash = await hashPassword('bench-Password-1234');
    const viewer = await benchUser(db, { username: 'bench.grassroots.province', passwordHash: hash, unit: province, role: 'viewer' });
    const national = await benchUser(db, { username: 'bench.grassroots.country', passwordHash: hash, unit: root, role: 'viewer' });
    const ctx = { db, config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }) };
    results.provinceCommunes = province.communes;
    results.loadAverageBefore = reportLoad('before');
    const out: Record<string, unknown>[] = [];
    const run = async (label: string, fn: () => Promise<number>) => {
      const r = await timeRuns(fn, N);
      console.log(`${label.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${r.last.toLocaleString('en')})`);
      out.push({ label, n: N, ...r });
    };
    await run(`figures of a province's year (${province.communes} communes)`, async () => (await getFigures(ctx, viewer, CommuneYearQuery.parse({ unitId: province.id, year: 2026 }))).total.itemsNever);
    await run('figures of the country\'s year (3,321 communes)', async () => (await getFigures(ctx, national, CommuneYearQuery.parse({ unitId: root.id, year: 2026 }))).total.itemsNever);
    await run('a commune\'s items with their state', async () => (await listItemYears(ctx, national, CommuneYearQuery.parse({ unitId: commune.id, year: 2026 }))).items.length);
    results.timings = out;
    results.loadAverageAfter = reportLoad('after');
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('grassroots', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
