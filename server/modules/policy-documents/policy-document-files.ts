/**
 * The files of a policy document: the signed PDF scan or the DOCX the office typed. The type is
 * decided by the content and the name's extension must agree. A PDF starts with `%PDF-` (as in
 * `sniffType`); a DOCX is a zip archive (`PK\3\4`) whose central directory lists
 * `[Content_Types].xml` and `word/document.xml`, read with yauzl and nothing inflated. So a PNG
 * renamed .pdf, or any zip renamed .docx, is refused before anything is stored.
 */
import yauzl from 'yauzl';
import { POLICY_DOCUMENT_ATTACHMENT_TYPES, type PolicyDocumentAttachmentType } from '../../../common/policy-documents.js';
import { AppError } from '../../errors.js';
import { sniffType } from '../entries/evidence.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A Word document has a few dozen parts; thousands mean something else. */
const MAX_DOCX_PARTS = 2_000;

const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

/** The parts a zip's central directory lists (by lower-case name), or null when it is no readable zip. */
async function zipParts(data: Buffer): Promise<Set<string> | null> {
  const file = await new Promise<yauzl.ZipFile | null>((resolve) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => resolve(err || !z ? null : z)),
  );
  if (!file) return null;
  try {
    if (file.entryCount > MAX_DOCX_PARTS) return null;
    return await new Promise<Set<string> | null>((resolve) => {
      const parts = new Set<string>();
      file.on('error', () => resolve(null));
      file.on('end', () => resolve(parts));
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.isEncrypted()) return resolve(null);
        parts.add(partKey(entry.fileName));
        file.readEntry();
      });
      file.readEntry();
    });
  } finally {
    file.close();
  }
}

/** The type of an attachment by its content, or null when it is neither a PDF nor a Word document. */
export async function attachmentType(data: Buffer): Promise<PolicyDocumentAttachmentType | null> {
  if (sniffType(data) === 'application/pdf') return 'application/pdf';
  if (data.length < ZIP_MAGIC.length || !data.subarray(0, 4).equals(ZIP_MAGIC)) return null;
  const parts = await zipParts(data);
  return parts?.has('[content_types].xml') && parts.has('word/document.xml') ? DOCX : null;
}

/** Throws UNSUPPORTED_FILE unless the file is a PDF or a DOCX by content, with the matching extension. */
export async function checkAttachment(fileName: string, data: Buffer): Promise<PolicyDocumentAttachmentType> {
  const type = await attachmentType(data);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!type || !(POLICY_DOCUMENT_ATTACHMENT_TYPES[type] as readonly string[]).includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE', 'Only PDF and Word (.docx) documents are accepted, with the matching extension', {
      fileName,
      detected: type ?? sniffType(data),
      accepted: Object.keys(POLICY_DOCUMENT_ATTACHMENT_TYPES),
    });
  }
  return type;
}
