import { type Kysely, sql } from 'kysely';

/**
 * Text search without diacritics kept folded once per row: the trigram index finds candidates,
 * and re-checking them no longer strips accents again for every word of every candidate (what
 * made text searches over 1,000,000 entries take a second). Generated, so no writer can forget it;
 * backups leave generated columns out and restore recomputes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table entries add column search_text text
      generated always as (danvan_fold(title || ' ' || coalesce(description, ''))) stored`.execute(db);
  await sql`drop index if exists entries_fold_trgm`.execute(db);
  await sql`create index entries_search_trgm on entries using gin (search_text gin_trgm_ops)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
