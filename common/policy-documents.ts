/**
 * Policy documents (văn bản lãnh đạo, chỉ đạo): resolutions, conclusions, directives, programs …
 * that the leadership loop implements (docs/leadership-loop.md, slice 1 "Documents and kinds").
 * Request and response shapes shared by the server (routes, presenters) and the web app.
 */
import { z } from 'zod';
import { oneLineText, optionalLongText } from './text-fields.js';
import { LOCALES, ROLES } from './access.js';
import { CATALOGUE_CODE, Id, IsoDate, Version } from './units.js';

export const POLICY_DOCUMENT_STATUSES = ['draft', 'issued'] as const;
export type PolicyDocumentStatus = (typeof POLICY_DOCUMENT_STATUSES)[number];

/**
 * How one document stands to another: `implements` (43-KL/TW carries 25-NQ/TW on), `replaces`
 * (23-QĐ/TW replaces 290-QĐ/TW), `amends`. A link goes from the newer document to the older one.
 */
export const POLICY_DOCUMENT_LINK_KINDS = ['implements', 'replaces', 'amends'] as const;
export type PolicyDocumentLinkKind = (typeof POLICY_DOCUMENT_LINK_KINDS)[number];

/** The kinds seeded by the migration (more are data: `POST /api/policy-document-kinds`). */
export const SEEDED_POLICY_DOCUMENT_KINDS = [
  'resolution',
  'conclusion',
  'directive',
  'regulation',
  'program',
  'project',
  'plan',
  'coordination_program',
  'conclusion_notice',
] as const;

export const POLICY_DOCUMENT_LIMITS = {
  title: 1000,
  summary: 10_000,
  issuingBody: 300,
  number: 20,
  symbol: 40,
  kindSymbol: 10,
  kindName: 200,
  /** Documents linked from one document, per link kind. */
  linksPerKind: 50,
  attachmentsPerDocument: 20,
  attachmentBytes: 20 * 1024 * 1024,
  query: 200,
} as const;

/** Attachment types, decided by the file's content (and the name's extension must agree). */
export const POLICY_DOCUMENT_ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
} as const;
export type PolicyDocumentAttachmentType = keyof typeof POLICY_DOCUMENT_ATTACHMENT_TYPES;

/**
 * The number of a document ("25", "09", "983"): letters and digits, no spaces. Null while a draft
 * has none yet.
 */
export const POLICY_DOCUMENT_NUMBER = /^[\p{L}\p{N}]+$/u;
/** The symbol after the number: "NQ/TW", "KL/TW", "QĐ/TU", "CTr/TU", "KL/BCĐ"; no spaces. */
export const POLICY_DOCUMENT_SYMBOL = /^[\p{L}\p{N}&./-]+$/u;
/** A kind's abbreviation: "NQ", "QĐ", "CTrPH". */
export const POLICY_KIND_SYMBOL = /^[\p{L}\p{N}]+$/u;

/** "25-NQ/TW"; the symbol alone for a draft without a number. */
export function numberAndSymbol(doc: { number: string | null; symbol: string }): string {
  return doc.number ? `${doc.number}-${doc.symbol}` : doc.symbol;
}


/** A day of a Party document: none is older than the Party (1930). */
export const PolicyDocumentDate = IsoDate.refine((d) => d >= '1930-01-01' && d <= '2100-12-31', 'must be between 1930 and 2100');

const DocNumber = z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.number).regex(POLICY_DOCUMENT_NUMBER, 'letters and digits only');
const DocSymbol = z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.symbol).regex(POLICY_DOCUMENT_SYMBOL, 'letters, digits, "/", "-", "." and "&" only');
/** Names by locale; Vietnamese is required. */
const KindNames = z
  .partialRecord(z.enum(LOCALES), oneLineText(POLICY_DOCUMENT_LIMITS.kindName))
  .refine((n) => typeof n.vi === 'string', { message: 'the Vietnamese name is required', path: ['vi'] });

export const RestrictedRoles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)])
  .nullable()
  .describe('Null: everyone who may read the issuing unit reads it. Otherwise only readers whose granting role is listed');

