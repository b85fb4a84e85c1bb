/**
 * The check of an evidence file of grassroots democracy (a publication's, a dialogue conference's):
 * not empty, named, and a PDF, a Word document, a JPEG or a PNG by its content, the name's extension
 * agreeing — a PNG renamed .pdf, or any zip renamed .docx, is refused before anything is stored.
 * The PDF and DOCX checks are the policy documents' (policy-document-files.ts), the images' the
 * entries' evidence's (`sniffType`).
 */
import { createHash } from 'node:crypto';
import { GRASSROOTS_FILE_TYPES, type GrassrootsFileType } from '../../../common/grassroots-files.js';
import { AppError } from '../../errors.js';
import { cleanFileName, sniffType, type Upload } from '../entries/evidence.service.js';
import { attachmentType } from '../policy-documents/policy-document-files.js';

export type CheckedFile = { fileName: string; contentType: GrassrootsFileType; data: Buffer; sha256: string };

async function fileType(data: Buffer): Promise<GrassrootsFileType | null> {
  const sniffed = sniffType(data);
  if (sniffed === 'image/jpeg' || sniffed === 'image/png') return sniffed;
  return attachmentType(data);
}

/** VALIDATION_FAILED on `body.file` when empty or unnamed, UNSUPPORTED_FILE when not one of the accepted types. */
export async function checkEvidenceFile(upload: Upload): Promise<CheckedFile> {
  const fileName = cleanFileName(upload.fileName);
  if (!upload.data.length) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body.file', message: 'the file is empty', code: 'empty' }]);
  if (!fileName) throw new AppError('VALIDATION_FAILED', 'The file has no name', [{ path: 'body.file', message: 'the file has no name', code: 'required' }]);
  const type = await fileType(upload.data);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!type || !(GRASSROOTS_FILE_TYPES[type] as readonly string[]).includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE', 'Only PDF, Word (.docx), JPEG and PNG files are accepted, with the matching extension', {
      fileName,
      detected: type ?? sniffType(upload.data),
      accepted: Object.keys(GRASSROOTS_FILE_TYPES),
    });
  }
  return { fileName, contentType: type, data: upload.data, sha256: createHash('sha256').update(upload.data).digest('hex') };
}

/** The refusal of one file too many (checked before the upload is read, and again under the parent's row lock). */
export const tooManyFiles = (max: number, per: string) =>
  new AppError('VALIDATION_FAILED', `A ${per} holds at most ${max} files`, [{ path: 'body.file', message: `at most ${max} files per ${per}`, code: 'too_many' }]);
