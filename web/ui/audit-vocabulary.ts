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
  'commendation.create',
  'commendation.update',
  'commendation_form.create',
] as const;

export const RECORD_TYPES = ['user', 'role_grant', 'unit', 'unit_kind', 'entry', 'entry_field', 'emulation_period', 'review_conference', 'commendation', 'commendation_form'] as const;

/** Audit action codes are `a.b`; translation keys use `a__b` (a dot would nest the key). */
export function actionKey(action: string): string {
  return action.replace(/\./g, '__');
}
