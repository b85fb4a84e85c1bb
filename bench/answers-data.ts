/**
 * The data set of the answers bench (issue 13): the entries list bench's 1,000,000 entries
 * (bench/generate-entries.ts: the current communes, provinces and organizations, 2021–2026; the
 * country-wide search "dan van kheo" matches ~78,000 of them), plus commendations and citizens'
 * petitions over the same registering units, so a report counts all three as it does in use.
 * Deterministic (setseed); each part is generated only when missing, so a kept database
 * (BENCH_DATA_DIR) is reused.
 */
import { sql } from 'kysely';
import type { Db } from '../server/db/database.js';
import { generateEntries } from './generate-entries.js';

export type AnswersData = { entries: number; commendations: number; petitions: number; seconds: number };

/** Adds what is missing of `entries` entries, `commendations` commendations and `petitions` petitions. */
export async function prepareAnswersData(db: Db, want: { entries: number; commendations: number; petitions: number }, log: (m: string) => void = () => {}): Promise<AnswersData> {
  const t0 = performance.now();
  const count = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0]?.n ?? 0);
  const entries = await count('entries');
  if (entries < want.entries) {
    const r = await generateEntries(db, want.entries - entries, log);
    log(`generated ${r.entries.toLocaleString('en')} entries over ${r.units.toLocaleString('en')} units in ${r.seconds.toFixed(0)} s`);
  }
  const commendations = await count('commendations', sql`decision_number like '%/QĐ-BENCH'`);
  if (commendations < want.commendations) await generateCommendations(db, want.commendations - commendations, commendations);
  const petitions = await count('petitions', sql`tracking_code like 'BENCH13-%'`);
  if (petitions < want.petitions) await generatePetitions(db, want.petitions - petitions, petitions);
  for (const table of ['entries', 'commendations', 'petitions']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  return { entries: await count('entries'), commendations: await count('commendations'), petitions: await count('petitions'), seconds: (performance.now() - t0) / 1000 };
}

/** The units that register: in force, communes and provinces and the organizations under them (as the entries). */
const registering = sql`
  select row_number() over (order by md5(u.id::text)) - 1 as k, u.id, u.path
  from units u
  where u.valid_to is null and (u.kind in ('province', 'commune') or u.name like '% (bench)')`;

async function generateCommendations(db: Db, n: number, offset: number): Promise<void> {
  await db.transaction().execute(async (conn) => {
    await sql`select setseed(0.13)`.execute(conn);
    await sql`
      with u as materialized (${registering}), c as (select count(*) as cnt from u)
      insert into commendations (recipient_kind, recipient_unit_id, recipient_name, form_code, issuing_unit_id, unit_id, unit_path,
        decision_number, decision_date, year)
      select case when x.individual then 'individual' else 'collective' end,
        case when x.individual then null else u.id end,
        case when x.individual then 'Cá nhân số ' || x.g end,
        x.form, u.id, u.id, u.path, x.g || '/QĐ-BENCH', x.day, extract(year from x.day)::int
      from (
        select g, random() < 0.4 as individual,
          (array['certificate_of_merit', 'certificate_of_merit', 'commendation_certificate', 'emulation_flag', 'emulation_fighter'])[1 + floor(random() * 5)::int] as form,
          date '2021-01-01' + floor(random() * 2160 + g * 0)::int as day,
          floor(power(random(), 1.6) * (select cnt from c))::int as k
        from generate_series(${offset + 1}::int, ${offset + n}::int) g
      ) x
      join u on u.k = x.k`.execute(conn);
  });
}

/**
 * Petitions received 2021 – November 2026, due 20 days later; about a fifth still open (those due
 * before today overdue), most closed on time, some late.
 */
async function generatePetitions(db: Db, n: number, offset: number): Promise<void> {
  await db.transaction().execute(async (conn) => {
    await sql`select setseed(0.14)`.execute(conn);
    await sql`
      with u as materialized (${registering}), c as (select count(*) as cnt from u)
      insert into petitions (unit_id, unit_path, year, number, kind, channel, anonymous, submitter_name, submitter_contact,
        category_code, title, content, status, handling_unit_id, handling_unit_path, received_on, due_on, closed_on, closed_at,
        tracking_code, secret_hash)
      select u.id, u.path, extract(year from x.received_on)::int, 2000000 + x.g,
        (array['recommendation','recommendation','complaint','denunciation'])[1 + floor(x.r1 * 4)::int],
        (array['in_person','hotline','mail','online','dialogue','forwarded'])[1 + floor(x.r2 * 6)::int],
        false, 'Người gửi ' || x.g, '09' || lpad((x.g % 100000000)::text, 8, '0'),
        (array['land','compensation','social_policy','environment','administrative_procedures','public_order','other'])[1 + floor(x.r3 * 7)::int],
        'Đơn số ' || x.g, 'Nội dung đơn thư được sinh cho phép đo.',
        s.status, u.id, u.path, x.received_on, x.received_on + 20,
        case when s.closed then x.received_on + s.days end, case when s.closed then (x.received_on + s.days)::timestamptz end,
        'BENCH13-' || x.g, repeat('0', 64)
      from (
        select g, date '2021-01-04' + floor(random() * 2150 + g * 0)::int as received_on,
          floor(power(random(), 1.6) * (select cnt from c))::int as k,
          random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
        from generate_series(${offset + 1}::int, ${offset + n}::int) g
      ) x
      join u on u.k = x.k
      cross join lateral (
        select case when x.received_on > current_date - 40 and x.r4 < 0.6 or x.r4 < 0.05 then (array['received','classified','assigned','in_progress'])[1 + floor(x.r5 * 4)::int]
          else (array['resolved','resolved','resolved','resolved','rejected','transferred_out'])[1 + floor(x.r5 * 6)::int] end as status,
          -- Closed within the 20 days mostly, a tenth late.
          case when x.r5 < 0.1 then 21 + floor(x.r4 * 60)::int else 1 + floor(x.r4 * 19)::int end as days
      ) s0
      cross join lateral (select s0.status, s0.status in ('resolved','rejected','transferred_out') and x.received_on + s0.days <= current_date as closed, s0.days) s1
      cross join lateral (select case when not s1.closed and s1.status in ('resolved','rejected','transferred_out') then 'in_progress' else s1.status end as status, s1.closed, s1.days) s`.execute(conn);
  });
}
