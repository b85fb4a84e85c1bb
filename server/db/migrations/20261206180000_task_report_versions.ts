/**
 * The report's `tasks` block (docs/leadership-loop.md, "Slice 8 as built") reads tasks, their
 * progress reports, working sessions and round participants. A cached report answer is named by
 * the data version of its unit (data-versions.repository.ts), which only the entries',
 * commendations' and petitions' triggers bumped, so a task written would have left the old block
 * behind a 304. These statement triggers bump kind `f` of every node whose figures the write may
 * change — the owner's (or the session's, the participant's) nodes as `report_nodes` attributes
 * them, a retired commune's successor included — exactly as the petitions' triggers do.
 *
 * Before this migration the answer carried a country-wide stamp of those tables instead: one scan
 * of all tasks on every report request, growing with the country's tasks; bumps cost the writer a
 * few inserts and the reader nothing.
 *
 * A truncate (tests, a manual reset) bumps unit 0, which every version includes.
 *
 * Indexes for the block's joins from a report's units (bench/leadership.bench.ts): the only index
 * of tasks by owner led with the document (`tasks_document_owner`), so a plan joining the country's
 * 15,659 units to their leaves scanned that whole index once per unit (2.4 s at 50,000 tasks); the
 * leaves' index covers what the block reads. Sessions and participants by unit likewise.
 */
import { type Kysely, sql } from 'kysely';

/** For each table: the unit ids a transition table `rel` touches. */
const UNITS_OF: Record<string, (rel: string) => string> = {
  tasks: (rel) => `select owner_unit_id from ${rel}`,
  task_progress_reports: (rel) => `select t.owner_unit_id from ${rel} r join tasks t on t.id = r.task_id`,
  working_sessions: (rel) => `select unit_id from ${rel}`,
  round_participants: (rel) => `select unit_id from ${rel}`,
};

const bump = (units: string) => `
  insert into data_version_bumps (unit_id, kind)
  select distinct n.node_id, 'f' from report_nodes(array(select distinct x.id from (${units}) x(id) where x.id is not null)) n`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tasks_owner_leaves on tasks (owner_unit_id, starts_on) include (id, deadline, status, done_at, document_id) where child_count = 0`.execute(db);
  await sql`create index working_sessions_unit_held on working_sessions (unit_id, held_on)`.execute(db);
  await sql`create index round_participants_unit_submitted on round_participants (unit_id, submitted_on) where submitted_on is not null`.execute(db);
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
  }
  await sql.raw(`create function report_versions_truncate() returns trigger language plpgsql set search_path = public as $$
    begin insert into data_version_bumps (unit_id, kind) values (0, 'f'); return null; end $$`).execute(db);
  for (const table of Object.keys(UNITS_OF)) {
    await sql.raw(`create trigger report_versions_${table}_truncate after truncate on ${table} for each statement execute function report_versions_truncate()`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
