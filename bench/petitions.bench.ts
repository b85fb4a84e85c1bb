/**
 * `npx tsx bench/petitions.bench.ts`: petitions under load.
 * 1. Intake: autocannon sends POST /api/petitions at BENCH_RATE (default 200) requests/s for
 *    BENCH_SECONDS (default 20) over loopback to a real listening server, all to one commune, so
 *    every request contends for the same (unit, year) counter row. Afterwards the database is
 *    checked: no duplicate numbers, and the numbers of the run are consecutive. Target p99 ≤ 200 ms.
 * 2. The overdue list of a province holding BENCH_PETITIONS (default 1,000,000) generated
 *    petitions, through the service and over HTTP (app.inject). Target p95 ≤ 100 ms.
 * Database: BENCH_DATABASE_URL (created when missing; petitions generated only when fewer are
 * there), else an embedded engine in BENCH_DATA_DIR (kept) or a temporary folder
 * (bench/support.ts). Figures printed and written to bench/results/petitions.json. Not a test: nothing here asserts a time.
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb, migrateToLatest } from '../server/db/database.js';
import type { Db } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { listPetitions } from '../server/modules/petitions/petitions.service.js';
import { PetitionListQuery } from '../server/modules/petitions/petitions.schema.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { autocannon, benchLogin, benchUser, openBenchDatabase, percentile, reportLoad, writeResults } from './support.js';

const PETITIONS = Number(process.env.BENCH_PETITIONS ?? 1_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/**
 * autocannon paces `-R` with a per-second quota per connection, sent as fast as answers come: with
 * N connections, N requests arrive together at the start of each second. 20 connections at 200/s
 * (up to 20 at once) are close to a steady stream of intakes; BENCH_CONNECTIONS=100 measures the
 * harsher synchronized bursts of 100.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const N = Number(process.env.BENCH_N ?? 200);
const PASSWORD = 'bench-Password-1234';


/**
 * `n` petitions spread over the communes of the province, received 2023-01 … 2026-11; about a
 * quarter still open, of which those due before today are overdue. Numbers stay clear of the
 * intake run's (they start at 1,000,000 per unit and year).
 */
