/**
 * `npx tsx bench/entries-list.bench.ts`: the entries list with facet counts over 1,000,000 entries.
 * Database: BENCH_DATABASE_URL (used as is; entries are generated only when it holds fewer than
 * BENCH_ENTRIES), else an embedded engine in BENCH_DATA_DIR (kept, reused) or a temporary folder
 * (removed). Migrates, loads the official units, generates the entries
 * (bench/generate-entries.ts), VACUUM ANALYZE, then times each query BENCH_N times (default 200)
 * after a warm-up, through the service and over HTTP (app.inject: routing, session, validation,
 * serialization), and writes p50/p95/max to bench/results/entries-list.json. The embedded engine
 * runs with shared_buffers = BENCH_SHARED_BUFFERS (default 1GB, as a production server would). BENCH_ONLY=word /
 * BENCH_SKIP=word run only / all but the queries whose label contains it (their figures replace
 * those in the results file). Not a test: nothing here asserts a time. Target: p95 ≤ 50 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { EntryListQuery } from '../common/entries.js';
import { createDb, migrateToLatest } from '../server/db/database.js';
import type { Actor } from '../server/http/access.js';
import { listEntries } from '../server/modules/entries/entries-list.service.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { generateEntries } from './generate-entries.js';
import { benchApp, openBenchDatabase, reportLoad, resultsFile, timeRuns, writeResults } from './support.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const N = Number(process.env.BENCH_N ?? 200);
const SHARED_BUFFERS = process.env.BENCH_SHARED_BUFFERS ?? '1GB';
const PASSWORD = 'bench-Password-1234';

type Result = { label: string; via: 'service' | 'http'; n: number; total: number; p50: number; p95: number; max: number };


async function time(label: string, via: Result['via'], run: () => Promise<number>): Promise<Result> {
  const { last: total, p50, p95, max } = await timeRuns(run, N);
  const r = { label, via, n: N, total, p50, p95, max };
  const flag = r.p95 <= 50 ? '' : '  ← over 50 ms';
  console.log(`${via.padEnd(7)} ${label.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${total.toLocaleString('en')} rows)${flag}`);
  return r;
}


async function main() {
  // Sized like a production server (shared_buffers ≈ a quarter of a small server's memory), not
  // like the embedded default of 128 MB: the list's indexes and search rows then stay in memory.
  const database = await openBenchDatabase('danvan_bench', { shared_buffers: SHARED_BUFFERS });
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, entries: ENTRIES, n: N, sharedBuffers: process.env.BENCH_DATABASE_URL ? 'server setting' : SHARED_BUFFERS };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const have = Number((await sql<{ n: string }>`select count(*) as n from entries`.execute(db)).rows[0]?.n ?? 0);
    if (have < ENTRIES) {
      const t0 = performance.now();
      const report = await generateEntries(db, ENTRIES - have, (m) => console.log(`  ${m}`));
      await sql`vacuum analyze entries`.execute(db);
      await sql`vacuum analyze entry_facet_counts`.execute(db);
      results.generateSeconds = (performance.now() - t0) / 1000;
      console.log(`generated ${report.entries.toLocaleString('en')} entries over ${report.units.toLocaleString('en')} units in ${(results.generateSeconds as number).toFixed(0)} s (with VACUUM ANALYZE)`);
    }
    // What autovacuum does in production after bulk writes (a migration's backfill, an import).
    await sql`vacuum analyze entries`.execute(db);
    await sql`vacuum analyze entry_search`.execute(db);
    const { rows: sizes } = await sql<{ entries: string; summary: string; root_rows: string; table_size: string }>`
      select (select count(*) from entries) as entries, (select count(*) from entry_facet_counts where n > 0) as summary,
        (select count(*) from entry_facet_counts where n > 0 and nlevel(area) = 1) as root_rows,
        pg_size_pretty(pg_total_relation_size('entries')) as table_size`.execute(db);
    console.log(`entries: ${sizes[0]?.entries} (${sizes[0]?.table_size} with indexes); summary rows: ${sizes[0]?.summary} (${sizes[0]?.root_rows} for the whole country)`);
    results.summaryRows = Number(sizes[0]?.summary);
    results.summaryRowsCountry = Number(sizes[0]?.root_rows);

    // The units to ask about: Hà Nội, its busiest commune, and the root.
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const country = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const { rows: busy } = await sql<{ id: string; n: string }>`
      select u.id::text, count(*) as n from entries e join units u on u.id = e.registering_unit_id
      where u.kind = 'commune' and e.unit_path <@ ${hanoi.path}::ltree group by u.id order by count(*) desc limit 1`.execute(db);
    const commune = busy[0]?.id ?? hanoi.id;

    const users = [
      { username: 'bench.admin', unit: country, role: 'system_admin' as const },
      { username: 'bench.viewer', unit: hanoi, role: 'viewer' as const },
    ];
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);

    const queries: { label: string; user: string; query: Record<string, string> }[] = [
      { label: 'whole country, unfiltered (system admin)', user: 'bench.admin', query: {} },
      { label: 'a province subtree (Hà Nội)', user: 'bench.admin', query: { unitId: hanoi.id } },
      { label: 'province + year 2025', user: 'bench.admin', query: { unitId: hanoi.id, year: '2025' } },
      { label: 'a commune (busiest of Hà Nội)', user: 'bench.admin', query: { unitId: commune } },
      { label: 'province + field + status', user: 'bench.admin', query: { unitId: hanoi.id, field: 'economic', status: 'implementing' } },
      { label: 'province viewer (scoped, no unitId)', user: 'bench.viewer', query: {} },
      { label: 'country + year + kind + typical', user: 'bench.admin', query: { year: '2023,2024', kind: 'typical_example', typical: 'true' } },
      { label: 'province, by title, offset 1000', user: 'bench.admin', query: { unitId: hanoi.id, sort: 'title', offset: '1000' } },
      { label: 'text q "hien dat" in a province', user: 'bench.admin', query: { unitId: hanoi.id, q: 'hien dat' } },
      { label: 'text q "camera an ninh" whole country', user: 'bench.admin', query: { q: 'camera an ninh' } },
    ];
    const out: Result[] = [];
    // The machine may be shared: the load average says how much of it the figures had.
    results.loadAverageBefore = reportLoad('before');
    // BENCH_ONLY=word / BENCH_SKIP=word: only / all but the queries whose label contains it (a quick re-run of some).
    const { BENCH_ONLY: only, BENCH_SKIP: skip } = process.env;
    for (const q of queries.filter((x) => (!only || x.label.includes(only)) && (!skip || !x.label.includes(skip)))) {
      const actor = actors[q.user] as Actor;
      const parsed = EntryListQuery.parse(q.query);
      out.push(await time(q.label, 'service', async () => (await listEntries({ db, config }, actor, parsed)).total));
      const url = `/api/entries?${new URLSearchParams(q.query)}`;
      out.push(
        await time(q.label, 'http', async () => {
          const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies[q.user] as string } });
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
          return (res.json() as { total: number }).total;
        }),
      );
    }
    results.queries = out;
    results.loadAverageAfter = reportLoad('after');
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  const file = resultsFile('entries-list');
  if ((process.env.BENCH_ONLY || process.env.BENCH_SKIP) && existsSync(file)) {
    // A partial run replaces its own figures in the last full run's file.
    const before = JSON.parse(readFileSync(file, 'utf8')) as { queries?: Result[] };
    const fresh = (results.queries ?? []) as Result[];
    const kept = (before.queries ?? []).filter((o) => !fresh.some((r) => r.label === o.label && r.via === o.via));
    results.queries = [...kept, ...fresh];
  }
  writeResults('entries-list', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
