/**
 * `npm run bench -- answers` (issue 13): the five questions of a room full of officers, at
 * BENCH_CONNECTIONS (default 10) concurrent connections with autocannon (in its own process) for
 * BENCH_SECONDS (default 10) each, against `danvan serve` (a child process, as `npm start` runs it):
 * - list: a province's page of entries with its total and facets (`GET /api/entries?unitId=`);
 * - facets: the country's entries filtered by year and kind, with every facet's counts;
 * - entry: one entry (`GET /api/entries/:id`);
 * - search: the country-wide text search "dan van kheo";
 * - report: a province's annual report (`GET /api/reports`, Hà Nội 2025).
 * Each twice: **cold** — a server keeping no answers (DANVAN_ANSWER_CACHE_MB=0: every request
 * computed) right after a write under the province (its summary deltas not yet folded) — and
 * **warm** — the default answer cache, the same question asked again. Then the same questions' raw
 * SQL run the old way (the report counted from the records, as before the summaries; the list's
 * queries as a generic backend would run them on the same tables) at the same concurrency from a
 * pool of as many connections, and the ratio danvan ÷ raw SQL. And the whole country's annual
 * report single-user (BENCH_N times, p50/p95), through the service and over HTTP.
 * Data: bench/answers-data.ts (BENCH_ENTRIES entries, default 1,000,000, with commendations and
 * petitions). Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a
 * temporary folder. Prints the figures and writes bench/results/answers.json. Not a test.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.js';
import { createDb, type Db, migrateToLatest } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { compactSummaries } from '../server/modules/data-versions/data-versions.repository.js';
import { previousRange, resolveRange } from '../server/modules/reports/report-range.js';
import { buildReportEntries } from '../server/modules/reports/reports.factories.js';
import * as repo from '../server/modules/reports/reports.repository.js';
import { buildReportView, reportSpan } from '../server/modules/reports/reports.service.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { prepareAnswersData } from './answers-data.js';
import { type AutocannonSummary, autocannon, benchUser, openBenchDatabase, percentile, reportLoad, type Serving, startServe, stopServe, writeResults } from './support.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const N = Number(process.env.BENCH_N ?? 30);
const PASSWORD = 'bench-Password-1234';

type Figure = { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

const figure = (l: AutocannonSummary): Figure => ({ requestsPerSecond: l.requests.average, p50Ms: l.latency.p50, p99Ms: l.latency.p99, non2xx: l.non2xx, errors: l.errors });

/** `run` by `CONNECTIONS` workers for `seconds` (each as fast as it answers): req/s, p50, p99. */
async function concurrently(seconds: number, run: () => Promise<unknown>): Promise<Figure> {
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await run();
        times.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { requestsPerSecond: times.length / elapsed, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), non2xx: 0, errors };
}

