/**
 * `npx tsx bench/reports.bench.ts`: the report engine over a nationwide data set: every current
 * and legacy unit, 1,000,000 entries over 2021–2025 (before 1 July 2025 registered by the units
 * then in force, after by the current ones) and 50,000 commendations (bench/generate-report-data.ts).
 * Database: BENCH_DATABASE_URL (created when missing; data generated only when it holds fewer than
 * BENCH_ENTRIES entries), else an embedded engine in BENCH_DATA_DIR (kept, reused) or a temporary
 * folder (removed). Times each report BENCH_N times (default 30) after a warm-up, three ways in
 * the same rounds: the raw SQL the service runs (its queries, in parallel as the service runs
 * them), the service (`buildReport`), and the endpoint over HTTP (app.inject: session,
 * validation, serialization).
 * Writes p50/p95/max to bench/results/reports.json. Targets: a province's annual report ≤ 100 ms,
 * the country's ≤ 1 s, HTTP within 1.5× of the raw SQL. Not a test: nothing here asserts a time.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import type { ReportQuery } from '../common/reports.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb, migrateToLatest } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { previousRange } from '../server/modules/reports/report-range.js';
import * as repo from '../server/modules/reports/reports.repository.js';
import { buildReport, reportSpan, resolveReportRange } from '../server/modules/reports/reports.service.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { generateReportData } from './generate-report-data.js';
import { benchLogin, benchUser, openBenchDatabase, percentile, reportLoad, writeResults } from './support.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const COMMENDATIONS = Number(process.env.BENCH_COMMENDATIONS ?? 50_000);
const N = Number(process.env.BENCH_N ?? 30);
const WARMUP = 5;
const PASSWORD = 'bench-Password-1234';

type Via = 'sql' | 'service' | 'http';
type Result = { label: string; via: Via; n: number; p50: number; p95: number; max: number; total: number };


/**
 * Times the three ways of getting one report in the same rounds, in turn (sql, service, http; the
 * order rotates each round), so a busy moment of a shared machine weighs on all three alike.
 */
async function timeAll(label: string, target: number, runs: Record<Via, () => Promise<number>>): Promise<Result[]> {
  const vias = Object.keys(runs) as Via[];
  const totals = {} as Record<Via, number>;
  for (let i = 0; i < WARMUP; i++) for (const via of vias) totals[via] = await runs[via]();
  const times = Object.fromEntries(vias.map((v) => [v, [] as number[]])) as Record<Via, number[]>;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < vias.length; j++) {
      const via = vias[(i + j) % vias.length]!;
      const t0 = performance.now();
      await runs[via]();
      times[via].push(performance.now() - t0);
    }
  }
  return vias.map((via) => {
    const sorted = times[via].sort((a, b) => a - b);
    const r = { label, via, n: N, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN, total: totals[via] };
    const flag = via === 'service' && r.p95 > target ? `  ← over ${target} ms` : '';
    console.log(`${via.padEnd(7)} ${label.padEnd(40)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  max ${r.max.toFixed(1).padStart(7)} ms  (${r.total.toLocaleString('en')} entries)${flag}`);
    return r;
  });
}


