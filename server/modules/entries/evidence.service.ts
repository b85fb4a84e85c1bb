/**
 * Evidence files of an entry: photos (JPEG, PNG, WebP) and PDF documents. The type is decided by
 * the file's first bytes, and the name's extension must agree, so a renamed program or a PDF
 * called .jpg is refused. Bytes are kept in PostgreSQL with their SHA-256; removal only marks.
 */
import { createHash } from 'node:crypto';
import { ENTRY_LIMITS } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { lockEntry, touchEntry } from './entries.repository.js';
import { getReadableEntry, getWritableEntry } from './entry-detail.service.js';
import * as repo from './evidence.repository.js';

export const EVIDENCE_TYPES = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type a file's magic bytes announce, or null. */
export function sniffType(buf: Buffer): EvidenceType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The last component of a client's file name, without control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...base].slice(-255).join('');
}

export type Upload = { fileName: string; data: Buffer };

/**
 * Attaches a file to an entry the actor may write to. `readUpload` is called only after the
 * permission check, so a refused caller's upload is never read into memory.
 */
export async function addEvidence(ctx: Ctx, actor: Actor, entryId: string, readUpload: () => Promise<Upload>) {
  const entry = await getWritableEntry(ctx, actor, entryId);
  if (entry.status === 'withdrawn') throw new AppError('INVALID_TRANSITION', 'The entry is withdrawn', { status: entry.status, action: 'evidence' });
  if ((await repo.countEvidence(ctx.db, entryId)) >= ENTRY_LIMITS.evidencePerEntry) throw tooMany();
  const upload = await readUpload();
  const fileName = cleanFileName(upload.fileName);
  if (!upload.data.length) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body.file', message: 'the file is empty', code: 'empty' }]);
  const type = sniffType(upload.data);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!type || !(EVIDENCE_TYPES[type] as readonly string[]).includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE', 'Only JPEG, PNG, WebP images and PDF documents are accepted, with the matching extension', { fileName, detected: type, accepted: Object.keys(EVIDENCE_TYPES) });
  }
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    // The entry row is locked so that two uploads at once cannot both pass the count.
    await lockEntry(trx, entryId);
    if ((await repo.countEvidence(trx, entryId)) >= ENTRY_LIMITS.evidencePerEntry) throw tooMany();
    const item = await repo.insertEvidence(trx, { entryId, fileName, contentType: type, data: upload.data, sha256, userId: actor.userId });
    await touchEntry(trx, entryId);
    await recordAudit(trx, actor, {
      action: 'entry.evidence.add',
      recordType: 'entry',
      recordId: entryId,
      unitId: entry.registering_unit_id,
      after: { evidenceId: item.id, fileName, contentType: type, sizeBytes: item.size_bytes, sha256 },
    });
    return item;
  });
}

const tooMany = () =>
  new AppError('VALIDATION_FAILED', `An entry holds at most ${ENTRY_LIMITS.evidencePerEntry} evidence files`, [
    { path: 'body.file', message: `at most ${ENTRY_LIMITS.evidencePerEntry} files per entry`, code: 'too_many' },
  ]);

const evidenceNotFound = (id: string) => new AppError('NOT_FOUND', `Evidence ${id} not found`, { what: 'evidence', id });

/** The bytes of an attached file of an entry the actor may read. */
export async function getEvidenceFile(ctx: Ctx, actor: Actor, entryId: string, evidenceId: string) {
  await getReadableEntry(ctx, actor, entryId);
  const item = await repo.findEvidence(ctx.db, entryId, evidenceId);
  if (!item) throw evidenceNotFound(evidenceId);
  return item;
}

/** Detaches a file: it stays in the database (removed_at set) and is no longer listed or served. */
export async function removeEvidence(ctx: Ctx, actor: Actor, entryId: string, evidenceId: string): Promise<void> {
  const entry = await getWritableEntry(ctx, actor, entryId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.markEvidenceRemoved(trx, entryId, evidenceId))) throw evidenceNotFound(evidenceId);
    await touchEntry(trx, entryId);
    await recordAudit(trx, actor, { action: 'entry.evidence.remove', recordType: 'entry', recordId: entryId, unitId: entry.registering_unit_id, before: { evidenceId } });
  });
}

