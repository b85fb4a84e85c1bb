import { type Kysely, sql } from 'kysely';

/**
 * `entry_transitions.imported_from`: the file an Excel import recorded a step from. Imported
 * history (docs/entries-excel.md, "History") carries its historical date, the importer as actor and
 * this file name, which the app shows as "imported from <file>" in the reader's language; a reason
 * typed by a person stays in `reason`. Existing rows keep null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table entry_transitions add column imported_from text check (length(imported_from) between 1 and 255)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
