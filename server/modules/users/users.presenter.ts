import { type Locale, LOCALES } from '../../../common/access.js';
import type { GrantView, UserView } from '../../../common/users.js';
import type { UserRow } from '../../db/schema.js';
import type { GrantRow } from './users.repository.js';

/** An account as an administrator sees it: never the password hash. */
export function presentUser(user: UserRow, grants: GrantRow[]): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    locale: (LOCALES as readonly string[]).includes(user.locale) ? (user.locale as Locale) : 'vi',
    disabled: user.disabled_at !== null,
    mustChangePassword: user.must_change_password,
    createdAt: new Date(user.created_at).toISOString(),
    grants: grants.filter((g) => g.user_id === user.id).map(presentGrant),
    version: user.version,
  };
}

export function presentGrant(g: GrantRow): GrantView {
  return { id: g.id, role: g.role, unitId: g.unit_id, unitName: g.unit_name, grantedAt: new Date(g.granted_at).toISOString() };
}
