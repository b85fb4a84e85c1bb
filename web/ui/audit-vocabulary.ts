/**
 * Audit actions and record types the server writes today, each with a translation under
 * `auditActions.*` / `recordTypes.*` (web/locales/locales.test.ts checks they all exist).
 * An action not listed here is shown as its code.
 */
export const AUDIT_ACTIONS = [
  'session.login',
  'session.logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.locale',
  'user.password_change',
  'user.password_reset',
  'role.grant',
  'role.revoke',
  'unit.create',
  'unit.update',
  'unit.retire',
  'unit.successors',
  'unit.issuing_bodies',
  'unit_kind.create',
  'units.import',
  'entry.create',
  'entry.update',
  'entry.submit',
  'entry.accept',
  'entry.return',
  'entry.start',
  'entry.evaluate',
  'entry.recognise',
  'entry.withdraw',
  'entry.progress',
  'entry.replicate',
  'entry.replicate.remove',
  'entry.evidence.add',
  'entry.evidence.remove',
  'entry_field.create',
  'emulation_period.create',
  'entries.import',
  'review_conference.create',
  'review_conference.update',
  'review.create',
  'review.update',
  'review.refresh',
  'review_task.create',
  'review_task.update',
  'review_task.done',
  'review_task.reopen',
  'review_task.delete',
  'review_event.create',
  'review_event.delete',
  'commendation.create',
  'commendation.update',
  'commendation_form.create',
  'petition.create',
  'petition.classify',
  'petition.assign',
  'petition.transfer',
  'petition.start',
  'petition.progress',
  'petition.extend',
  'petition.resolve',
  'petition.reject',
  'petition.transfer_out',
  'petition.identity.read',
  'petition.identity.export',
  'petition.identity.search',
  'petition.identity.erase',
  'holiday.set',
  'holiday.delete',
  'reception_session.create',
  'reception_commitment.done',
] as const;

export const RECORD_TYPES = ['user', 'role_grant', 'unit', 'unit_kind', 'entry', 'entry_field', 'emulation_period', 'review_conference', 'review', 'review_task', 'review_event', 'commendation', 'commendation_form', 'petition', 'holiday', 'reception_session'] as const;

/**
 * Fields that audit records carry in `before` / `after` (camelCase; snake_case ones are read alike,
 * common/audit-fields.ts `auditField`), each named under `auditFields.*` in every language
 * (web/features/audit/audit-words.test.ts checks it). A field not listed shows its code.
 */
export const AUDIT_FIELDS = [
  'ambiguous', 'anonymous', 'attachments', 'attendees', 'bulk', 'bytes', 'category', 'categoryCode', 'channel', 'checksum', 'closedAt',
  'closedOn', 'code', 'commitmentId', 'commitments', 'commune', 'conferenceId', 'consentNoticeVersion', 'content', 'contentType',
  'created', 'date', 'deadline', 'decisionDate', 'decisionNumber', 'description', 'disabled', 'displayName', 'district', 'doneOn', 'dueOn',
  'earlier', 'effective', 'email', 'emulationPeriodId', 'endDate', 'endYear', 'entries', 'entryIds', 'evidenceId', 'extendedDays',
  'fieldCode', 'fields', 'fileName', 'filters', 'form', 'formCode', 'formerNames', 'from', 'goals', 'handlingUnitId', 'happenedOn',
  'heldOn', 'history', 'id', 'implementers', 'inferred', 'inserted', 'issueIndex', 'issues', 'issuingUnitId', 'items', 'kind', 'landM2',
  'level', 'locale', 'matchedBy', 'moneyVnd', 'moved', 'name', 'nameEn', 'names', 'narrative', 'narrativeReplaced', 'note', 'notes',
  'notInSeed', 'number', 'onDate', 'overrides', 'owner', 'ownerUnitId', 'parentId', 'participants', 'participantsCount', 'period',
  'periodEnd', 'periodId', 'periodKind', 'periodStart', 'petitionId', 'position', 'presiding', 'progressId', 'province', 'publicReply',
  'reason', 'receivedOn', 'recipientKind', 'rekeyed', 'removed', 'resourcesOther', 'result', 'results', 'retentionYears', 'reviewId',
  'role', 'rows', 'score', 'sha256', 'shortcomings', 'signerAuthority', 'signerPosition', 'sizeBytes', 'sourceEntryId', 'startDate',
  'startYear', 'status', 'successions', 'successors', 'summary', 'superior', 'symbol', 'title', 'to', 'unchanged', 'unitId', 'units',
  'updated', 'userId', 'username', 'validFrom', 'validTo', 'workingDays', 'year',
] as const;

/** Audit action codes are `a.b`; translation keys use `a__b` (a dot would nest the key). */
export function actionKey(action: string): string {
  return action.replace(/\./g, '__');
}
