/**
 * `npx tsx bench/work-queue.bench.ts`: the work queue ("Việc cần làm", docs/work-queue.md) over
 * BENCH_ENTRIES (default 1,000,000) entries, with BENCH_PETITIONS (default 100,000) petitions in
 * Hà Nội and a review with key tasks and a reception session with commitments for every current
 * province and commune. Database as bench/entries-list.bench.ts (the same database name, so a
 * BENCH_DATA_DIR kept by either serves both): BENCH_DATABASE_URL, else an embedded engine in
 * BENCH_DATA_DIR (kept) or a temporary folder, shared_buffers = BENCH_SHARED_BUFFERS (default 1GB).
 * Times GET /api/work-queue BENCH_N times (default 200) after a warm-up, through the service and
 * over HTTP (app.inject), for a province approver and editor, a commune approver and editor and
 * a system administrator, and the list that the approver's count opens. Writes p50/p95/max to
 * bench/results/work-queue.json. Not a test: nothing here asserts a time. Target: p95 ≤ 50 ms for a
 * province approver.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { EntryListQuery } from '../common/entries.js';
import { createDb, type Db, migrateToLatest } from '../server/db/database.js';
import { listEntries } from '../server/modules/entries/entries-list.service.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';
import { getWorkQueue } from '../server/modules/work-queue/work-queue.service.js';
import { generateEntries } from './generate-entries.js';
import { benchApp, openBenchDatabase, reportLoad, timeRuns, writeResults } from './support.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const PETITIONS = Number(process.env.BENCH_PETITIONS ?? 100_000);
const N = Number(process.env.BENCH_N ?? 200);
const SHARED_BUFFERS = process.env.BENCH_SHARED_BUFFERS ?? '1GB';
const PASSWORD = 'bench-Password-1234';
const TARGET_MS = 50;

type Result = { label: string; via: 'service' | 'http'; n: number; p50: number; p95: number; max: number; answer: string };

async function time(label: string, via: Result['via'], run: () => Promise<string>): Promise<Result> {
  const { last: answer, p50, p95, max } = await timeRuns(run, N);
  const r = { label, via, n: N, p50, p95, max, answer };
  const flag = r.p95 <= TARGET_MS ? '' : `  ← over ${TARGET_MS} ms`;
  console.log(`${via.padEnd(7)} ${label.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  ${answer}${flag}`);
  return r;
}

/**
 * Petitions over the communes of `provincePath`, received over the last four years up to today,
 * due 20 days later. Those of the last 45 days are half open (due soon or a little late); of the
 * older ones one in a hundred is still open, a backlog of overdue petitions (~2 % of the total).
 * Tracking codes 'WQ2-…' keep them apart from other benchmarks' petitions.
 */
async function generatePetitions(db: Db, provincePath: string, n: number): Promise<void> {
  await sql`
    with communes as (
      select id, path, row_number() over (order by id) - 1 as k from units where path <@ ${provincePath}::ltree and kind = 'commune' and valid_to is null
    ), c as (select count(*) as cnt from communes),
    rows as (select g, (current_date - (g % 1420)) as received_on from generate_series(1, ${n}) g)
    insert into petitions (unit_id, unit_path, year, number, kind, channel, anonymous, submitter_name, submitter_contact,
      category_code, title, content, status, handling_unit_id, handling_unit_path, received_on, due_on, closed_on, closed_at,
      tracking_code, secret_hash)
    select cm.id, cm.path, extract(year from r.received_on)::int, 2000000 + r.g,
      (array['recommendation','complaint','denunciation'])[1 + r.g % 3], (array['in_person','hotline','mail','online','dialogue','forwarded'])[1 + r.g % 6],
      false, 'Người gửi ' || r.g, '09' || lpad((r.g % 100000000)::text, 8, '0'),
      (array['land','compensation','social_policy','environment','administrative_procedures','public_order','other'])[1 + r.g % 7],
      'Đơn số ' || r.g, 'Nội dung đơn thư được sinh cho phép đo.',
      s.status, cm.id, cm.path, r.received_on, r.received_on + 20,
      case when s.closed then r.received_on + 15 end, case when s.closed then (r.received_on + 15)::timestamptz end,
      'WQ2-' || r.g, repeat('0', 64)
    from rows r cross join c
    join communes cm on cm.k = r.g % c.cnt
    cross join lateral (select case
      when r.received_on >= current_date - 45 or r.g % 50 = 0 then (array['received','classified','assigned','in_progress','resolved','resolved','rejected','transferred_out'])[1 + (r.g * 7) % 8]
      else (array['resolved','resolved','rejected','transferred_out'])[1 + (r.g * 7) % 4] end as status) s0
    cross join lateral (select s0.status, s0.status in ('resolved','rejected','transferred_out') as closed) s`.execute(db);
}

