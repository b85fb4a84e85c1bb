import { type Kysely, sql } from 'kysely';

/**
 * Entry lists answered once per data version (issue 13): a list's rows show each registering unit's
 * name, kind, code and interval and the names of its ancestors, so a unit renamed (or re-coded,
 * re-dated) changes lists that no entry write touched. Such a change is rare (a restructure, the
 * official import) and may show in any list below it, so it bumps the records version of every
 * list at once: unit 0's `r`, which every list reads (data-versions.repository.ts). Moves between
 * parents already bump the records version of the units whose entries moved (report_units_update).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function list_units_renamed() returns trigger language plpgsql set search_path = public as $$
    begin
      -- A count, not "where exists": for exists the planner hopes to stop at the first match and
      -- joins the two transition tables by a nested loop; when nothing was renamed (the attribution
      -- rewriting every unit on the official import) that compared 15,659² pairs, 70–80 s.
      insert into data_version_bumps (unit_id, kind)
      select 0, 'r'
      from (
        select count(*) as renamed from new_rows n join old_rows o on o.id = n.id
        where (n.name, n.kind, n.code, n.valid_from, n.valid_to) is distinct from (o.name, o.kind, o.code, o.valid_from, o.valid_to)
      ) c
      where c.renamed > 0;
      return null;
    end $$`.execute(db);
  await sql`create trigger list_units_renamed after update on units referencing old table as old_rows new table as new_rows for each statement execute function list_units_renamed()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
