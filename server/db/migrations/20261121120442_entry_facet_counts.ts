import { type Kysely, sql } from 'kysely';

/**
 * What makes the entries list fast on a million rows (see docs/entries-list.md):
 * - `entry_area(path)`: the province-level prefix of a unit path (the path itself above that);
 * - `entry_facet_counts`: how many entries have each combination of the facet values, per area
 *   (the root, and each province-level unit), kept by statement-level triggers on `entries` in
 *   the transaction of every write, so facet counts and totals are sums over a few thousand rows;
 * - covering indexes on each sort key, country-wide and within an area, for the page rows.
 */
const DIMS = 'year, period_id, field_code, kind, form, level, status, typical, replicated';

/** The summary rows of the entries in transition table `rel`, each counted `delta` times. */
const rowsOf = (rel: string, delta: number) => `
  select a.area, e.year, coalesce(e.period_id, 0) as period_id, e.field_code, e.kind, e.form, e.level, e.status,
    e.recognised_typical as typical, e.replication_count > 0 as replicated, ${delta} as delta
  from ${rel} e
  cross join lateral (
    select subpath(e.unit_path, 0, 1) as area
    union all select subpath(e.unit_path, 0, 2) where nlevel(e.unit_path) >= 2
  ) a`;

const applyDeltas = (source: string) => `
  insert into entry_facet_counts as c (area, ${DIMS}, n)
  select area, ${DIMS}, sum(delta) from (${source}) d
  group by area, ${DIMS}
  having sum(delta) <> 0
  -- A fixed order takes the row locks in the same order in every writer (fewer deadlocks).
  order by area, ${DIMS}
  on conflict (area, ${DIMS}) do update set n = c.n + excluded.n`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function entry_area(ltree) returns ltree
    language sql immutable strict parallel safe
    -- Qualified: maintenance (CREATE INDEX, ANALYZE) runs index expressions with search_path = pg_catalog.
    as $$ select case when public.nlevel($1) > 2 then public.subpath($1, 0, 2) else $1 end $$`.execute(db);

  await sql`
    create table entry_facet_counts (
      -- The root's path (every entry) or a province-level path (the entries of its subtree).
      area ltree not null,
      year smallint not null,
      -- 0: no emulation period.
      period_id bigint not null,
      field_code text not null,
      kind text not null,
      form text not null,
      level text not null,
      status text not null,
      typical boolean not null,
      replicated boolean not null,
      -- Rows that fall to 0 stay (cheaper than deleting and re-inserting under concurrent writes).
      -- No check (n >= 0): INSERT … ON CONFLICT checks the proposed row (a -1) before the conflict.
      n integer not null,
      primary key (area, year, period_id, field_code, kind, form, level, status, typical, replicated)
    )`.execute(db);

  await sql.raw(`create function entry_facet_counts_insert() returns trigger language plpgsql as $$
    begin ${applyDeltas(rowsOf('new_rows', 1))}; return null; end $$`).execute(db);
  await sql.raw(`create function entry_facet_counts_delete() returns trigger language plpgsql as $$
    begin ${applyDeltas(rowsOf('old_rows', -1))}; return null; end $$`).execute(db);
  await sql.raw(`create function entry_facet_counts_update() returns trigger language plpgsql as $$
    begin ${applyDeltas(`${rowsOf('old_rows', -1)} union all ${rowsOf('new_rows', 1)}`)}; return null; end $$`).execute(db);
  await sql`create function entry_facet_counts_truncate() returns trigger language plpgsql as $$
    begin delete from entry_facet_counts; return null; end $$`.execute(db);

  await sql`create trigger entry_facet_counts_insert after insert on entries referencing new table as new_rows for each statement execute function entry_facet_counts_insert()`.execute(db);
  await sql`create trigger entry_facet_counts_delete after delete on entries referencing old table as old_rows for each statement execute function entry_facet_counts_delete()`.execute(db);
  await sql`create trigger entry_facet_counts_update after update on entries referencing old table as old_rows new table as new_rows for each statement execute function entry_facet_counts_update()`.execute(db);
  await sql`create trigger entry_facet_counts_truncate after truncate on entries for each statement execute function entry_facet_counts_truncate()`.execute(db);

  await sql.raw(applyDeltas(rowsOf('entries', 1))).execute(db);

  // The title order needs the same collation as the queries (units.repository viCollation).
  const { rows } = await sql<{ collname: string }>`
    select collname from pg_collation where collname in ('vi-VN-x-icu', 'vi-x-icu', 'und-x-icu')
    order by array_position(array['vi-VN-x-icu', 'vi-x-icu', 'und-x-icu'], collname::text) limit 1`.execute(db);
  const collate = rows[0] ? `collate "${rows[0].collname.replace(/"/g, '')}"` : '';
  // Covering indexes: the page's ids come from an index-only scan in the sort order, the filters
  // tested on the index tuples (no heap visit per skipped row); the page rows are then fetched by id.
  const cover = 'period_id, field_code, kind, form, level, status, recognised_typical, replication_count';
  await sql.raw(`create index entries_list_updated on entries (updated_at, id) include (year, ${cover})`).execute(db);
  await sql.raw(`create index entries_list_title on entries (title ${collate}, id) include (year, ${cover})`).execute(db);
  await sql.raw(`create index entries_list_year on entries (year, id) include (${cover})`).execute(db);
  await sql.raw(`create index entries_list_area_updated on entries (entry_area(unit_path), updated_at, id) include (unit_path, year, ${cover})`).execute(db);
  await sql.raw(`create index entries_list_area_title on entries (entry_area(unit_path), title ${collate}, id) include (unit_path, year, ${cover})`).execute(db);
  // "Typical examples", newest first: a list people open often, too sparse to find by skipping.
  await sql.raw(`create index entries_list_typical on entries (updated_at, id) include (year, ${cover}) where recognised_typical`).execute(db);
  await sql.raw(`create index entries_list_area_year on entries (entry_area(unit_path), year, id) include (unit_path, ${cover})`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