/**
 * For every current province and commune: a 2025 review with four key tasks (due from three
 * months ago to two months ahead, one of them done) and a reception session with three
 * commitments (overdue, due this week, later).
 */
async function generateTasks(db: Db): Promise<void> {
  await sql`
    insert into reviews (unit_id, period, year, period_from, period_to, title)
    select id, 'year', 2025, date '2025-01-01', date '2025-12-31', 'Tổng kết năm 2025 (bench)'
    from units where kind in ('province', 'commune') and valid_to is null
    on conflict do nothing`.execute(db);
  await sql`
    insert into review_tasks (review_id, owner_unit_id, content, deadline, status, done_at)
    select r.id, r.unit_id, 'Nhân rộng mô hình ' || k, current_date + (k * 37 % 150 - 90), case when k = 4 then 'done' else 'open' end, case when k = 4 then now() end
    from reviews r cross join generate_series(1, 4) k where r.title = 'Tổng kết năm 2025 (bench)'`.execute(db);
  await sql`
    with s as (
      insert into reception_sessions (kind, unit_id, unit_path, held_on, title, presiding)
      select 'reception', id, path, current_date - 30, 'Tiếp công dân định kỳ (bench)', 'Bí thư'
      from units where kind in ('province', 'commune') and valid_to is null
      returning id)
    insert into reception_commitments (session_id, description, owner, deadline)
    select s.id, 'Giải quyết kiến nghị ' || k, 'Trưởng thôn', current_date + (array[-10, 3, 40])[k] from s cross join generate_series(1, 3) k`.execute(db);
}

