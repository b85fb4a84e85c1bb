/** Test factories of dialogue conferences' evidence files: a conference and a file, written straight. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';

/** A session of the unit (a dialogue conference unless told otherwise). */
export async function buildSession(db: Db, input: { unitId: string; kind?: 'reception' | 'dialogue'; title?: string; heldOn?: string }) {
  const unit = await db.selectFrom('units').select(['id', 'path']).where('id', '=', input.unitId).executeTakeFirstOrThrow();
  return db
    .insertInto('reception_sessions')
    .values({ kind: input.kind ?? 'dialogue', unit_id: unit.id, unit_path: unit.path, held_on: input.heldOn ?? '2026-06-15', title: input.title ?? 'Hội nghị đối thoại với Nhân dân', presiding: 'Chủ tịch UBND' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** An evidence file of a session (a small PDF). */
export async function buildDialogueFile(db: Db, sessionId: string, purpose: 'notice' | 'results' | 'minutes' = 'notice', fileName = 'thong-bao.pdf') {
  const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]);
  return db
    .insertInto('reception_session_files')
    .values({ session_id: sessionId, purpose, file_name: fileName, content_type: 'application/pdf', size_bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
