/**
 * The evidence files of a dialogue conference (docs/grassroots-democracy.md §7): the notice
 * announced, the results published, the minutes — each file with its purpose. Added and hidden with
 * data.write on the session's unit, read with units.read there, as the session itself. A reception
 * session (kind `reception`) takes none. Bytes in PostgreSQL with their SHA-256; removal only hides.
 */
import { GRASSROOTS_FILE_LIMITS, type DialogueFilePurpose } from '../../../common/grassroots-files.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { todayInVietnam } from '../../../common/units.js';
import type { Upload } from '../entries/evidence.service.js';
import { checkEvidenceFile, tooManyFiles } from '../grassroots/evidence-file-check.js';
import * as repo from './dialogue-files.repository.js';
import { findSession } from './reception.repository.js';

const MAX = GRASSROOTS_FILE_LIMITS.filesPerSession;
const sessionNotFound = (id: string) => new AppError('NOT_FOUND', `Reception session ${id} not found`, { what: 'reception_session', id });
const fileNotFound = (id: string) => new AppError('NOT_FOUND', `Dialogue file ${id} not found`, { what: 'dialogue_file', id });

async function readableSession(ctx: Ctx, actor: Actor, id: string) {
  const s = await findSession(ctx.db, id, todayInVietnam());
  if (!s || !can(actor, 'units.read', s.unit_path)) throw sessionNotFound(id);
  return s;
}

/** The files of a session the actor reads (a reception session has none). */
export async function listDialogueFiles(ctx: Ctx, actor: Actor, sessionId: string): Promise<repo.DialogueFileRecord[]> {
  await readableSession(ctx, actor, sessionId);
  return repo.findFiles(ctx.db, sessionId);
}

/**
 * Adds a file to a dialogue conference the actor writes. `readUpload` is called only after the
 * permission and kind checks, so a refused caller's upload is never read into memory.
 */
export async function addDialogueFile(ctx: Ctx, actor: Actor, sessionId: string, purpose: DialogueFilePurpose, readUpload: () => Promise<Upload>): Promise<repo.DialogueFileRecord> {
  const session = await readableSession(ctx, actor, sessionId);
  assertCan(actor, 'data.write', session.unit_path);
  if (session.kind !== 'dialogue') {
    throw new AppError('VALIDATION_FAILED', 'Only a dialogue conference takes notice, results and minutes files; this is a reception session', [
      { path: 'params.id', message: 'must be a dialogue conference, not a reception session', code: 'not_dialogue' },
    ]);
  }
  if ((await repo.countFiles(ctx.db, sessionId)) >= MAX) throw tooManyFiles(MAX, 'dialogue conference');
  const file = await checkEvidenceFile(await readUpload());
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockSession(trx, sessionId);
    if ((await repo.countFiles(trx, sessionId)) >= MAX) throw tooManyFiles(MAX, 'dialogue conference');
    const item = await repo.insertFile(trx, { sessionId, purpose, fileName: file.fileName, contentType: file.contentType, data: file.data, sha256: file.sha256, userId: actor.userId });
    await recordAudit(trx, actor, {
      action: 'reception_session.file.add',
      recordType: 'reception_session',
      recordId: sessionId,
      unitId: session.unit_id,
      after: { evidenceId: item.id, purpose, fileName: file.fileName, contentType: file.contentType, sizeBytes: item.size_bytes, sha256: file.sha256 },
    });
    return item;
  });
}

async function readableFile(ctx: Ctx, actor: Actor, id: string) {
  const item = await repo.findFile(ctx.db, id);
  if (!item) throw fileNotFound(id);
  try {
    return { item, session: await readableSession(ctx, actor, item.session_id) };
  } catch {
    throw fileNotFound(id);
  }
}

/** A file with its bytes, read with the session's read permission; NOT_FOUND otherwise. */
export async function getDialogueFile(ctx: Ctx, actor: Actor, id: string): Promise<repo.DialogueFileRecord & { data: Buffer }> {
  const { item } = await readableFile(ctx, actor, id);
  const data = await repo.findFileData(ctx.db, id);
  if (!data) throw fileNotFound(id);
  return { ...item, data };
}

/** Hides a file: kept, no longer listed or served (data.write on the session's unit). */
export async function hideDialogueFile(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { item, session } = await readableFile(ctx, actor, id);
  assertCan(actor, 'data.write', session.unit_path);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockSession(trx, session.id);
    if (!(await repo.hideFile(trx, id, actor.userId))) throw fileNotFound(id);
    await recordAudit(trx, actor, {
      action: 'reception_session.file.hide',
      recordType: 'reception_session',
      recordId: session.id,
      unitId: session.unit_id,
      before: { evidenceId: id, purpose: item.purpose, fileName: item.file_name },
    });
  });
}
