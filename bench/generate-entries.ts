/**
 * Bulk test data for the entries list: `count` entries straight into PostgreSQL with
 * `insert … select generate_series`, registered by the current communes, provinces and
 * organizations under them (created here: a few per province, one in a third of the communes).
 * Deterministic (setseed). On an empty table the secondary indexes are dropped during the load
 * and built afterwards, which is several times faster than maintaining them row by row.
 * The facet summary is kept by the triggers on entries as for any other write.
 */
import { sql } from 'kysely';
import type { Db } from '../server/db/database.js';

const SUBJECTS = [
  'Dân vận khéo', 'Dân vận khéo trong xây dựng nông thôn mới', 'Chung tay giảm nghèo bền vững', 'Hiến đất làm đường giao thông nông thôn',
  'Tổ tự quản an ninh trật tự', 'Xóa nhà tạm, nhà dột nát', 'Phụ nữ khởi nghiệp', 'Thanh niên tình nguyện',
  'Cựu chiến binh giúp nhau làm kinh tế', 'Nông dân sản xuất giỏi', 'Đoàn kết các dân tộc', 'Chuyển đổi số ở cơ sở',
  'Tuyến đường hoa', 'Thắp sáng đường quê', 'Vệ sinh môi trường khu dân cư', 'Bảo vệ rừng đầu nguồn',
  'Đảng viên gương mẫu', 'Ủng hộ quỹ vì người nghèo', 'Dòng họ học tập', 'Khu dân cư văn hóa', 'Ưu đãi người có công',
  'Nuôi con đỡ đầu', 'Sổ tiết kiệm tình thương', 'Bếp ăn bán trú', 'Camera an ninh', 'Chợ văn minh, an toàn thực phẩm',
];
const PLACES = ['thôn', 'bản', 'ấp', 'tổ dân phố', 'khu phố', 'xóm', 'buôn', 'làng'];
const DESCRIPTIONS = [
  'Vận động nhân dân hiến đất, góp công làm đường bê tông liên thôn.',
  'Ban công tác Mặt trận phối hợp các đoàn thể tuyên truyền, vận động hội viên tham gia.',
  'Hỗ trợ vốn, giống cây trồng và hướng dẫn kỹ thuật cho hộ nghèo, hộ cận nghèo.',
  'Xây dựng quy ước, hương ước; hòa giải mâu thuẫn ngay tại cơ sở.',
  'Ứng dụng mạng xã hội để nắm bắt tâm tư, nguyện vọng của nhân dân.',
  'Phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số.',
];
const ORG_KINDS = ['fatherland_front', 'womens_union', 'youth_union', 'farmers_association', 'veterans_association'];

const textArray = (xs: string[]) => sql`(${xs}::text[])`;

