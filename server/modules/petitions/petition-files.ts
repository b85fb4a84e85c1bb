/**
 * Attachments of a petition, checked like an entry's evidence: the type comes from the file's
 * first bytes (JPEG, PNG, WebP, PDF) and the name's extension must agree, so a renamed program
 * or a PDF called .jpg is refused before anything is stored.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import { cleanFileName, EVIDENCE_TYPES, sniffType } from '../entries/evidence.service.js';
import type { NewAttachment } from './petitions.repository.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks every file; throws on the first bad one, so a bad file stores nothing. */
export function checkAttachments(files: { fileName: string; dataBase64: string }[], maxBytes: number): NewAttachment[] {
  return files.map((f, i) => {
    const path = `body.attachments.${i}`;
    const fileName = cleanFileName(f.fileName);
    const b64 = f.dataBase64.replace(/\s+/g, '');
    if (!fileName || b64.length % 4 !== 0 || !BASE64.test(b64)) {
      throw new AppError('VALIDATION_FAILED', `Attachment ${i + 1} is not a valid base64 file`, [{ path, message: 'not valid base64 data or no file name' }]);
    }
    // Checked on the encoded length first, so an oversized file is never decoded.
    if (Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0) > maxBytes) {
      throw new AppError('FILE_TOO_LARGE', `An attachment may have at most ${maxBytes} bytes`, { maxBytes, fileName });
    }
    const data = Buffer.from(b64, 'base64');
    if (!data.length) throw new AppError('VALIDATION_FAILED', `Attachment ${i + 1} is empty`, [{ path, message: 'the file is empty', code: 'empty' }]);
    const type = sniffType(data);
    const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
    if (!type || !(EVIDENCE_TYPES[type] as readonly string[]).includes(ext)) {
      throw new AppError('UNSUPPORTED_FILE', 'Only JPEG, PNG, WebP images and PDF documents are accepted, with the matching extension', {
        fileName,
        detected: type,
        accepted: Object.keys(EVIDENCE_TYPES),
      });
    }
    return { fileName, contentType: type, data, sha256: createHash('sha256').update(data).digest('hex') };
  });
}
