import { type Kysely, sql } from 'kysely';

/**
 * The citizen's consent to the public page's data-protection notice (Law 91/2025/QH15 on personal
 * data protection; docs/petitions.md, "The public page"): when it was given and which version of
 * the notice it was given to. Set by the public intake, which refuses a petition without it;
 * petitions recorded by an officer and those received before this migration keep nulls.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table petitions
      add column consent_at timestamptz,
      add column consent_notice_version text check (length(consent_notice_version) between 1 and 40),
      add constraint petitions_consent_pair check ((consent_at is null) = (consent_notice_version is null))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