// ---------------------------------------------------------------- kinds

export const PolicyDocumentKind = z.object({
  code: z.string(),
  /** "NQ", "KL", "QĐ", "CTrPH". */
  symbol: z.string(),
  /** Display names by language; `vi` always present; the web falls back to `vi`. */
  names: z.record(z.string(), z.string()),
  /** Whether plans and tasks may implement documents of this kind. */
  implementable: z.boolean(),
  sortOrder: z.number().int(),
});
export type PolicyDocumentKind = z.infer<typeof PolicyDocumentKind>;
export const PolicyDocumentKindList = z.object({ items: z.array(PolicyDocumentKind) });

export const CreatePolicyDocumentKindBody = z.object({
  code: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)'),
  symbol: z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.kindSymbol).regex(POLICY_KIND_SYMBOL, 'letters and digits only'),
  names: KindNames,
  implementable: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export type CreatePolicyDocumentKindBody = z.infer<typeof CreatePolicyDocumentKindBody>;

export const UpdatePolicyDocumentKindBody = z
  .object({
    symbol: z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.kindSymbol).regex(POLICY_KIND_SYMBOL, 'letters and digits only').optional(),
    names: KindNames.optional(),
    implementable: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });
export type UpdatePolicyDocumentKindBody = z.infer<typeof UpdatePolicyDocumentKindBody>;