/** Organizations under the current provinces (each kind) and a third of the current communes (one). */
async function ensureOrganizations(db: Db): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from units where name like '% (bench)'`.execute(db);
  if (rows[0]?.n) return;
  await sql`
    insert into units (id, parent_id, path, kind, name)
    select nid, pid, ppath || nid::text, kind, name from (
      select nextval(pg_get_serial_sequence('units', 'id')) as nid, p.id as pid, p.path as ppath, k.kind,
        k.kind || ' ' || p.name || ' (bench)' as name
      from units p cross join unnest(${textArray(ORG_KINDS)}) k(kind)
      where p.kind = 'province' and p.valid_to is null
      union all
      select nextval(pg_get_serial_sequence('units', 'id')), p.id, p.path, 'fatherland_front', 'Ủy ban MTTQ ' || p.name || ' (bench)'
      from units p where p.kind = 'commune' and p.valid_to is null and p.id % 3 = 0
    ) x`.execute(db);
}

export type GenerateReport = { entries: number; units: number; seconds: number };

/** Adds `count` entries; `log` reports the steps. */
export async function generateEntries(db: Db, count: number, log: (m: string) => void = () => {}): Promise<GenerateReport> {
  const started = performance.now();
  await ensureOrganizations(db);
  // One transaction: a failed load leaves neither rows nor dropped indexes behind.
  return db.transaction().execute(async (conn) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(conn);
    await sql`select setseed(0.42)`.execute(conn);
    // Who registers: communes (most entries), provinces, organizations; a power law gives busy and quiet units.
    await sql`
      create temp table gen_units on commit drop as
      select row_number() over (order by md5(u.id::text)) as idx, u.id, u.path,
        case when u.kind = 'province' or (u.kind <> 'commune' and p.kind = 'province') then 'province' else 'commune' end as level
      from units u left join units p on p.id = u.parent_id
      where u.valid_to is null and (u.kind in ('province', 'commune') or u.name like '% (bench)')`.execute(conn);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from gen_units`.execute(conn);
    const units = rows[0]?.n ?? 0;
    await sql`create unique index on gen_units (idx)`.execute(conn);
    const periods = await sql<{ id: string; start_year: number; end_year: number }>`select id::text, start_year, end_year from emulation_periods`.execute(conn);
    const periodOf = (y: number) => periods.rows.find((p) => p.start_year <= y && p.end_year >= y)?.id ?? null;

    const empty = !(await sql<{ one: number }>`select 1 as one from entries limit 1`.execute(conn)).rows.length;
    let indexes: string[] = [];
    if (empty) {
      const found = await sql<{ name: string; def: string }>`
        select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.tablename = 'entries' and i.schemaname = current_schema() and i.indexname <> 'entries_pkey'`.execute(conn);
      indexes = found.rows.map((r) => r.def);
      for (const r of found.rows) await sql`drop index ${sql.ref(r.name)}`.execute(conn);
      log(`dropped ${found.rows.length} indexes for the load`);
    }

    const chunk = 250_000;
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      await sql`
        insert into entries (registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description,
          status, recognised_typical, replication_count, title_key, created_at, updated_at)
        select u.id, u.path, u.level, x.kind, x.form, x.field, x.year,
          case when x.r_period < 0.05 then null when x.year <= 2025 then ${periodOf(2021)}::bigint else ${periodOf(2026)}::bigint end,
          x.title, x.description, x.status,
          x.status = 'recognised' and x.r_typ < 0.35,
          case when x.r_rep < 0.06 then 1 + (x.r_rep * 100)::int else 0 end,
          regexp_replace(danvan_fold(x.title), '\\s+', ' ', 'g'),
          x.created, x.created + (x.r_upd * interval '200 days')
        from (
          select g,
            1 + floor(power(random(), 1.6) * ${units})::int as uidx,
            y.year,
            case when random() < 0.8 then 'model' else 'typical_example' end as kind,
            case when random() < 0.85 then 'collective' else 'individual' end as form,
            (array['economic', 'economic', 'economic', 'cultural_social', 'cultural_social', 'defense_security', 'party_building'])[1 + floor(random() * 7)::int] as field,
            ${textArray(SUBJECTS)}[1 + floor(random() * ${SUBJECTS.length})::int] || ' ở ' ||
              ${textArray(PLACES)}[1 + floor(random() * ${PLACES.length})::int] || ' ' || (1 + g % 97) || ' (' || g || ')' as title,
            case when random() < 0.5 then ${textArray(DESCRIPTIONS)}[1 + floor(random() * ${DESCRIPTIONS.length})::int] end as description,
            -- Older entries are further along the lifecycle.
            (case
              when y.year = 2026 then array['draft', 'draft', 'registered', 'registered', 'accepted', 'returned', 'implementing', 'withdrawn']
              when y.year = 2025 then array['registered', 'accepted', 'implementing', 'implementing', 'evaluated', 'recognised', 'returned', 'withdrawn']
              else array['implementing', 'evaluated', 'evaluated', 'recognised', 'recognised', 'recognised', 'withdrawn', 'accepted']
            end)[1 + floor(random() * 8)::int] as status,
            random() as r_typ, random() as r_rep, random() as r_period, random() as r_upd,
            make_timestamptz(y.year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + random() * interval '360 days' as created
          from generate_series(${from}::int, ${to}::int) g
          cross join lateral (select (array[2021, 2022, 2023, 2023, 2024, 2024, 2025, 2025, 2025, 2026, 2026])[1 + floor(random() * 11 + g * 0)::int] as year) y
        ) x
        join gen_units u on u.idx = x.uidx`.execute(conn);
      log(`${to.toLocaleString('en')} entries`);
    }
    for (const def of indexes) {
      const t0 = performance.now();
      await sql.raw(def).execute(conn);
      log(`${def.replace(/ ON .*? USING /, ' … USING ').slice(0, 90)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    return { entries: count, units, seconds: (performance.now() - started) / 1000 };
  });
}
