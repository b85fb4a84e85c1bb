/**
 * Roles, permissions and which role carries which permission. A role is granted on a unit and
 * applies to that unit's whole subtree. Shared by the server (which enforces) and the web app
 * (which hides what the user cannot do; it never decides).
 */
export const ROLES = ['system_admin', 'unit_admin', 'editor', 'approver', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read units (and organizations) of the subtree. */
  'units.read',
  /** Add, rename and retire organizations under units of the subtree. */
  'units.write',
  /** See accounts holding roles in the subtree. */
  'users.read',
  /** Create accounts, grant and revoke roles, reset passwords, disable accounts in the subtree. */
  'users.manage',
  /** Search the audit trail of the subtree. */
  'audit.read',
  /** Edit the movement's data (entries, reviews, …) of the subtree. */
  'data.write',
  /** Accept, return, evaluate and recognise data of the subtree. */
  'data.approve',
  /** Whole-system settings: unit kinds, the official unit lists, backups. */
  'system.manage',
  /**
   * Read the identity of petitioners (name, contact, ID number, address) of petitions received or
   * handled in the subtree; every read is written to the audit trail. Everyone else sees it masked.
   */
  'petitions.identity',
  /**
   * Read the names (and the ethnicity and religion attached to a named person) in the registers of
   * ethnic and religious affairs — dignitaries, prestigious persons — of the subtree; every read is
   * written to the audit trail. Everyone else sees them masked (docs/situation.md).
   */
  'situation.identity',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  unit_admin: ['units.read', 'units.write', 'users.read', 'users.manage', 'audit.read'],
  editor: ['units.read', 'data.write'],
  // The leader who decides a petition needs to know who sent it; officers work on masked copies.
  approver: ['units.read', 'data.approve', 'petitions.identity', 'situation.identity'],
  viewer: ['units.read'],
};

/**
 * Roles whose every permission is among `held`: the roles an administrator holding `held` on a
 * unit may grant there. Nobody hands out a right they do not hold themselves (a unit admin, who
 * cannot read petitioners' identities, cannot make an approver; only a system admin makes system
 * admins). The server applies it with the permissions held on the exact unit; the web app, which
 * only hides choices, with the permissions held anywhere.
 */
export function grantableRoles(held: readonly Permission[]): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].every((p) => held.includes(p)));
}

export const LOCALES = ['vi', 'en', 'ru', 'sv', 'id', 'pl', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly Locale[] = ['ar'];
/** BCP 47 tags for Intl: English dates day-first (en-GB), as the users read them; Arabic with Arabic-Indic digits (ar-EG). */
export const INTL_TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB', ru: 'ru-RU', sv: 'sv-SE', id: 'id-ID', pl: 'pl-PL', ar: 'ar-EG' };