export const PolicyDocumentKindParams = z.object({ code: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)') });

// ---------------------------------------------------------------- documents

export const PolicyDocumentIdParams = z.object({ id: Id });

export const PolicyDocumentListQuery = z.object({
  q: z.string().max(POLICY_DOCUMENT_LIMITS.query).optional().describe('Words of the number, symbol, title or summary, or of the kind\'s name; diacritics, case and punctuation do not matter ("nghi quyet 25", "25-NQ/TW", "nq 25")'),
  kind: z.string().regex(CATALOGUE_CODE).optional(),
  issuingUnitId: Id.optional().describe('Documents issued by this unit or by units under it'),
  status: z.enum(POLICY_DOCUMENT_STATUSES).optional(),
  validOn: PolicyDocumentDate.optional().describe('Documents in force on this day (valid_from ≤ day < valid_to, open ends included)'),
  implements: Id.optional().describe('Documents that implement this document'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PolicyDocumentListQuery = z.infer<typeof PolicyDocumentListQuery>;

/** A unit as a document names it. */
export const PolicyDocumentUnit = z.object({ id: Id, name: z.string(), kind: z.string() });

export const PolicyDocumentSummary = z.object({
  id: Id,
  kind: z.string(),
  issuingUnit: PolicyDocumentUnit,
  /** The body that signed it ("Ban Bí thư", "Bộ Chính trị"); the symbol does not name it. */
  issuingBody: z.string(),
  number: z.string().nullable(),
  symbol: z.string(),
  /** "25-NQ/TW". */
  numberAndSymbol: z.string(),
  issuedOn: IsoDate.nullable(),
  title: z.string(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  status: z.enum(POLICY_DOCUMENT_STATUSES),
  /** Whether reading is limited to some roles (the roles are in the detail). */
  restricted: z.boolean(),
  attachmentCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PolicyDocumentSummary = z.infer<typeof PolicyDocumentSummary>;

export const PolicyDocumentPage = z.object({ items: z.array(PolicyDocumentSummary), total: z.number().int() });
export type PolicyDocumentPage = z.infer<typeof PolicyDocumentPage>;

/** Another document as a link shows it. */
export const PolicyDocumentRef = z.object({
  id: Id,
  kind: z.string(),
  number: z.string().nullable(),
  symbol: z.string(),
  numberAndSymbol: z.string(),
  issuedOn: IsoDate.nullable(),
  title: z.string(),
  status: z.enum(POLICY_DOCUMENT_STATUSES),
});
export type PolicyDocumentRef = z.infer<typeof PolicyDocumentRef>;

/**
 * A link seen from the document shown. `outgoing`: this document implements / replaces / amends
 * `document`. `incoming`: `document` implements / replaces / amends this one. Documents the reader
 * may not read are left out.
 */
export const PolicyDocumentLink = z.object({
  kind: z.enum(POLICY_DOCUMENT_LINK_KINDS),
  direction: z.enum(['outgoing', 'incoming']),
  document: PolicyDocumentRef,
});
export type PolicyDocumentLink = z.infer<typeof PolicyDocumentLink>;

export const PolicyDocumentAttachment = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type PolicyDocumentAttachment = z.infer<typeof PolicyDocumentAttachment>;

export const PolicyDocumentDetail = PolicyDocumentSummary.extend({
  summary: z.string().nullable(),
  restrictedRoles: z.array(z.enum(ROLES)).nullable(),
  createdAt: z.string(),
  links: z.array(PolicyDocumentLink),
  attachments: z.array(PolicyDocumentAttachment),
  /** What the reader may do (the web hides the rest; the server decides). */
  can: z.object({ edit: z.boolean(), issue: z.boolean() }),
});
export type PolicyDocumentDetail = z.infer<typeof PolicyDocumentDetail>;

export const CreatePolicyDocumentBody = z
  .object({
    kind: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)'),
    issuingUnitId: Id.describe('The unit of the tree that issues it (the root for a central document)'),
    issuingBody: oneLineText(POLICY_DOCUMENT_LIMITS.issuingBody).describe('"Ban Chấp hành Trung ương", "Ban Bí thư", "Tỉnh ủy Ninh Bình"'),
    number: DocNumber.nullish().describe('"25"; may be left empty while a draft'),
    symbol: DocSymbol.describe('"NQ/TW"'),
    issuedOn: PolicyDocumentDate.nullish(),
    title: oneLineText(POLICY_DOCUMENT_LIMITS.title),
    summary: optionalLongText(POLICY_DOCUMENT_LIMITS.summary).optional(),
    validFrom: PolicyDocumentDate.nullish(),
    validTo: PolicyDocumentDate.nullish(),
    restrictedRoles: RestrictedRoles.optional(),
  })
  .refine((b) => !b.validFrom || !b.validTo || b.validTo > b.validFrom, { message: 'must be after the start of validity', path: ['validTo'] });
export type CreatePolicyDocumentBody = z.infer<typeof CreatePolicyDocumentBody>;

export const UpdatePolicyDocumentBody = z
  .object({
    kind: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)').optional(),
    issuingBody: oneLineText(POLICY_DOCUMENT_LIMITS.issuingBody).optional(),
    number: DocNumber.nullish(),
    symbol: DocSymbol.optional(),
    issuedOn: PolicyDocumentDate.nullish(),
    title: oneLineText(POLICY_DOCUMENT_LIMITS.title).optional(),
    summary: optionalLongText(POLICY_DOCUMENT_LIMITS.summary).optional(),
    validFrom: PolicyDocumentDate.nullish(),
    validTo: PolicyDocumentDate.nullish(),
    restrictedRoles: RestrictedRoles.optional(),
    version: Version.describe('The version the change was made on; another one means someone changed the document meanwhile'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && b[k as keyof typeof b] !== undefined), { message: 'nothing to change' });
export type UpdatePolicyDocumentBody = z.infer<typeof UpdatePolicyDocumentBody>;

/** Issue a draft (draft → issued): it needs a number and a date of issue. */
export const IssuePolicyDocumentBody = z.object({ version: Version });
export type IssuePolicyDocumentBody = z.infer<typeof IssuePolicyDocumentBody>;

const LinkIds = z.array(Id).max(POLICY_DOCUMENT_LIMITS.linksPerKind).default([]);
/** The document's outgoing links, all of them: what is not listed is removed. */
export const PutPolicyDocumentLinksBody = z.object({
  implements: LinkIds,
  replaces: LinkIds,
  amends: LinkIds,
  version: Version,
});
export type PutPolicyDocumentLinksBody = z.infer<typeof PutPolicyDocumentLinksBody>;

export const PolicyDocumentAttachmentParams = z.object({ id: Id });