async function main() {
  const database = await openBenchDatabase('danvan_bench', { shared_buffers: SHARED_BUFFERS });
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, entries: ENTRIES, petitions: PETITIONS, n: N, targetMs: TARGET_MS };
  try {
    await migrateToLatest(db);
    await ensureOfficialUnits(db, { log: console.log });
    const have = Number((await sql<{ n: string }>`select count(*) as n from entries`.execute(db)).rows[0]?.n ?? 0);
    if (have < ENTRIES) {
      const t0 = performance.now();
      await generateEntries(db, ENTRIES - have, (m) => console.log(`  ${m}`));
      results.generateSeconds = (performance.now() - t0) / 1000;
      console.log(`generated ${(ENTRIES - have).toLocaleString('en')} entries in ${(results.generateSeconds as number).toFixed(0)} s`);
    }
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path'), 'name']).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const country = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'country').executeTakeFirstOrThrow();
    const havePetitions = Number((await sql<{ n: string }>`select count(*) as n from petitions where tracking_code like 'WQ2-%'`.execute(db)).rows[0]?.n ?? 0);
    if (havePetitions < PETITIONS) {
      await sql`delete from petitions where tracking_code like 'WQ%'`.execute(db);
      await generatePetitions(db, hanoi.path, PETITIONS);
      console.log(`generated ${PETITIONS.toLocaleString('en')} petitions in ${hanoi.name}`);
    }
    if (!(await sql`select 1 from reviews where title = 'Tổng kết năm 2025 (bench)' limit 1`.execute(db)).rows.length) {
      await generateTasks(db);
      console.log('generated a review with key tasks and a reception session with commitments per province and commune');
    }
    // What autovacuum does in production after bulk writes.
    for (const table of ['entries', 'entry_facet_counts', 'petitions', 'review_tasks', 'reviews', 'reception_sessions', 'reception_commitments']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);

    const { rows: figures } = await sql<{ entries: string; registered: string; hanoi_registered: string; open_petitions: string; tasks: string; commitments: string }>`
      select (select count(*) from entries) as entries, (select count(*) from entries where status = 'registered') as registered,
        (select count(*) from entries where status = 'registered' and unit_path <@ ${hanoi.path}::ltree) as hanoi_registered,
        (select count(*) from petitions where closed_on is null and unit_path <@ ${hanoi.path}::ltree) as open_petitions,
        (select count(*) from review_tasks) as tasks, (select count(*) from reception_commitments) as commitments`.execute(db);
    const f = figures[0]!;
    console.log(`entries: ${f.entries} (${f.registered} registered, ${f.hanoi_registered} in ${hanoi.name}); open petitions in ${hanoi.name}: ${f.open_petitions}; review tasks: ${f.tasks}; commitments: ${f.commitments}`);
    Object.assign(results, { data: Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v)])) });

    // The busiest commune of Hà Nội: the largest commune queues.
    const { rows: busy } = await sql<{ id: string; path: string }>`
      select u.id::text, u.path::text from entries e join units u on u.id = e.registering_unit_id
      where u.kind = 'commune' and e.unit_path <@ ${hanoi.path}::ltree group by u.id order by count(*) desc limit 1`.execute(db);
    const commune = busy[0] ?? hanoi;
    const users = [
      { username: 'bench.wq.province.approver', unit: hanoi, role: 'approver' as const },
      { username: 'bench.wq.province.editor', unit: hanoi, role: 'editor' as const },
      { username: 'bench.wq.commune.approver', unit: commune, role: 'approver' as const },
      { username: 'bench.wq.commune.editor', unit: commune, role: 'editor' as const },
      { username: 'bench.wq.admin', unit: country, role: 'system_admin' as const },
    ];
    const { app, config, actors, cookies } = await benchApp(db, database.url, users, PASSWORD);

    const summary = (q: Awaited<ReturnType<typeof getWorkQueue>>) => {
      const e = q.entries;
      const u = q.units[0];
      return `entries ${e.awaitingMyApproval ?? '–'}/${e.myReturned ?? '–'}/${e.myDrafts ?? '–'}${u ? `, petitions ${u.petitions.dueSoon}/${u.petitions.overdue}, tasks ${u.reviewTasks.dueSoon}/${u.reviewTasks.overdue}, commitments ${u.commitments.dueSoon}/${u.commitments.overdue}` : ''}`;
    };
    const out: Result[] = [];
    results.loadAverageBefore = reportLoad('before');
    const who: [string, string][] = [
      ['province approver (Hà Nội)', 'bench.wq.province.approver'],
      ['province editor (Hà Nội)', 'bench.wq.province.editor'],
      ['commune approver (busiest of Hà Nội)', 'bench.wq.commune.approver'],
      ['commune editor (busiest of Hà Nội)', 'bench.wq.commune.editor'],
      ['system administrator (the country)', 'bench.wq.admin'],
    ];
    for (const [label, username] of who) {
      out.push(await time(`work queue: ${label}`, 'service', async () => summary(await getWorkQueue({ db, config }, actors[username]!))));
      out.push(
        await time(`work queue: ${label}`, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: '/api/work-queue', headers: { cookie: cookies[username]! } });
          if (res.statusCode !== 200) throw new Error(`/api/work-queue: ${res.statusCode} ${res.body}`);
          return summary({ ...res.json(), units: res.json().units.map((x: { unit: { id: string } }) => ({ ...x, id: x.unit.id })) });
        }),
      );
    }
    // The lists the counts open: the first page with its facets.
    for (const [label, username, queue] of [
      ['list: awaiting approval, province approver', 'bench.wq.province.approver', 'awaiting_my_approval'],
      ['list: my drafts, commune editor', 'bench.wq.commune.editor', 'my_drafts'],
    ] as const) {
      const parsed = EntryListQuery.parse({ queue });
      out.push(await time(label, 'service', async () => `${(await listEntries({ db, config }, actors[username]!, parsed)).total} rows`));
      out.push(
        await time(label, 'http', async () => {
          const res = await app.inject({ method: 'GET', url: `/api/entries?queue=${queue}`, headers: { cookie: cookies[username]! } });
          if (res.statusCode !== 200) throw new Error(`/api/entries?queue=${queue}: ${res.statusCode} ${res.body}`);
          return `${(res.json() as { total: number }).total} rows`;
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
  writeResults('work-queue', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
