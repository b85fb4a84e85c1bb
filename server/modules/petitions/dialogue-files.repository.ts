/** All SQL of a dialogue conference's evidence files (notice, results, minutes). */
import { sql } from 'kysely';
import type { DialogueFilePurpose } from '../../../common/grassroots-files.js';
import type { Db } from '../../db/database.js';

export type DialogueFileRecord = { id: string; session_id: string; purpose: DialogueFilePurpose; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date };

const COLUMNS = ['id', 'session_id', 'purpose', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function findFiles(db: Db, sessionId: string): Promise<DialogueFileRecord[]> {
  return db.selectFrom('reception_session_files').select(COLUMNS).where('session_id', '=', sessionId).where('hidden_at', 'is', null).orderBy('id').execute();
}

export async function countFiles(db: Db, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('reception_session_files')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('session_id', '=', sessionId)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findFile(db: Db, id: string): Promise<DialogueFileRecord | undefined> {
  return db.selectFrom('reception_session_files').select(COLUMNS).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
}

export async function findFileData(db: Db, id: string): Promise<Buffer | undefined> {
  return (await db.selectFrom('reception_session_files').select('data').where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst())?.data;
}

export async function insertFile(
  trx: Db,
  f: { sessionId: string; purpose: DialogueFilePurpose; fileName: string; contentType: string; data: Buffer; sha256: string; userId: string | null },
): Promise<DialogueFileRecord> {
  return trx
    .insertInto('reception_session_files')
    .values({ session_id: f.sessionId, purpose: f.purpose, file_name: f.fileName, content_type: f.contentType, size_bytes: f.data.length, sha256: f.sha256, data: f.data, uploaded_by: f.userId })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Hides a file (kept, no longer listed or served); false when it was not there. */
export async function hideFile(trx: Db, id: string, userId: string | null): Promise<boolean> {
  const res = await trx.updateTable('reception_session_files').set({ hidden_at: sql`now()`, hidden_by: userId }).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/**
 * Locks the session's row so that two uploads at once cannot both pass the count. The row is not
 * updated: its version guards the dialogue's dates (PUT …/dialogue), which a file does not change.
 */
export async function lockSession(trx: Db, id: string): Promise<void> {
  await sql`select id from reception_sessions where id = ${id} for update`.execute(trx);
}
