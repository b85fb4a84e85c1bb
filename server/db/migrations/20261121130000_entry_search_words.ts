import { type Kysely, sql } from 'kysely';

/**
 * Text search that meets the list's budget on a million entries (docs/entries-list.md).
 *
 * The trigram index found candidates, but every candidate then cost a visit to the wide `entries`
 * heap (~400 bytes a row) to re-check the text and read the facet columns: 4,311 matches in a
 * province took ~120 ms, 38,514 country-wide ~350 ms. Now:
 * - the words of each entry (folded title and description, `to_tsvector('simple', search_text)`)
 *   sit in a GIN index whose matches need no re-check, with the entry's area (the root or its
 *   province-level path) as one more lexeme, so a search in a province is intersected inside the
 *   index;
 * - they live in `entry_search`, a companion of `entries` holding only what a search needs (the
 *   entry, its combination of facet values, its update time, its words), so the matches' facets
 *   and sort keys come from a smaller heap than `entries`';
 * - facet values are one integer, `combo`, a row of `entry_search_combos` (a few thousand
 *   combinations): counting groups integers, then folds the combinations like the summary does.
 * Kept by statement-level triggers on `entries`, in the transaction of every write, whoever writes.
 */
const COMBO = 'year, period_id, field_code, kind, form, level, status, typical, replicated';

/**
 * An entry's words and its area as one more lexeme: '@' + the area's path. No query word can be
 * it (query words are letters and digits, and a prefix query starts with a letter or digit).
 * Without positions (`strip`): nothing ranks or matches phrases, and the rows stay smaller.
 */
const WORDS = `strip(to_tsvector('simple', e.search_text)) || array_to_tsvector(array['@' || entry_area(e.unit_path)::text])`;

/**
 * Adds the combinations of `rel`'s rows, then writes their search rows: two statements. `order`
 * is the order rows are written in: by area when filling the table, so that a province's rows
 * share pages (a search in a province then reads fewer of them).
 */
const upsertFrom = (rel: string, order = 'e.id') => [
  `insert into entry_search_combos (${COMBO})
  select distinct e.year, coalesce(e.period_id, 0), e.field_code, e.kind, e.form, e.level, e.status,
    e.recognised_typical, e.replication_count > 0
  from ${rel} e
  order by 1, 2, 3, 4, 5, 6, 7, 8, 9
  on conflict do nothing`,
  `insert into entry_search as s (entry_id, combo, updated_at, words)
  select e.id, c.id, e.updated_at, ${WORDS}
  from ${rel} e
  join entry_search_combos c on (c.year, c.period_id, c.field_code, c.kind, c.form, c.level, c.status, c.typical, c.replicated)
    = (e.year, coalesce(e.period_id, 0), e.field_code, e.kind, e.form, e.level, e.status, e.recognised_typical, e.replication_count > 0)
  order by ${order}
  on conflict (entry_id) do update set combo = excluded.combo, updated_at = excluded.updated_at, words = excluded.words`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table entry_search_combos (
      id integer generated always as identity primary key,
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
      unique (year, period_id, field_code, kind, form, level, status, typical, replicated)
    )`.execute(db);
  // No foreign key: kept by the triggers below (a key to entries would forbid TRUNCATE entries).
  await sql`
    create table entry_search (
      entry_id bigint primary key,
      combo integer not null,
      updated_at timestamptz not null,
      words tsvector not null
    )`.execute(db);

  await sql.raw(`create function entry_search_upsert() returns trigger language plpgsql as $$
    begin ${upsertFrom('new_rows').join(';\n')}; return null; end $$`).execute(db);
  await sql`create function entry_search_delete() returns trigger language plpgsql as $$
    begin delete from entry_search where entry_id in (select id from old_rows); return null; end $$`.execute(db);
  await sql`create function entry_search_truncate() returns trigger language plpgsql as $$
    begin delete from entry_search; return null; end $$`.execute(db);
  await sql`create trigger entry_search_insert after insert on entries referencing new table as new_rows for each statement execute function entry_search_upsert()`.execute(db);
  await sql`create trigger entry_search_update after update on entries referencing new table as new_rows for each statement execute function entry_search_upsert()`.execute(db);
  await sql`create trigger entry_search_delete after delete on entries referencing old table as old_rows for each statement execute function entry_search_delete()`.execute(db);
  await sql`create trigger entry_search_truncate after truncate on entries for each statement execute function entry_search_truncate()`.execute(db);

  for (const statement of upsertFrom('entries', 'entry_area(e.unit_path), e.id')) await sql.raw(statement).execute(db);
  await sql`create index entry_search_words on entry_search using gin (words)`.execute(db);
  // The trigram index served the LIKE search this replaces.
  await sql`drop index if exists entries_search_trgm`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
