/**
 * What the fields of audit records (`before` / `after`) hold, shared by the server — which resolves
 * the ids and codes they carry to names, one query per page (server/modules/audit/audit.presenter.ts)
 * — and the web app, which shows them in the reader's language (web/ui/audit-vocabulary.ts).
 *
 * Services write their fields in camelCase mostly, a few in the column's snake_case (a petition's
 * step writes `handling_unit_id`): both are read as the same field (`auditField`).
 */

/** What an id or a code in an audit record names. */
export const AUDIT_REF_KINDS = ['unit', 'user', 'entry', 'petition', 'conference', 'review', 'period', 'commendation', 'form', 'category', 'entryField', 'unitKind'] as const;
export type AuditRefKind = (typeof AUDIT_REF_KINDS)[number];

/** `handling_unit_id` → `handlingUnitId`. */
export function auditField(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Fields whose value is an id (or a list of ids, or a code) naming something, whatever the record. */
const REF_FIELDS: Record<string, AuditRefKind> = {
  unitId: 'unit',
  parentId: 'unit',
  ownerUnitId: 'unit',
  handlingUnitId: 'unit',
  issuingUnitId: 'unit',
  recipientUnitId: 'unit',
  concernedUnitId: 'unit',
  registeringUnitId: 'unit',
  fromUnitId: 'unit',
  toUnitId: 'unit',
  userId: 'user',
  actorId: 'user',
  createdBy: 'user',
  entryId: 'entry',
  entryIds: 'entry',
  sourceEntryId: 'entry',
  petitionId: 'petition',
  conferenceId: 'conference',
  reviewId: 'review',
  periodId: 'period',
  emulationPeriodId: 'period',
  commendationId: 'commendation',
  formCode: 'form',
  categoryCode: 'category',
  fieldCode: 'entryField',
};

/** The record type an audit record's `recordId` names, for its label. */
export const AUDIT_RECORD_REFS: Record<string, AuditRefKind> = {
  user: 'user',
  unit: 'unit',
  entry: 'entry',
  petition: 'petition',
  review_conference: 'conference',
  review: 'review',
  emulation_period: 'period',
  commendation: 'commendation',
  commendation_form: 'form',
  entry_field: 'entryField',
  unit_kind: 'unitKind',
};

/**
 * What the field `field` of a record of type `recordType` names, if anything. A unit's `kind` is a
 * unit kind (data, named in every language); other records' kinds are words of the catalog.
 */
export function auditRefKind(recordType: string, field: string): AuditRefKind | undefined {
  const f = auditField(field);
  if (f === 'kind' && recordType === 'unit') return 'unitKind';
  return REF_FIELDS[f];
}

/** A resolved reference: a name, or names by language (catalogue data), or null when the reader may not see it. */
export type AuditRefName = string | Record<string, string> | null;

/** Key of a reference in an audit record's `refs`: `unit:12`, `form:certificate_of_merit`. */
export const refKey = (kind: AuditRefKind, id: string | number) => `${kind}:${id}`;
