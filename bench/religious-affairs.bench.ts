/**
 * `npx tsx bench/religious-affairs.bench.ts`: the registers of ethnic and religious affairs at the
 * country's size (docs/situation.md §9): BENCH_DIGNITARIES (default 60,000; the country has about
 * 54,000 dignitaries), BENCH_PERSONS (default 30,000, about 29,600 prestigious persons) with four
 * support rows each, 5,000 organizations, 30,000 places and 5,000 events, spread over the communes
 * in force. Timed through the services: the figures of a province and of the country, the list of
 * a province's prestigious persons, and a name search by a holder of situation.identity.
 * Database as bench/support.ts says. Figures printed and written to
 * bench/results/religious-affairs.json. Not a test: nothing here asserts a time.
 */
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { RegisterListQuery, ReligiousFiguresQuery } from '../common/religious-affairs.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import type { Db } from '../server/db/database.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { listRecords } from '../server/modules/religious-affairs/religious-affairs.service.js';
import { figures } from '../server/modules/religious-affairs/religious-identity.service.js';
import { benchUser, openBenchDatabase, prepareBenchData, reportLoad, timeRuns, writeResults } from './support.js';

const DIGNITARIES = Number(process.env.BENCH_DIGNITARIES ?? 60_000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 30_000);
const N = Number(process.env.BENCH_N ?? 100);

async function generate(db: Db) {
  const communes = sql`(select id, path, row_number() over (order by id) - 1 as k from units where kind = 'commune' and valid_to is null)`;
  const count = sql`(select count(*) from units where kind = 'commune' and valid_to is null)`;
  const religions = sql`(array['buddhism','catholicism','protestantism','cao_dai','hoa_hao','islam','bahai','minh_su'])`;
  await sql`insert into religious_organizations (unit_id, unit_path, name, religion_code, legal_status)
    select c.id, c.path, 'Tổ chức ' || g, ${religions}[1 + g % 8], 'recognized' from generate_series(1, 5000) g join ${communes} c on c.k = (g * 7) % ${count}`.execute(db);
  await sql`insert into worship_places (unit_id, unit_path, name, religion_code, address, legal_status)
    select c.id, c.path, 'Cơ sở ' || g, ${religions}[1 + g % 8], 'Thôn ' || g, 'registered' from generate_series(1, 30000) g join ${communes} c on c.k = g % ${count}`.execute(db);
  await sql`insert into dignitaries (unit_id, unit_path, name, religious_name, religion_code, rank, birth_year)
    select c.id, c.path, 'Nguyễn Văn ' || g, 'Pháp danh ' || g, ${religions}[1 + (g * 3) % 8], 'Chức sắc', 1950 + g % 50
    from generate_series(1, ${DIGNITARIES}) g join ${communes} c on c.k = (g * 13) % ${count}`.execute(db);
  await sql`insert into prestigious_persons (unit_id, unit_path, name, ethnic_code, village, recognized_year, decision, deciding_unit_id)
    select c.id, c.path, 'Đinh Công ' || g, lpad((1 + (g * 5) % 54)::text, 2, '0'), 'Bản ' || g, 2020 + g % 6, 'Quyết định ' || g, c.id
    from generate_series(1, ${PERSONS}) g join ${communes} c on c.k = (g * 11) % ${count}`.execute(db);
  await sql`insert into prestigious_support (person_id, year, kind, amount, sort_order)
    select p.id, p.recognized_year + s, (array['tet_visit','health_insurance','newspapers','training'])[1 + s], 500000, s
    from prestigious_persons p cross join generate_series(0, 3) s`.execute(db);
  await sql`insert into religious_events (unit_id, unit_path, name, religion_code, starts_on, ends_on, place, expected_attendance)
    select c.id, c.path, 'Lễ hội ' || g, ${religions}[1 + g % 8], date '2026-01-01' + g % 360, date '2026-01-01' + g % 360 + 2, 'Đình làng', 1000
    from generate_series(1, 5000) g join ${communes} c on c.k = (g * 17) % ${count}`.execute(db);
  for (const table of ['religious_organizations', 'worship_places', 'dignitaries', 'prestigious_persons', 'prestigious_support', 'religious_events']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}

async function main() {
  const database = await openBenchDatabase('danvan_bench_religious');
  const db = createDb(database.url, { max: 10 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus().length, dignitaries: DIGNITARIES, persons: PERSONS };
  try {
    results.generateSeconds = await prepareBenchData(db, { count: async () => Number((await sql<{ n: string }>`select count(*) as n from dignitaries`.execute(db)).rows[0]?.n ?? 0), want: 1, generate: () => generate(db) });
    const hanoi = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('kind', '=', 'province').where('code', '=', '01').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const root = await db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const hash = await hashPassword('bench-Password-1234');
    const approver = await benchUser(db, { username: 'bench.religious.hanoi', passwordHash: hash, unit: hanoi, role: 'approver' });
    const national = await benchUser(db, { username: 'bench.religious.country', passwordHash: hash, unit: root, role: 'viewer' });
    const ctx = { db, config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }) };
    results.loadAverageBefore = reportLoad('before');
    const out: Record<string, unknown>[] = [];
    const run = async (label: string, fn: () => Promise<number>) => {
      const r = await timeRuns(fn, N);
      console.log(`${label.padEnd(48)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  (${r.last.toLocaleString('en')})`);
      out.push({ label, n: N, ...r });
    };
    await run('figures of Hà Nội (suppressed)', async () => (await figures(ctx, approver, ReligiousFiguresQuery.parse({ unitId: hanoi.id, year: 2026 }))).personsByEthnicity.total.n);
    await run('figures of the country (suppressed)', async () => (await figures(ctx, national, ReligiousFiguresQuery.parse({ unitId: root.id, year: 2026 }))).personsByEthnicity.total.n);
    await run('prestigious persons of Hà Nội, first page', async () => (await listRecords(ctx, approver, 'persons', RegisterListQuery.parse({ unitId: hanoi.id }))).total);
    await run('name search in Hà Nội by an approver', async () => (await listRecords(ctx, approver, 'dignitaries', RegisterListQuery.parse({ unitId: hanoi.id, q: 'Văn 12' }))).total);
    results.timings = out;
    results.loadAverageAfter = reportLoad('after');
  } finally {
    await db.destroy();
    await database.close();
  }
  writeResults('religious-affairs', results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
