/**
 * The report's `grassroots` block (docs/grassroots-democracy.md §7–8) reads, besides the dialogue
 * conferences (20261207220000_dialogue_rules bumps those), the communes' publications and the
 * recommendations of the boards and the Front. A cached report answer is named by the data versions
 * of its unit's nodes, so writing either must bump them, or the old block would stay behind a 304:
 * statement triggers bump kind `f` of the nodes of the record's unit, as the tasks' triggers do
 * (20261206180000_task_report_versions, whose `report_versions_truncate()` is reused).
 */
import { type Kysely, sql } from 'kysely';

const TABLES = ['publications', 'supervision_recommendations'];

const bump = (rel: string) => `
  insert into data_version_bumps (unit_id, kind)
  select distinct n.node_id, 'f' from report_nodes(array(select distinct unit_id from ${rel})) n`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    const bodies = {
      insert: bump('new_rows'),
      delete: bump('old_rows'),
      update: bump('(select unit_id from old_rows union select unit_id from new_rows) x'),
    };
    for (const [op, body] of Object.entries(bodies)) {
      const name = `report_versions_${table}_${op}`;
      await sql.raw(`create function ${name}() returns trigger language plpgsql set search_path = public set jit = off as $$
        begin ${body}; return null; end $$`).execute(db);
      const transition = op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
      await sql.raw(`create trigger ${name} after ${op} on ${table} referencing ${transition} for each statement execute function ${name}()`).execute(db);
    }
    await sql.raw(`create trigger report_versions_${table}_truncate after truncate on ${table} for each statement execute function report_versions_truncate()`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
