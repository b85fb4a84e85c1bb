/** Test factories of policy documents: rows written straight with SQL, with sensible defaults. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { zip } from '../../documents/xlsx-corpus/zip-writer.js';

/** A minimal Word document: the two parts a DOCX always has (what the upload check looks for). */
export function sampleDocx(): Buffer {
  return zip([
    { name: '[Content_Types].xml', pieces: ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'] },
    { name: 'word/document.xml', pieces: ['<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'] },
  ]);
}

/** A zip archive renamed .docx: no word/document.xml. */
export function forgedDocx(): Buffer {
  return zip([
    { name: '[Content_Types].xml', pieces: ['<Types/>'] },
    { name: 'payload/readme.txt', pieces: ['not a Word document'] },
  ]);
}

export const samplePdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64)]);

export type BuildPolicyDocument = {
  unitId: string;
  kind?: string;
  title?: string;
  summary?: string | null;
  number?: string | null;
  symbol?: string;
  issuedOn?: string | null;
  issuingBody?: string;
  status?: 'draft' | 'issued';
  restrictedRoles?: string[] | null;
  validFrom?: string | null;
  validTo?: string | null;
};

/** A policy document of `unitId` (a draft unless told; an issued one gets a number and a date). */
export async function buildPolicyDocument(db: Db, input: BuildPolicyDocument) {
  const unit = await db.selectFrom('units').select('path').where('id', '=', input.unitId).executeTakeFirstOrThrow();
  const status = input.status ?? 'draft';
  const number = input.number !== undefined ? input.number : status === 'issued' ? String(10_000 + Math.floor(Math.random() * 89_999_999)) : null;
  return db
    .insertInto('policy_documents')
    .values({
      kind: input.kind ?? 'resolution',
      issuing_unit_id: input.unitId,
      issuing_path: unit.path,
      issuing_body: input.issuingBody ?? 'Ban Thường vụ',
      number,
      symbol: input.symbol ?? 'NQ/TU',
      issued_on: input.issuedOn !== undefined ? input.issuedOn : status === 'issued' ? '2025-03-15' : null,
      title: input.title ?? `Văn bản ${randomBytes(3).toString('hex')}`,
      summary: input.summary ?? null,
      status,
      restricted_roles: input.restrictedRoles ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
    })
    .returning(['id', 'title', 'version'])
    .executeTakeFirstOrThrow();
}

/** A PDF attached to a document. */
export async function buildPolicyDocumentAttachment(db: Db, documentId: string, fileName = 'van-ban.pdf') {
  const data = samplePdf();
  return db
    .insertInto('policy_document_attachments')
    .values({ document_id: documentId, file_name: fileName, content_type: 'application/pdf', size_bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
