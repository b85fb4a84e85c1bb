/** All SQL of a publication's evidence files (the list a publication carries is read in grassroots.repository.ts). */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export type PublicationFileRecord = { id: string; publication_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date };

const COLUMNS = ['id', 'publication_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function countFiles(db: Db, publicationId: string): Promise<number> {
  const row = await db
    .selectFrom('publication_files')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('publication_id', '=', publicationId)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findFile(db: Db, id: string): Promise<PublicationFileRecord | undefined> {
  return db.selectFrom('publication_files').select(COLUMNS).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
}

export async function findFileData(db: Db, id: string): Promise<Buffer | undefined> {
  return (await db.selectFrom('publication_files').select('data').where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst())?.data;
}

export async function insertFile(
  trx: Db,
  f: { publicationId: string; fileName: string; contentType: string; data: Buffer; sha256: string; userId: string | null },
): Promise<PublicationFileRecord> {
  return trx
    .insertInto('publication_files')
    .values({ publication_id: f.publicationId, file_name: f.fileName, content_type: f.contentType, size_bytes: f.data.length, sha256: f.sha256, data: f.data, uploaded_by: f.userId })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Hides a file (kept, no longer listed or served); false when it was not there. */
export async function hideFile(trx: Db, id: string, userId: string | null): Promise<boolean> {
  const res = await trx.updateTable('publication_files').set({ hidden_at: sql`now()`, hidden_by: userId }).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/**
 * Locks the publication's row, so that two uploads at once cannot both pass the count. The row is
 * not updated: a file is not part of what was published (its version, its public state and the
 * figures' triggers stay as they were).
 */
export async function lockPublication(trx: Db, id: string): Promise<void> {
  await sql`select id from publications where id = ${id} for update`.execute(trx);
}
