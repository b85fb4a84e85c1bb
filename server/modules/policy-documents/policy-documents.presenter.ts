/** What leaves the server of policy documents: the shapes of common/policy-documents.ts. */
import {
  numberAndSymbol,
  type PolicyDocumentAttachment,
  type PolicyDocumentDetail,
  type PolicyDocumentKind,
  type PolicyDocumentLink,
  type PolicyDocumentSummary,
} from '../../../common/policy-documents.js';
import type { Role } from '../../../common/access.js';
import type { AttachmentRecord, DocumentRecord, KindRecord, LinkRecord } from './policy-documents.repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentKind(k: KindRecord): PolicyDocumentKind {
  return { code: k.code, symbol: k.symbol, names: k.names, implementable: k.implementable, sortOrder: k.sort_order };
}

export function presentDocument(d: DocumentRecord): PolicyDocumentSummary {
  return {
    id: d.id,
    kind: d.kind,
    issuingUnit: { id: d.issuing_unit_id, name: d.issuing_unit_name, kind: d.issuing_unit_kind },
    issuingBody: d.issuing_body,
    number: d.number,
    symbol: d.symbol,
    numberAndSymbol: numberAndSymbol(d),
    issuedOn: d.issued_on,
    title: d.title,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    status: d.status,
    restricted: d.restricted_roles !== null,
    attachmentCount: d.attachment_count,
    updatedAt: iso(d.updated_at),
    version: d.version,
  };
}

export function presentLink(l: LinkRecord): PolicyDocumentLink {
  return {
    kind: l.kind,
    direction: l.direction,
    document: { id: l.id, kind: l.doc_kind, number: l.number, symbol: l.symbol, numberAndSymbol: numberAndSymbol(l), issuedOn: l.issued_on, title: l.title, status: l.status },
  };
}

export function presentAttachment(a: AttachmentRecord): PolicyDocumentAttachment {
  return { id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, sha256: a.sha256, uploadedAt: iso(a.uploaded_at) };
}

export function presentDocumentDetail(d: { doc: DocumentRecord; links: LinkRecord[]; attachments: AttachmentRecord[]; can: { edit: boolean; issue: boolean } }): PolicyDocumentDetail {
  return {
    ...presentDocument(d.doc),
    summary: d.doc.summary,
    restrictedRoles: d.doc.restricted_roles as Role[] | null,
    createdAt: iso(d.doc.created_at),
    links: d.links.map(presentLink),
    attachments: d.attachments.map(presentAttachment),
    can: d.can,
  };
}
