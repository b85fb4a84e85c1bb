/**
 * The files of a policy document (PDF or DOCX, checked by content in policy-document-files.ts):
 * attached and hidden by whoever edits the document, read by whoever reads it. Bytes are kept in
 * PostgreSQL with their SHA-256; removal only hides, as with an entry's evidence.
 */
import { createHash } from 'node:crypto';
import { POLICY_DOCUMENT_LIMITS } from '../../../common/policy-documents.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { cleanFileName, type Upload } from '../entries/evidence.service.js';
import { checkAttachment } from './policy-document-files.js';
import * as repo from './policy-documents.repository.js';
import { getReadableDocument, getWritableDocument } from './policy-documents.service.js';

const tooMany = () =>
  new AppError('VALIDATION_FAILED', `A document holds at most ${POLICY_DOCUMENT_LIMITS.attachmentsPerDocument} files`, [
    { path: 'body.file', message: `at most ${POLICY_DOCUMENT_LIMITS.attachmentsPerDocument} files per document`, code: 'too_many' },
  ]);

const attachmentNotFound = (id: string) => new AppError('NOT_FOUND', `Attachment ${id} not found`, { what: 'policy_document_attachment', id });

/**
 * Attaches a file to a document the actor edits. `readUpload` is called only after the permission
 * check, so a refused caller's upload is never read into memory.
 */
export async function addAttachment(ctx: Ctx, actor: Actor, documentId: string, readUpload: () => Promise<Upload>): Promise<repo.AttachmentRecord> {
  const doc = await getWritableDocument(ctx, actor, documentId);
  if ((await repo.countAttachments(ctx.db, documentId)) >= POLICY_DOCUMENT_LIMITS.attachmentsPerDocument) throw tooMany();
  const upload = await readUpload();
  const fileName = cleanFileName(upload.fileName);
  if (!upload.data.length) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body.file', message: 'the file is empty', code: 'empty' }]);
  if (!fileName) throw new AppError('VALIDATION_FAILED', 'The file has no name', [{ path: 'body.file', message: 'the file has no name', code: 'required' }]);
  const contentType = await checkAttachment(fileName, upload.data);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockDocumentRow(trx, documentId);
    if ((await repo.countAttachments(trx, documentId)) >= POLICY_DOCUMENT_LIMITS.attachmentsPerDocument) throw tooMany();
    const item = await repo.insertAttachment(trx, { documentId, fileName, contentType, data: upload.data, sha256, userId: actor.userId });
    await repo.touchDocument(trx, documentId);
    await recordAudit(trx, actor, {
      action: 'policy_document.attachment.add',
      recordType: 'policy_document',
      recordId: documentId,
      unitId: doc.issuing_unit_id,
      after: { attachmentId: item.id, fileName, contentType, sizeBytes: item.size_bytes, sha256 },
    });
    return item;
  });
}

/** An attachment with its bytes, of a document the actor reads; NOT_FOUND otherwise. */
export async function getAttachmentFile(ctx: Ctx, actor: Actor, id: string): Promise<repo.AttachmentRecord & { data: Buffer }> {
  const item = await repo.findAttachment(ctx.db, id);
  if (!item) throw attachmentNotFound(id);
  try {
    await getReadableDocument(ctx, actor, item.document_id);
  } catch {
    throw attachmentNotFound(id);
  }
  const data = await repo.findAttachmentData(ctx.db, id);
  if (!data) throw attachmentNotFound(id);
  return { ...item, data };
}

/** Hides an attachment: kept in the database, no longer listed or served. */
export async function hideAttachment(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const item = await repo.findAttachment(ctx.db, id);
  if (!item) throw attachmentNotFound(id);
  let doc;
  try {
    doc = await getReadableDocument(ctx, actor, item.document_id);
  } catch {
    throw attachmentNotFound(id);
  }
  const writable = await getWritableDocument(ctx, actor, doc.id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockDocumentRow(trx, writable.id);
    if (!(await repo.hideAttachment(trx, id, actor.userId))) throw attachmentNotFound(id);
    await repo.touchDocument(trx, writable.id);
    await recordAudit(trx, actor, {
      action: 'policy_document.attachment.hide',
      recordType: 'policy_document',
      recordId: writable.id,
      unitId: writable.issuing_unit_id,
      before: { attachmentId: id, fileName: item.file_name },
    });
  });
}