async function main() {
  // Its own database: the entries-list bench generates other data in the same engine.
  const database = await openBenchDatabase('danvan_bench_reports');
  const db = createDb(database.url, { max: 10 });
  const ctx = { db, config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }) };
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, entries: ENTRIES, commendations: COMMENDATIONS, n: N };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const have = Number((await sql<{ n: string }>`select count(*) as n from entries`.execute(db)).rows[0]?.n ?? 0);
    if (have < ENTRIES) {
      const t0 = performance.now();
      const report = await generateReportData(db, ENTRIES - have, COMMENDATIONS, (m) => console.log(`  ${m}`));
      for (const table of ['entries', 'commendations', 'units', 'entry_facet_counts']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
      results.generateSeconds = (performance.now() - t0) / 1000;
      console.log(`generated ${report.entries.toLocaleString('en')} entries (${report.legacyUnits} legacy and ${report.currentUnits} current registering units) and ${report.commendations.toLocaleString('en')} commendations in ${(results.generateSeconds as number).toFixed(0)} s`);
    }
    const { rows: sizes } = await sql<{ entries: string; commendations: string; size: string }>`
      select (select count(*) from entries) as entries, (select count(*) from commendations) as commendations,
        pg_size_pretty(pg_total_relation_size('entries')) as size`.execute(db);
    console.log(`entries: ${sizes[0]?.entries} (${sizes[0]?.size} with indexes); commendations: ${sizes[0]?.commendations}`);

    // Hà Nội (kept its id in 2025, with its retired districts and communes) and Tuyên Quang (took in Hà Giang).
    const unit = (kind: string, code: string) =>
      db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', kind).where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const hanoi = await unit('province', '01');
    const tuyenQuang = await unit('province', '08');
    const country = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();

    const hash = await hashPassword(PASSWORD);
    await benchUser(db, { username: 'bench.reports', passwordHash: hash, unit: country, role: 'system_admin' });
    const app = await buildApp({ config: ctx.config, db, logger: false });
    await app.ready();
    const cookie = await benchLogin(app, 'bench.reports', PASSWORD);

    const reports: { label: string; target: number; query: ReportQuery }[] = [
      { label: 'province, year 2024 (Hà Nội)', target: 100, query: { unitId: hanoi.id, period: 'year', year: 2024 } },
      { label: 'province, year 2024 (Tuyên Quang)', target: 100, query: { unitId: tuyenQuang.id, period: 'year', year: 2024 } },
      { label: 'province, quarter III/2025 (Hà Nội)', target: 100, query: { unitId: hanoi.id, period: 'quarter', year: 2025, quarter: 3 } },
      { label: 'whole country, year 2024', target: 1000, query: { unitId: country.id, period: 'year', year: 2024 } },
      { label: 'whole country, year 2025', target: 1000, query: { unitId: country.id, period: 'year', year: 2025 } },
    ];
    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    const only = process.env.BENCH_ONLY;
    for (const r of reports.filter((x) => !only || x.label.includes(only))) {
      const range = await resolveReportRange(ctx, r.query);
      const previous = previousRange(range);
      const u = (await repo.findReportUnit(db, r.query.unitId))!;
      const scope: repo.ReportScope = { mode: u.attribution === 'self' ? 'current' : 'historical', path: u.path };
      const span = reportSpan(range, previous);
      const url = `/api/reports?${new URLSearchParams(Object.entries(r.query).map(([k, v]): [string, string] => [k, String(v)]))}`;
      const measured = await timeAll(r.label, r.target, {
        // The raw SQL: every statement the service runs, in its order, without the work in JS. Totals count the range's entries in every status.
        sql: async () => {
          // As the service: the unit first (its path and whether it is in force decide the queries), then the rest at once.
          await repo.findReportUnit(db, r.query.unitId);
          const [cells] = await Promise.all([
            repo.findEntryCells(db, scope, span),
            repo.findRegisteringUnits(db, scope, span),
            repo.findCommendationCounts(db, scope, { prevStart: previous.from, start: range.from, end: range.to }),
            repo.findPetitionCounts(db, scope, { prevStart: previous.from, start: range.from, end: range.to, asOf: range.to, prevAsOf: previous.to }),
            repo.findChildren(db, u.id, scope.mode),
            repo.findFields(db, []),
            repo.findCatalogueNames(db),
          ]);
          return cells.filter((c) => c.which === 0).reduce((n, c) => n + c.n, 0);
        },
        service: async () => (await buildReport(ctx, r.query)).figures.entries.total,
        http: async () => {
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
          // The server's time: the body is not parsed here (the client's work), only its total read.
          return Number(/"total":(\d+)/.exec(res.body)?.[1]);
        },
      });
      out.push(...measured);
      const [sqlR, , httpR] = out.slice(-3) as [Result, Result, Result];
      console.log(`        http / sql at p50: ${(httpR.p50 / sqlR.p50).toFixed(2)}×`);
    }
    results.reports = out;
    results.loadAverageAfter = reportLoad('after');
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('reports', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