async function generate(db: Db, provincePath: string, n: number) {
  await sql`
    with communes as (
      select id, path, row_number() over (order by id) - 1 as k from units where path <@ ${provincePath}::ltree and kind = 'commune' and valid_to is null
    ), c as (select count(*) as cnt from communes),
    rows as (
      select g, (date '2023-01-02' + (g % 1420)) as received_on from generate_series(1, ${n}) g
    )
    insert into petitions (unit_id, unit_path, year, number, kind, channel, anonymous, submitter_name, submitter_contact,
      category_code, title, content, status, handling_unit_id, handling_unit_path, received_on, due_on, closed_on, closed_at,
      tracking_code, secret_hash)
    select cm.id, cm.path, extract(year from r.received_on)::int, 1000000 + r.g,
      (array['recommendation','complaint','denunciation'])[1 + r.g % 3], (array['in_person','hotline','mail','online','dialogue','forwarded'])[1 + r.g % 6],
      false, 'Người gửi ' || r.g, '09' || lpad((r.g % 100000000)::text, 8, '0'),
      (array['land','compensation','social_policy','environment','administrative_procedures','public_order','other'])[1 + r.g % 7],
      'Đơn số ' || r.g, 'Nội dung đơn thư được sinh cho phép đo.',
      s.status, cm.id, cm.path, r.received_on, r.received_on + 20,
      case when s.closed then r.received_on + 15 end, case when s.closed then (r.received_on + 15)::timestamptz end,
      'BENCH-' || r.g, repeat('0', 64)
    from rows r
    cross join c
    join communes cm on cm.k = r.g % c.cnt
    cross join lateral (select (array['received','classified','assigned','in_progress','resolved','resolved','rejected','transferred_out'])[1 + (r.g * 7) % 8] as status) s0
    cross join lateral (select s0.status, s0.status in ('resolved','rejected','transferred_out') as closed) s`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_petitions');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, petitions: PETITIONS, rate: RATE, seconds: SECONDS };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const commune = await db.selectFrom('units').select(['id']).where('parent_id', '=', hanoi.id).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const have = Number((await sql<{ n: string }>`select count(*) as n from petitions where tracking_code like 'BENCH-%'`.execute(db)).rows[0]?.n ?? 0);
    if (have < PETITIONS) {
      const t0 = performance.now();
      await generate(db, hanoi.path, PETITIONS - have);
      await sql`vacuum analyze petitions`.execute(db);
      results.generateSeconds = (performance.now() - t0) / 1000;
      console.log(`generated ${(PETITIONS - have).toLocaleString('en')} petitions in Hà Nội in ${(results.generateSeconds as number).toFixed(0)} s (with VACUUM ANALYZE)`);
    }

    const hash = await hashPassword(PASSWORD);
    const actor = await benchUser(db, { username: 'bench.petitions', passwordHash: hash, unit: hanoi, role: 'editor' });

    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, db, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const cookie = await benchLogin(app, 'bench.petitions', PASSWORD);

    // ---- 1. sustained intake ----
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
    const counterBefore = (await db.selectFrom('petition_counters').select('last_number').where('unit_id', '=', commune.id).where('year', '=', year).executeTakeFirst())?.last_number ?? 0;
    const body = JSON.stringify({
      unitId: commune.id,
      kind: 'recommendation',
      channel: 'hotline',
      submitter: { name: 'Nguyễn Thị Hoa', contact: '0912000111' },
      categoryCode: 'environment',
      title: 'Phản ánh tiếng ồn công trình ban đêm',
      content: 'Công trình xây dựng thi công sau 22 giờ gây ồn, đề nghị kiểm tra.',
    });
    results.loadAverageBefore = reportLoad('before');
    const ac = await autocannon(`http://127.0.0.1:${port}/api/petitions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body, connections: CONNECTIONS, rate: RATE, seconds: SECONDS });
    const { rows: check } = await sql<{ n: number; distinct_numbers: number; min: number; max: number }>`
      select count(*)::int as n, count(distinct number)::int as distinct_numbers, min(number) as min, max(number) as max
      from petitions where unit_id = ${commune.id} and year = ${year} and number > ${counterBefore} and number < 1000000`.execute(db);
    const c = check[0]!;
    const { rows: dups } = await sql<{ n: number }>`select count(*)::int as n from (select 1 from petitions group by unit_id, year, number having count(*) > 1) d`.execute(db);
    const intake = {
      connections: CONNECTIONS,
      requests: ac.requests.total,
      ok: ac['2xx'],
      non2xx: ac.non2xx,
      errors: ac.errors,
      timeouts: ac.timeouts,
      ratePerSecond: ac.requests.average,
      latencyMs: { p50: ac.latency.p50, p90: ac.latency.p90, p99: ac.latency.p99, max: ac.latency.max },
      stored: c.n,
      duplicateNumbers: dups[0]!.n,
      consecutive: c.n === 0 || c.max - c.min + 1 === c.n,
    };
    results.intake = intake;
    console.log(
      `intake: ${intake.requests} requests at ${intake.ratePerSecond.toFixed(0)}/s, ${intake.ok} × 201, ${intake.non2xx} other; latency p50 ${intake.latencyMs.p50} ms, p99 ${intake.latencyMs.p99} ms, max ${intake.latencyMs.max} ms` +
        `${intake.latencyMs.p99 <= 200 ? '' : '  ← over 200 ms'}; stored ${intake.stored}, duplicate numbers ${intake.duplicateNumbers}, consecutive ${intake.consecutive}`,
    );

    // ---- 2. the overdue list of a province ----
    const { rows: sizes } = await sql<{ total: number; overdue: number }>`
      select count(*)::int as total, count(*) filter (where status in ('received','classified','assigned','in_progress') and due_on < current_date)::int as overdue
      from petitions where handling_unit_path <@ ${hanoi.path}::ltree`.execute(db);
    results.province = sizes[0];
    console.log(`Hà Nội: ${sizes[0]!.total.toLocaleString('en')} petitions, ${sizes[0]!.overdue.toLocaleString('en')} overdue`);
    const timeIt = async (label: string, run: () => Promise<number>) => {
      let total = 0;
      for (let i = 0; i < 20; i++) total = await run();
      const times: number[] = [];
      for (let i = 0; i < N; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const r = { label, n: N, total, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
      console.log(`${label.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${total.toLocaleString('en')} rows)${r.p95 <= 100 ? '' : '  ← over 100 ms'}`);
      return r;
    };
    const lists = [
      { label: 'overdue list of the province (service)', query: { unitId: hanoi.id, due: 'overdue' } },
      { label: 'due-soon list of the province (service)', query: { unitId: hanoi.id, due: 'due_soon' } },
      { label: 'queue of the province (own + escalated)', query: { unitId: hanoi.id, view: 'queue' } },
    ];
    const out = [];
    for (const l of lists) {
      const q = PetitionListQuery.parse(l.query);
      out.push(await timeIt(l.label, async () => (await listPetitions({ db, config }, actor, q)).total));
    }
    const url = `/api/petitions?unitId=${hanoi.id}&due=overdue`;
    out.push(
      await timeIt('overdue list of the province (HTTP)', async () => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return (res.json() as { total: number }).total;
      }),
    );
    results.lists = out;
    results.loadAverageAfter = reportLoad('after');
    await app.close();
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('petitions', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
