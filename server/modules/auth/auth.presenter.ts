import { type Locale, LOCALES, type Permission, type Role, ROLE_PERMISSIONS } from '../../../common/access.js';
import type { UserRow } from '../../db/schema.js';
import type { MeResponse } from './auth.schema.js';

export function presentMe(user: UserRow, grants: { id: string; role: string; unit_id: string; unit_name: string }[]): MeResponse {
  const permissions = new Set<Permission>();
  for (const g of grants) for (const p of ROLE_PERMISSIONS[g.role as Role]) permissions.add(p);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    locale: (LOCALES as readonly string[]).includes(user.locale) ? (user.locale as Locale) : 'vi',
    mustChangePassword: user.must_change_password,
    grants: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
    permissions: [...permissions].sort(),
  };
}
