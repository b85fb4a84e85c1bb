/**
 * `npx tsx bench/reporting-rounds.bench.ts`: a reporting round over every commune of the country
 * (3,321 after 1 July 2025, from the official units the bench database holds) with mixed states:
 * submitted on time and late, returned, excused, drafts and nothing yet. Times the completeness
 * view (`GET /api/reporting-rounds/:id?unitId=`) for the country and for Hà Nội, and the first page
 * of Hà Nội's participants, BENCH_N times (default 200) after a warm-up, through the service and
 * over HTTP (app.inject). Also times opening the round (one insert … select of the participants).
 * Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a temporary
 * folder. Writes p50/p95/max and the load average to bench/results/reporting-rounds.json. Not a
 * test: nothing here asserts a time. Target: p95 ≤ 100 ms.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { ParticipantListQuery } from '../common/reporting-rounds.js';
import { createDb, migrateToLatest } from '../server/db/database.js';
import { createTemplate } from '../server/modules/reporting-rounds/report-templates.service.js';
import { createRound, getRoundDetail, listParticipants } from '../server/modules/reporting-rounds/reporting-rounds.service.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { benchApp, openBenchDatabase, reportLoad, timeRuns, writeResults } from './support.js';

const N = Number(process.env.BENCH_N ?? 200);
const PASSWORD = 'bench-Password-1234';
const TARGET_MS = 100;

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], run: () => Promise<string>): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, N);
  const r = { label, via, n: N, p50, p95, max, answer };
  const flag = r.p95 <= TARGET_MS ? '' : `  ← over ${TARGET_MS} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(40)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return r;
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_rounds');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, n: N, targetMs: TARGET_MS };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const country = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const users = [
      { username: 'bench.rr.admin', unit: country, role: 'system_admin' as const },
      { username: 'bench.rr.province', unit: hanoi, role: 'viewer' as const },
    ];
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);
    const ctx = { db, config };
    const admin = actors['bench.rr.admin']!;

    const template = await createTemplate(ctx, admin, {
      unitId: country.id,
      name: 'Báo cáo quý (bench)',
      sections: [
        { key: 'figures', kind: 'figures', title: { vi: 'Số liệu' } },
        { key: 'results', kind: 'text', title: { vi: 'Kết quả thực hiện' } },
      ],
    });
    const t0 = performance.now();
    const roundId = await createRound(ctx, admin, {
      openingUnitId: country.id,
      templateId: template.id,
      title: `Báo cáo quý III/2026 (bench ${new Date().toISOString()})`,
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
      dueOn: '2026-10-10',
      targetKinds: ['commune'],
    });
    results.openMs = performance.now() - t0;
    // Mixed states, by a hash of the unit id: 45 % on time, 10 % late, 5 % returned, 5 % excused, 10 % drafts, 25 % nothing yet.
    await sql`
      update round_participants set
        state = case when k < 55 then 'submitted' when k < 60 then 'returned' when k < 65 then 'excused' when k < 75 then 'draft' else 'pending' end,
        submitted_on = case when k < 45 then date '2026-10-08' when k < 60 then date '2026-10-14' end
      from (select unit_id as u, (unit_id * 7919) % 100 as k from round_participants where round_id = ${roundId}) h
      where round_id = ${roundId} and unit_id = h.u`.execute(db);
    await sql`vacuum analyze round_participants`.execute(db);
    await sql`vacuum analyze reporting_rounds`.execute(db);
    const { rows } = await sql<{ expected: number; submitted: number; late: number; returned: number; excused: number }>`
      select expected, submitted, late, returned, excused from reporting_rounds where id = ${roundId}`.execute(db);
    results.round = { id: roundId, ...rows[0] };
    console.log(`round ${roundId} opened in ${(results.openMs as number).toFixed(0)} ms: ${JSON.stringify(rows[0])}`);

    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    const summary = (d: Awaited<ReturnType<typeof getRoundDetail>>) => `${d.completeness.children.length} children, ${d.completeness.totals.on_time} on time, ${d.completeness.totals.missing_overdue} missing overdue`;
    for (const [label, unitId, username] of [
      ['completeness: the country by province', country.id, 'bench.rr.admin'],
      ['completeness: Hà Nội by commune', hanoi.id, 'bench.rr.province'],
    ] as const) {
      out.push(await time(label, 'service', async () => summary(await getRoundDetail(ctx, actors[username]!, roundId, unitId))));
      out.push(
        await time(label, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/reporting-rounds/${roundId}?unitId=${unitId}`, headers: { cookie: cookies[username]! } });
          if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
          return `${res.json().completeness.children.length} children, ${res.json().completeness.totals.onTime} on time`;
        }),
      );
    }
    const query = ParticipantListQuery.parse({ unitId: hanoi.id, completeness: 'missing_overdue' });
    out.push(await time("participants: Hà Nội's missing overdue", 'service', async () => `${(await listParticipants(ctx, actors['bench.rr.province']!, roundId, query)).total} rows`));
    out.push(
      await time("participants: Hà Nội's missing overdue", 'http', async () => {
        const res = await app.inject({ method: 'GET', url: `/api/reporting-rounds/${roundId}/participants?unitId=${hanoi.id}&completeness=missing_overdue`, headers: { cookie: cookies['bench.rr.province']! } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        return `${res.json().total} rows`;
      }),
    );
    results.queries = out;
    results.loadAverageAfter = reportLoad('after');
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('reporting-rounds', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
