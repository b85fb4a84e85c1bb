/**
 * `npx tsx bench/report-docx.bench.ts`: the time to produce a province's report as DOCX.
 * With BENCH_DATABASE_URL (a database holding the generated nationwide data set), it times the
 * whole path a download takes — buildReport for the province in force with the most entries, then
 * composing and typesetting — for BENCH_YEAR (default: the year with the most entries). Without it,
 * it times composing and typesetting a generated Report of a province with BENCH_CHILDREN (default
 * 130) communes (report.fixtures.ts), the engine's part being measured by the reports bench.
 * Also times the XLSX and CSV of the same report. BENCH_N runs (default 20) after a warm-up;
 * p50/p95/max printed and written to bench/results/report-docx.json. Target: DOCX ≤ 1 s.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import type { Report } from '../common/reports.js';
import { loadConfig } from '../server/config.js';
import { createDb, type Db } from '../server/db/database.js';
import { renderPartyDocx } from '../server/documents/party-docx.js';
import { reportCsv, reportXlsx } from '../server/documents/report-workbook.js';
import { reportDocument } from '../server/modules/reports/report-document.js';
import { largeReportFixture } from '../server/modules/reports/report.fixtures.js';
import { buildReport } from '../server/modules/reports/reports.service.js';
import { writeResults } from './support.js';

const N = Number(process.env.BENCH_N ?? 20);
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 130);

/** Wall-clock times, and the process's CPU time (user + system), which the other processes on a shared machine disturb less. */
type Timing = { label: string; n: number; p50: number; p95: number; max: number; cpuP50: number; bytes: number };

async function time(label: string, run: () => Promise<number>): Promise<Timing> {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = await run(); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    bytes = await run();
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const r = { label, n: N, p50: at(times, 50), p95: at(times, 95), max: times.at(-1)!, cpuP50: at(cpu, 50), bytes };
  const flag = label.includes('docx') && r.p95 > 1000 ? '  ← over 1 s' : '';
  console.log(`${label.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  max ${r.max.toFixed(1).padStart(7)} ms  cpu p50 ${r.cpuP50.toFixed(1).padStart(7)} ms  (${(bytes / 1024).toFixed(0)} KB)${flag}`);
  return r;
}

/** The year with the most entries (or BENCH_YEAR), and the province in force with the most entries that year. */
async function busiestProvince(db: Db): Promise<{ id: string; name: string; year: number }> {
  const year = Number(process.env.BENCH_YEAR ?? (await sql<{ y: number }>`select year as y from entries group by year order by count(*) desc limit 1`.execute(db)).rows[0]?.y);
  const row = await sql<{ id: string; name: string }>`
    select u.id, u.name from units u
    join entries e on e.unit_path <@ u.path
    where u.kind = 'province' and u.valid_to is null and e.year = ${year}
    group by u.id, u.name order by count(*) desc limit 1`.execute(db);
  if (!row.rows[0]) throw new Error('BENCH_DATABASE_URL holds no entries: generate the data set first (bench/generate-entries.ts)');
  return { ...row.rows[0], year };
}

async function main() {
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), n: N };
  const timings: Timing[] = [];
  let report: Report;
  if (process.env.BENCH_DATABASE_URL) {
    const db = createDb(process.env.BENCH_DATABASE_URL, { max: 4 });
    try {
      const ctx = { db, config: loadConfig() };
      const province = await busiestProvince(db);
      const query = { unitId: province.id, period: 'year' as const, year: province.year };
      report = await buildReport(ctx, query);
      results.source = `database: ${province.name}, ${province.year}, ${report.figures.entries.total} entries, ${report.children.length} children`;
      console.log(results.source);
      timings.push(await time('buildReport + compose + docx', async () => (await renderPartyDocx(reportDocument(await buildReport(ctx, query)))).length));
    } finally {
      await db.destroy();
    }
  } else {
    report = largeReportFixture(CHILDREN);
    results.source = `generated Report (report.fixtures.ts): ${CHILDREN} communes, ${report.figures.entries.total} entries; buildReport not included`;
    console.log(results.source);
  }
  timings.push(await time('compose + docx', async () => (await renderPartyDocx(reportDocument(report))).length));
  timings.push(await time('xlsx', async () => (await reportXlsx(report)).length));
  timings.push(await time('csv', async () => reportCsv(report).length));
  results.timings = timings;
  writeResults('report-docx', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
