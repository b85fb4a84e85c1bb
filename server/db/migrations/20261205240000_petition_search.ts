import { type Kysely, sql } from 'kysely';

/**
 * Text search of the petitions list (`q`): the number ("12" or "12/2026"), the title, the tracking
 * code and — for holders of petitions.identity only — the submitter's name, diacritics and case
 * folded (danvan_fold), as the unit search does. Trigram indexes keep a contains-match on a
 * province's million petitions an index scan; the number has its own index (the unique one leads
 * with the unit, which a search across a subtree does not know). The tracking code already has
 * its unique index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index petitions_title_fold_trgm on petitions using gin (danvan_fold(title) gin_trgm_ops)`.execute(db);
  // Personal data: matched only for holders of petitions.identity (see petitions.repository listWhere).
  await sql`create index petitions_name_fold_trgm on petitions using gin (danvan_fold(submitter_name) gin_trgm_ops) where submitter_name is not null`.execute(db);
  await sql`create index petitions_number_year on petitions (number, year)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