/** The petitions of a scope counted one by one (the figure query before the summaries). */
function petitionsTheOldWay(db: Db, scopePath: string, from: string, prevFrom: string, to: string, asOf: string) {
  return sql`
    with u as materialized (
      select id, case when nlevel(current_path) > nlevel(${scopePath}::ltree) then subpath(current_path, nlevel(${scopePath}::ltree), 1)::text end as child
      from units where current_path <@ ${scopePath}::ltree)
    select case when p.received_on >= ${from}::date then 0 else 1 end as which, case when p.received_on >= ${from}::date then u.child end as unit,
      p.kind, p.category_code, p.channel, count(*)::int as received,
      count(*) filter (where p.status = 'resolved')::int as resolved,
      count(*) filter (where p.due_on < ${asOf}::date and (p.closed_on is null or p.closed_on > ${asOf}::date))::int as overdue
    from u join petitions p on p.unit_id = u.id
    where p.received_on between ${prevFrom}::date and ${to}::date
    group by 1, 2, 3, 4, 5`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_answers', { shared_buffers: process.env.BENCH_SHARED_BUFFERS ?? '1GB' });
  const db = createDb(database.url, { max: CONNECTIONS });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, connections: CONNECTIONS, seconds: SECONDS, loadGenerator: 'autocannon (HTTP); a loop of concurrent queries on a pg pool (raw SQL)' };
  let server: Serving | undefined;
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const data = await prepareAnswersData(db, { entries: ENTRIES, commendations: 50_000, petitions: 100_000 }, (m) => console.log(`  ${m}`));
    const t0 = performance.now();
    await compactSummaries(db);
    results.data = data;
    results.compactMs = performance.now() - t0;
    const { rows: sizes } = await sql<{ cells: string; totals: string }>`
      select (select count(*) from report_entry_cells) as cells, (select count(*) from report_totals) as totals`.execute(db);
    results.summaryRows = { entryCells: Number(sizes[0]!.cells), totals: Number(sizes[0]!.totals) };
    console.log(`data: ${JSON.stringify(data)}; summary rows: ${JSON.stringify(results.summaryRows)}`);

    const unit = (kind: string, code: string) =>
      db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', kind).where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const hanoi = await unit('province', '01');
    const country = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const commune = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', '=', hanoi.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const entryId = (await sql<{ id: string }>`select id::text from entries where unit_path <@ ${hanoi.path}::ltree order by id limit 1`.execute(db)).rows[0]!.id;
    await benchUser(db, { username: 'bench.answers', passwordHash: await hashPassword(PASSWORD), unit: country, role: 'viewer' });

    const questions: { name: string; path: string; raw: () => Promise<unknown> }[] = [
      {
        name: 'list',
        path: `/api/entries?unitId=${hanoi.id}`,
        raw: () => Promise.all([
          sql`select id, title, status, updated_at from entries where unit_path <@ ${hanoi.path}::ltree order by updated_at desc limit 50`.execute(db),
          sql`select count(*) from entries where unit_path <@ ${hanoi.path}::ltree`.execute(db),
        ]),
      },
      {
        name: 'facets',
        path: '/api/entries?year=2024,2025&kind=typical_example',
        raw: () => Promise.all(
          ['year', 'field_code', 'form', 'level', 'status'].map((c) => sql`select ${sql.ref(c)}, count(*) from entries where year in (2024, 2025) and kind = 'typical_example' group by 1`.execute(db)),
        ),
      },
      { name: 'entry', path: `/api/entries/${entryId}`, raw: () => sql`select * from entries where id = ${entryId}`.execute(db) },
      {
        name: 'search',
        path: `/api/entries?q=${encodeURIComponent('dan van kheo')}`,
        raw: () => Promise.all([
          sql`select id, title from entries where search_text like '%dan van kheo%' order by updated_at desc limit 50`.execute(db),
          sql`select count(*) from entries where search_text like '%dan van kheo%'`.execute(db),
        ]),
      },
      {
        name: 'report',
        path: `/api/reports?unitId=${hanoi.id}&period=year&year=2025`,
        raw: async () => {
          // The old engine's queries for this report (entries, registering units, commendations and
          // petitions counted from the records), in parallel as it ran them.
          const range = resolveRange({ unitId: hanoi.id, period: 'year', year: 2025 });
          const previous = previousRange(range);
          const scope = { mode: 'current' as const, path: hanoi.path };
          await Promise.all([
            repo.findEntryCells(db, scope, reportSpan(range, previous)),
            repo.findRegisteringUnits(db, scope, reportSpan(range, previous)),
            repo.findCommendationCounts(db, scope, { prevStart: previous.from, start: range.from, end: range.to }),
            petitionsTheOldWay(db, hanoi.path, range.from, previous.from, range.to, range.to),
          ]);
        },
      },
    ];

    results.loadAverageBefore = reportLoad('before');
    const http: Record<string, unknown>[] = [];
    for (const mode of ['cold', 'warm'] as const) {
      server = await startServe({ from: 'sources', env: { DATABASE_URL: database.url, ...(mode === 'cold' ? { DANVAN_ANSWER_CACHE_MB: '0' } : {}) } });
      const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.answers', password: PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      if (login.status !== 200 || !cookie) throw new Error(`login: ${login.status}`);
      for (const q of questions) {
        // A write under the province: its versions move, its summary deltas wait to be folded.
        await buildReportEntries(db, [{ unitId: commune.id, year: 2025, registeredOn: '2025-06-02' }]);
        // A short warm-up (JIT, plans, pool connections); warm: this also fills the answer cache.
        await autocannon(`${server.base}${q.path}`, { connections: 2, seconds: 2, headers: { cookie } });
        const f = figure(await autocannon(`${server.base}${q.path}`, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } }));
        http.push({ question: q.name, mode, ...f });
        console.log(`${q.name.padEnd(7)} ${mode}: ${f.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${String(f.p50Ms).padStart(5)} ms  p99 ${String(f.p99Ms).padStart(5)} ms  (${f.non2xx} non-2xx, ${f.errors} errors)`);
      }
      await stopServe(server.child);
      server = undefined;
    }
    results.http = http;

    const raw: Record<string, unknown>[] = [];
    for (const q of questions) {
      await concurrently(2, q.raw);
      const f = await concurrently(SECONDS, q.raw);
      const ratio = (mode: string) => ((http.find((h) => h.question === q.name && h.mode === mode) as Figure).requestsPerSecond / f.requestsPerSecond);
      raw.push({ question: q.name, ...f, coldRatio: ratio('cold'), warmRatio: ratio('warm') });
      console.log(`${q.name.padEnd(7)} raw SQL the old way: ${f.requestsPerSecond.toFixed(1).padStart(7)} q/s  p50 ${f.p50Ms.toFixed(0).padStart(5)} ms  p99 ${f.p99Ms.toFixed(0).padStart(5)} ms  → danvan cold ×${ratio('cold').toFixed(2)}, warm ×${ratio('warm').toFixed(2)}`);
    }
    results.raw = raw;

    // One user, what GET /api/reports computes on a miss (the service, no cache): the whole
    // country's annual report (a target of its own), and the province's — its time alone is the
    // floor of the cold figure above (2 cores ÷ this time bounds the cold req/s, before HTTP).
    const ctx = { db, config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }) };
    const oneUser = async (unitId: string) => {
      const times: number[] = [];
      for (let i = 0; i < N + 3; i++) {
        const s = performance.now();
        await buildReportView(ctx, { unitId, period: 'year', year: 2025 });
        if (i >= 3) times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return { n: N, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times.at(-1) };
    };
    const countryReport = await oneUser(country.id);
    const provinceReport = await oneUser(hanoi.id);
    Object.assign(results, { countryReport, provinceReport });
    for (const [label, f] of [['country', countryReport], ['province (Hà Nội)', provinceReport]] as const) {
      console.log(`${label} annual report, one user (service, computed): p50 ${f.p50Ms.toFixed(1)} ms  p95 ${f.p95Ms.toFixed(1)} ms`);
    }
    results.loadAverageAfter = reportLoad('after');
  } finally {
    if (server) await stopServe(server.child);
    await db.destroy();
    await database.close();
  }
  writeResults('answers', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
