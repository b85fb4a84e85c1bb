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
] as const;

export const RECORD_TYPES = ['user', 'role_grant', 'unit', 'unit_kind'] as const;

/** Audit action codes are `a.b`; translation keys use `a__b` (a dot would nest the key). */
export function actionKey(action: string): string {
  return action.replace(/\./g, '__');
}
