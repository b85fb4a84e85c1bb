/** SQL of an entry's evidence files (bytes kept in entry_evidence; removal only marks them). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

const LISTED = ['id', 'entry_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

/** Evidence still attached (not removed), oldest first. */
export async function findEvidenceList(db: Q, entryId: string) {
  return db.selectFrom('entry_evidence').select(LISTED).where('entry_id', '=', entryId).where('removed_at', 'is', null).orderBy('uploaded_at').orderBy('id').execute();
}

export async function countEvidence(db: Q, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('entry_evidence')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('entry_id', '=', entryId)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export type EvidenceInput = { entryId: string; fileName: string; contentType: string; data: Buffer; sha256: string; userId: string | null };

export async function insertEvidence(trx: Q, e: EvidenceInput) {
  return trx
    .insertInto('entry_evidence')
    .values({ entry_id: e.entryId, file_name: e.fileName, content_type: e.contentType, size_bytes: e.data.length, sha256: e.sha256, data: e.data, uploaded_by: e.userId })
    .returning(LISTED)
    .executeTakeFirstOrThrow();
}

/** One attached item of the entry, with its bytes when asked. */
export async function findEvidence(db: Q, entryId: string, id: string) {
  return db.selectFrom('entry_evidence').select([...LISTED, 'data']).where('entry_id', '=', entryId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
}

/** Marks the item removed; false when it was not attached. */
export async function markEvidenceRemoved(trx: Q, entryId: string, id: string): Promise<boolean> {
  const r = await trx.updateTable('entry_evidence').set({ removed_at: sql`now()` }).where('entry_id', '=', entryId).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
