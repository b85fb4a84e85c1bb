import { type Permission, ROLE_PERMISSIONS } from '../../../common/access';
import { type Me, useMe } from './auth.api';

/** True when the account holds `permission` on some unit (the menu and page guards use this). */
export function hasPermission(me: Me | null, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

/**
 * True when the account holds `permission` on the unit itself or on one of its ancestors
 * (roles cover the subtree of the unit they are granted on). The server decides anyway.
 */
export function hasPermissionOn(me: Me | null, permission: Permission, unitId: string, ancestorIds: readonly string[]): boolean {
  if (!me) return false;
  const scope = new Set([unitId, ...ancestorIds]);
  return me.grants.some((g) => scope.has(g.unitId) && ROLE_PERMISSIONS[g.role].includes(permission));
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useMe(), permission);
}
