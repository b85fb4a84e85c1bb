/**
 * `npx tsx bench/dialogue.bench.ts`: dialogue conferences (docs/grassroots-democracy.md §7).
 *
 * Data: BENCH_DIALOGUES (default 20,000) dialogue conferences over the communes in force and the
 * years 2025–2026, most communes holding one or more a year and some none (varied by id), with
 * notice and results days around the conference.
 *
 * Timed (BENCH_N runs, default 100, after a warm-up): the communes without a conference in 2026
 * (`GET /api/dialogue/missing`) for Hà Nội, Ninh Bình and the country (3,321 communes), through the
 * service and over HTTP (app.inject), and the report's grassroots block for the country's year.
 * Target: p95 ≤ 200 ms. Results to bench/results/dialogue.json. Not a test: nothing here asserts a time.
 *
 * Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a temporary
 * folder (bench/support.ts), named danvan_bench_dialogue.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, type Db } from '../server/db/database.js';
import { communesQuery } from '../server/modules/petitions/dialogue.repository.js';
import { missingDialogues } from '../server/modules/petitions/dialogue.service.js';
import { grassrootsBlockOf } from '../server/modules/reports/report-grassroots.js';
import { benchApp, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const DIALOGUES = Number(process.env.BENCH_DIALOGUES ?? 20_000);
const N = Number(process.env.BENCH_N ?? 100);
const PASSWORD = 'bench-Password-1234';
const TARGET_MS = 200;
const YEAR = 2026;

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], run: () => Promise<string>, n = N): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, n);
  const flag = p95 <= TARGET_MS ? '' : `  ← over ${TARGET_MS} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(34)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return { label, via, n, p50, p95, max, answer };
}

/** The conferences in one statement; one commune in seven (by its rank) holds none at all. */
async function generate(db: Db): Promise<void> {
  await sql`
    with c as (select id, path, row_number() over (order by id) - 1 as k, count(*) over () as n from units where kind = 'commune' and valid_to is null),
    held as (select * from c where k % 7 <> 3)
    insert into reception_sessions (kind, unit_id, unit_path, held_on, title, presiding, notice_on, results_published_on, results_form)
    select 'dialogue', h.id, h.path, d, 'Hội nghị đối thoại với Nhân dân', 'Chủ tịch UBND xã', d - (3 + g % 10), d + (2 + g % 12), 'mass_media'
    from generate_series(0, ${DIALOGUES - 1}) g
    join (select *, row_number() over (order by id) - 1 as j, count(*) over () as m from held) h on h.j = g % h.m
    cross join lateral (select date '2025-01-01' + ((g * 7919) % 700)::int as d) day`.execute(db);
  await sql`vacuum analyze reception_sessions`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_dialogue');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, n: N, targetMs: TARGET_MS, year: YEAR };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => (await sql<{ n: number }>`select count(*)::int as n from reception_sessions where kind = 'dialogue'`.execute(db)).rows[0]!.n, want: DIALOGUES, generate: () => generate(db) });
    results.dialogues = (await sql<{ n: number }>`select count(*)::int as n from reception_sessions where kind = 'dialogue'`.execute(db)).rows[0]!.n;
    console.log(`dialogue conferences: ${results.dialogues}`);

    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const province = (code: string) =>
      db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const hanoi = await province('01');
    const ninhBinh = await province('37');
    const users = [
      { username: 'bench.dialogue.admin', unit: root, role: 'system_admin' as const },
      { username: 'bench.dialogue.hanoi', unit: hanoi, role: 'viewer' as const },
      { username: 'bench.dialogue.ninhbinh', unit: ninhBinh, role: 'viewer' as const },
    ];
    if (process.env.BENCH_EXPLAIN) {
      // Where the communes-without query of a province spends its time.
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${communesQuery(ninhBinh.path, `${YEAR}-01-01`, `${YEAR}-12-31`, `${YEAR}-12-06`)}`.execute(db);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);
    const answer = (m: { communes: number; held: number; without: number; groups: unknown[] }) => `${m.communes} communes, ${m.held} held, ${m.without} without, ${m.groups.length} groups`;
    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    for (const [label, username, unit] of [
      ['missing: Hà Nội, year', 'bench.dialogue.hanoi', hanoi],
      ['missing: Ninh Bình, year', 'bench.dialogue.ninhbinh', ninhBinh],
      ['missing: the country, year', 'bench.dialogue.admin', root],
    ] as const) {
      out.push(await time(label, 'service', async () => answer(await missingDialogues({ db, config } as Parameters<typeof missingDialogues>[0], actors[username]!, { unitId: unit.id, year: YEAR }))));
      out.push(
        await time(label, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/dialogue/missing?unitId=${unit.id}&year=${YEAR}`, headers: { cookie: cookies[username]! } });
          if (res.statusCode !== 200) throw new Error(`missing: ${res.statusCode} ${res.body}`);
          return answer(res.json());
        }),
      );
    }
    out.push(
      await time('report block: the country, year', 'service', async () => {
        const b = await grassrootsBlockOf(db, root.path, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
        return `${b.dialogue.held}/${b.dialogue.communes} held, ${b.dialogue.conferences} conferences, ${b.dialogue.resultsLate} late`;
      }),
    );
    results.loadAverageAfter = reportLoad('after');
    results.summary = out;
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('dialogue', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
