/**
 * The report's `religiousAffairs` block (docs/situation.md §9, "In the report engine") reads the
 * registers of ethnic and religious affairs. A cached report answer is named by the data versions
 * of its unit's nodes, so a register written must bump them, or the old block would stay behind a
 * 304: statement triggers bump kind `f` of the nodes of the record's unit (the support rows through
 * their person), as the tasks' triggers do (20261206180000_task_report_versions, whose
 * `report_versions_truncate()` the truncate triggers reuse).
 */
import { type Kysely, sql } from 'kysely';

const UNITS_OF: Record<string, (rel: string) => string> = {
  religious_organizations: (rel) => `select unit_id from ${rel}`,
  worship_places: (rel) => `select unit_id from ${rel}`,
  dignitaries: (rel) => `select unit_id from ${rel}`,
  prestigious_persons: (rel) => `select unit_id from ${rel}`,
  religious_events: (rel) => `select unit_id from ${rel}`,
  prestigious_support: (rel) => `select p.unit_id from ${rel} s join prestigious_persons p on p.id = s.person_id`,
};

const bump = (units: string) => `
  insert into data_version_bumps (unit_id, kind)
  select distinct n.node_id, 'f' from report_nodes(array(select distinct x.id from (${units}) x(id) where x.id is not null)) n`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, unitsOf] of Object.entries(UNITS_OF)) {
    const bodies = {
      insert: bump(unitsOf('new_rows')),
      delete: bump(unitsOf('old_rows')),
      update: bump(`${unitsOf('old_rows')} union ${unitsOf('new_rows')}`),
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
