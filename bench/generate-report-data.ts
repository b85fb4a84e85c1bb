/**
 * Bulk data for the report engine: `count` entries over 2021–2025 and `commendations`
 * commendations, nationwide, across the 1 July 2025 restructure. Whatever happened before that day
 * (every entry of 2021–2024, and those of 2025 registered before July) is registered by the
 * units then in force (old communes, districts and provinces); the rest by the current communes
 * and provinces. Deterministic (setseed); secondary indexes are dropped during the load of an
 * empty table and built afterwards (as bench/generate-entries.ts does).
 */
import { sql } from 'kysely';
import type { Db } from '../server/db/database.js';

export type ReportDataReport = { entries: number; commendations: number; legacyUnits: number; currentUnits: number; seconds: number };

export async function generateReportData(db: Db, count: number, commendations: number, log: (m: string) => void = () => {}): Promise<ReportDataReport> {
  const started = performance.now();
  return db.transaction().execute(async (conn) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(conn);
    await sql`select setseed(0.2025)`.execute(conn);
    // Registering units before and after the restructure, each numbered from 1 for a random pick.
    await sql`
      create temp table gen_units on commit drop as
      select (u.valid_to is null) as current,
        row_number() over (partition by u.valid_to is null order by md5(u.id::text)) as idx,
        u.id, u.path, u.kind as level
      from units u
      where u.kind in ('province', 'district', 'commune')
        and (u.valid_to is null or u.valid_to = '2025-07-01')`.execute(conn);
    await sql`create unique index on gen_units (current, idx)`.execute(conn);
    const { rows } = await sql<{ legacy: number; current: number }>`
      select count(*) filter (where not current)::int as legacy, count(*) filter (where current)::int as current from gen_units`.execute(conn);
    const legacy = rows[0]!.legacy;
    const current = rows[0]!.current;
    const period = (await sql<{ id: string }>`select id::text from emulation_periods where start_year = 2021`.execute(conn)).rows[0]?.id ?? null;

    const empty = !(await sql<{ one: number }>`select 1 as one from entries limit 1`.execute(conn)).rows.length;
    let indexes: string[] = [];
    if (empty) {
      const found = await sql<{ name: string; def: string }>`
        select indexname as name, indexdef as def from pg_indexes
        where tablename = 'entries' and schemaname = current_schema() and indexname <> 'entries_pkey'`.execute(conn);
      indexes = found.rows.map((r) => r.def);
      for (const r of found.rows) await sql`drop index ${sql.ref(r.name)}`.execute(conn);
      log(`dropped ${found.rows.length} indexes for the load`);
    }

    const chunk = 250_000;
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      await sql`
        insert into entries (registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title,
          status, recognised_typical, replication_count, title_key, registered_on, created_at, updated_at)
        select u.id, u.path, u.level, x.kind, x.form, x.field, x.year, ${period}::bigint,
          x.title, x.status, x.status = 'recognised' and x.r_typ < 0.35,
          case when x.r_rep < 0.06 then 1 + (x.r_rep * 100)::int else 0 end,
          danvan_fold(x.title),
          case when x.status <> 'draft' then x.day end,
          x.day::timestamp at time zone 'Asia/Ho_Chi_Minh', x.day::timestamp at time zone 'Asia/Ho_Chi_Minh'
        from (
          select g, y.year, d.day,
            d.day >= date '2025-07-01' as after,
            1 + floor(power(random(), 1.4) * (case when d.day >= date '2025-07-01' then ${current}::int else ${legacy}::int end))::int as uidx,
            case when random() < 0.8 then 'model' else 'typical_example' end as kind,
            case when random() < 0.85 then 'collective' else 'individual' end as form,
            (array['economic', 'economic', 'economic', 'cultural_social', 'cultural_social', 'defense_security', 'party_building'])[1 + floor(random() * 7)::int] as field,
            'Mô hình dân vận khéo số ' || g as title,
            (case when y.year = 2025
              then array['draft', 'registered', 'accepted', 'implementing', 'implementing', 'evaluated', 'returned', 'withdrawn']
              else array['implementing', 'evaluated', 'evaluated', 'recognised', 'recognised', 'recognised', 'withdrawn', 'accepted']
            end)[1 + floor(random() * 8)::int] as status,
            random() as r_typ, random() as r_rep
          from generate_series(${from}::int, ${to}::int) g
          -- "+ g * 0" ties each draw to its row: without it PostgreSQL may memoize the lateral subquery.
          cross join lateral (select 2021 + floor(random() * 5 + g * 0)::int as year) y
          cross join lateral (select make_date(y.year, 1, 1) + floor(random() * 365 + g * 0)::int as day) d
        ) x
        join gen_units u on u.current = x.after and u.idx = x.uidx`.execute(conn);
      log(`${to.toLocaleString('en')} entries`);
    }
    for (const def of indexes) {
      const t0 = performance.now();
      await sql.raw(def).execute(conn);
      log(`${def.replace(/ ON .*? USING /, ' … USING ').slice(0, 90)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }

    await sql`
      insert into commendations (recipient_kind, recipient_unit_id, recipient_name, form_code, issuing_unit_id, unit_id, unit_path,
        decision_number, decision_date, year)
      select case when x.individual then 'individual' else 'collective' end,
        case when x.individual then null else u.id end,
        case when x.individual then 'Cá nhân số ' || x.g end,
        x.form, u.id, u.id, u.path, x.g || '/QĐ-KT', x.day, extract(year from x.day)::int
      from (
        select g, random() < 0.4 as individual,
          (array['certificate_of_merit', 'certificate_of_merit', 'commendation_certificate', 'emulation_flag', 'emulation_fighter'])[1 + floor(random() * 5)::int] as form,
          d.day, 1 + floor(random() * (case when d.day >= date '2025-07-01' then ${current}::int else ${legacy}::int end))::int as uidx
        from generate_series(1, ${commendations}::int) g
        cross join lateral (select date '2021-01-01' + floor(random() * 1826 + g * 0)::int as day) d
      ) x
      join gen_units u on u.current = (x.day >= date '2025-07-01') and u.idx = x.uidx`.execute(conn);
    log(`${commendations.toLocaleString('en')} commendations`);
    return { entries: count, commendations, legacyUnits: legacy, currentUnits: current, seconds: (performance.now() - started) / 1000 };
  });
}
