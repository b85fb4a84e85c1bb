/**
 * `npm run bench -- processes`: how far one machine goes, and what a second danvan process on the
 * same database adds (docs/scaling.md). Starts `danvan serve` as 1, then 2 child processes on one
 * PostgreSQL, and drives BENCH_CONNECTIONS (default 10) connections in total with autocannon (in
 * child processes; with 2 servers, half the connections to each, as a load balancer would) for
 * BENCH_SECONDS (default 15) per scenario, as fast as answers come:
 * - report: GET /api/reports, a province's year (Hà Nội 2024) — the heaviest read;
 * - me: GET /api/auth/me — a session lookup and the account: the cost of any request;
 * - intake: POST /api/petitions to one commune — a write with its audit record and numbering.
 * Data: the report bench's (bench/generate-report-data.ts, BENCH_ENTRIES entries, default
 * 1,000,000). Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a
 * temporary folder. Writes req/s and p50/p99 per scenario and process count to
 * bench/results/processes.json. On a machine whose cores also run PostgreSQL and the load
 * generator, a second process shows what they add, not a cluster's figures. Not a test.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, migrateToLatest } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { generateReportData } from './generate-report-data.js';
import { autocannon, benchUser, openBenchDatabase, reportLoad, type Serving, startServe, stopServe, writeResults } from './support.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PASSWORD = 'bench-Password-1234';

type Scenario = { name: string; method: 'GET' | 'POST'; path: string; body?: string };
async function main() {
  const database = await openBenchDatabase('danvan_bench_reports');
  const db = createDb(database.url, { max: 4 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, entries: ENTRIES, connections: CONNECTIONS, seconds: SECONDS };
  const servers: Serving[] = [];
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const have = Number((await sql<{ n: string }>`select count(*) as n from entries`.execute(db)).rows[0]?.n ?? 0);
    if (have < ENTRIES) {
      const report = await generateReportData(db, ENTRIES - have, 50_000, (m) => console.log(`  ${m}`));
      for (const table of ['entries', 'commendations', 'units', 'entry_facet_counts']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
      console.log(`generated ${report.entries.toLocaleString('en')} entries in ${report.seconds.toFixed(0)} s`);
    }
    const unit = (kind: string, code: string) =>
      db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', kind).where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const hanoi = await unit('province', '01');
    const commune = await db.selectFrom('units').select('id').where('parent_id', '=', hanoi.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await benchUser(db, { username: 'bench.processes', passwordHash: await hashPassword(PASSWORD), unit: hanoi, role: 'editor' });

    const scenarios: Scenario[] = [
      { name: 'report', method: 'GET', path: `/api/reports?unitId=${hanoi.id}&period=year&year=2024` },
      { name: 'me', method: 'GET', path: '/api/auth/me' },
      {
        name: 'intake',
        method: 'POST',
        path: '/api/petitions',
        body: JSON.stringify({ unitId: commune.id, kind: 'recommendation', channel: 'hotline', submitter: { name: 'Nguyễn Thị Hoa', contact: '0912000111' }, categoryCode: 'environment', title: 'Phản ánh tiếng ồn', content: 'Công trình thi công sau 22 giờ gây ồn.' }),
      },
    ];
    const out: Record<string, unknown>[] = [];
    results.loadAverageBefore = reportLoad('before');
    for (const processes of [1, 2]) {
      while (servers.length < processes) servers.push(await startServe({ from: 'sources', env: { DATABASE_URL: database.url, DANVAN_ADMIN_PASSWORD: PASSWORD } }));
      const bases = servers.map((s) => s.base);
      const login = await fetch(`${bases[0]}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.processes', password: PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      if (login.status !== 200 || !cookie) throw new Error(`login: ${login.status}`);
      for (const s of scenarios) {
        // A short warm-up of each server (JIT, plans, pool connections).
        const load = (base: string, connections: number, seconds: number) =>
          autocannon(`${base}${s.path}`, { connections, seconds, method: s.method, body: s.body, headers: { cookie, ...(s.body ? { 'content-type': 'application/json' } : {}) } });
        await Promise.all(bases.map((b) => load(b, 2, 3)));
        const loads = await Promise.all(bases.map((b) => load(b, CONNECTIONS / processes, SECONDS)));
        const r = {
          scenario: s.name,
          processes,
          requestsPerSecond: loads.reduce((n, l) => n + l.requests.average, 0),
          p50Ms: Math.max(...loads.map((l) => l.latency.p50)),
          p99Ms: Math.max(...loads.map((l) => l.latency.p99)),
          maxMs: Math.max(...loads.map((l) => l.latency.max)),
          non2xx: loads.reduce((n, l) => n + l.non2xx, 0),
          errors: loads.reduce((n, l) => n + l.errors, 0),
        };
        out.push(r);
        console.log(`${s.name.padEnd(7)} ${processes} process${processes > 1 ? 'es' : '  '}: ${r.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  max ${r.maxMs} ms  (${r.non2xx} non-2xx, ${r.errors} errors)`);
      }
    }
    results.runs = out;
    results.loadAverageAfter = reportLoad('after');
  } finally {
    await Promise.all(servers.map((s) => stopServe(s.child)));
    await db.destroy();
    await database.close();
  }
  writeResults('processes', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
