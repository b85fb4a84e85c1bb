/**
 * `npx tsx bench/hotspots.bench.ts`: hotspots (docs/situation.md §5, §7).
 *
 * BENCH_HOTSPOTS (default 20,000) cases spread over every commune in force of the country, a third
 * closed, a twentieth confidential, severities mixed, some unacknowledged or escalated. Times, for
 * a province's officer (Hà Nội, the largest) and the country's admin, BENCH_N times (default 200)
 * after a warm-up, through the service and over HTTP (app.inject): the open list (first page with
 * its total), the tree of open cases by child unit, and the work queue's count. Target: p95 ≤ 100 ms.
 * The plan of the province's open list (EXPLAIN ANALYZE) is printed once. Results to
 * bench/results/hotspots.json. Not a test: nothing here asserts a time.
 *
 * Database: BENCH_DATABASE_URL, else an embedded engine in BENCH_DATA_DIR (kept) or a temporary
 * folder (bench/support.ts), named danvan_bench_hotspots.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, type Db } from '../server/db/database.js';
import { countNeedingAction } from '../server/modules/hotspots/hotspots.repository.js';
import { getTree, listHotspots } from '../server/modules/hotspots/hotspots.service.js';
import { readScope } from '../server/modules/policy-documents/policy-documents.service.js';
import { benchApp, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const CASES = Number(process.env.BENCH_HOTSPOTS ?? 20_000);
const N = Number(process.env.BENCH_N ?? 200);
const PASSWORD = 'bench-Password-1234';
const TARGET_MS = 100;
const MARK = 'bench hotspot';

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], run: () => Promise<string>): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, N);
  const flag = p95 <= TARGET_MS ? '' : `  ← over ${TARGET_MS} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(34)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return { label, via, n: N, p50, p95, max, answer };
}

/** CASES cases round-robin over the communes in force, in one statement. */
async function generate(db: Db): Promise<void> {
  await sql`
    insert into hotspots (unit_id, unit_path, place, kind_code, title, summary, people_count, severity, status, occurred_at, closed_at,
      confidential, reader_roles, ack_due_at, acknowledged_at, seen_severity, escalated_unit_id, escalated_path, escalated_at)
    select c.id, c.path, 'Thôn ' || g, k.code, ${MARK} || ' ' || g, 'Tình hình ' || g, g % 200, 1 + g % 3,
      case when g % 3 = 0 then 'closed' when g % 3 = 1 then 'handling' else 'emerging' end,
      now() - make_interval(hours => g % 5000),
      case when g % 3 = 0 then now() - make_interval(hours => g % 100) end,
      g % 20 = 0, case when g % 20 = 0 then array['approver'] end,
      now() + make_interval(hours => 24 - g % 48),
      case when g % 4 <> 0 then now() end,
      1 + g % 3,
      case when g % 10 = 7 then c.parent_id end, case when g % 10 = 7 then subpath(c.path, 0, nlevel(c.path) - 1) end,
      case when g % 10 = 7 then now() end
    from generate_series(1, ${CASES}) g
    join lateral (select id, path, parent_id from (select id, path, parent_id, row_number() over (order by id) - 1 as i, count(*) over () as n
      from units where kind = 'commune' and valid_to is null) cs where cs.i = g % cs.n) c on true
    join lateral (select code from hotspot_kinds order by sort_order offset g % 7 limit 1) k on true`.execute(db);
  await sql`vacuum analyze hotspots`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_hotspots');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, n: N, targetMs: TARGET_MS, cases: CASES };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => Number((await sql<{ n: string }>`select count(*) as n from hotspots where title like ${`${MARK}%`}`.execute(db)).rows[0]!.n), want: CASES, generate: () => generate(db) });
    const { rows: counts } = await sql<{ total: number; open: number }>`select count(*)::int as total, (count(*) filter (where status <> 'closed'))::int as open from hotspots`.execute(db);
    console.log(`hotspots: ${counts[0]!.total} (${counts[0]!.open} open)`);
    results.hotspots = counts[0];

    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const users = [
      { username: 'bench.hotspots.admin', unit: root, role: 'system_admin' as const },
      { username: 'bench.hotspots.province', unit: hanoi, role: 'editor' as const },
    ];
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);
    const ctx = { db, config };
    const scope = readScope(actors['bench.hotspots.province']!);
    const { rows: plan } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off)
      select count(*) from hotspots h where h.unit_path <@ ${hanoi.path}::ltree and h.status <> 'closed'
        and ((not h.confidential and ${scope.all ? [] : scope.paths}::ltree[] @> h.unit_path) or (h.confidential and 'editor' = any(h.reader_roles)))`.execute(db);
    console.log(`a province's open list, its count:\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
    results.provinceOpenPlan = plan.map((r) => r['QUERY PLAN']);

    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    for (const [who, unit, name] of [
      ['bench.hotspots.province', hanoi, 'a province (Hà Nội)'],
      ['bench.hotspots.admin', root, 'the country'],
    ] as const) {
      const actor = actors[who]!;
      const page = (r: { total: number; rows?: unknown[]; items?: unknown[] }) => `${r.total} open, ${(r.rows ?? r.items)!.length} shown`;
      out.push(await time(`open list: ${name}`, 'service', async () => page(await listHotspots(ctx, actor, { unitId: unit.id, status: 'open', limit: 50, offset: 0 }))));
      out.push(
        await time(`open list: ${name}`, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/hotspots?unitId=${unit.id}&status=open&limit=50`, headers: { cookie: cookies[who]! } });
          if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
          return page(res.json());
        }),
      );
      const tree = (r: { total: { total: number }; children: unknown[] }) => `${r.total.total} open, ${r.children.length} rows`;
      out.push(await time(`tree: ${name}`, 'service', async () => tree(await getTree(ctx, actor, unit.id))));
      out.push(
        await time(`tree: ${name}`, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/hotspots/tree?unitId=${unit.id}`, headers: { cookie: cookies[who]! } });
          if (res.statusCode !== 200) throw new Error(`tree: ${res.statusCode} ${res.body}`);
          return tree(res.json());
        }),
      );
      out.push(await time(`work-queue count: ${name}`, 'service', async () => `${await countNeedingAction(db, unit.path, readScope(actor))} needing action`));
    }
    results.loadAverageAfter = reportLoad('after');
    results.timings = out;
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('hotspots', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
