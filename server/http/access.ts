import { type Permission, type Role, ROLE_PERMISSIONS } from '../../common/access.js';
import { AppError } from '../errors.js';

export type Grant = { id: string; unitId: string; unitPath: string; role: Role };

/** Who is acting: the signed-in account with its grants, or the system itself (CLI, start-up). */
export type Actor = {
  userId: string | null;
  username: string;
  grants: Grant[];
  ip: string | null;
  requestId: string | null;
};

/** The actor of CLI commands and start-up tasks: the machine's operator, with every right. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  grants: [{ id: '0', unitId: '0', unitPath: '', role: 'system_admin' }],
  ip: null,
  requestId: null,
};

/** True when `ancestor` is `path` or lies above it ('' is above everything). */
export function pathCovers(ancestor: string, path: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
}

export function hasPermissionSomewhere(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** The unit paths whose subtrees the actor holds `permission` on (minimal: no path inside another). */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.unitPath);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && pathCovers(q, p)));
}

/**
 * The subtrees a list of what the actor may read is limited to; undefined when the actor reads
 * everywhere (a system admin, or a grant on the root) and the list needs no scope filter.
 */
export function readScopes(actor: Actor): string[] | undefined {
  const scopes = scopePaths(actor, 'units.read');
  return isSystemAdmin(actor) || scopes.includes('') ? undefined : scopes;
}

export function can(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopePaths(actor, permission).some((scope) => pathCovers(scope, unitPath));
}

/**
 * Whether the actor may read a record (an entry, a commendation) of the unit at `unitPath`, whose
 * records count today under the unit in force at `currentPath` (`units.current_path`): with
 * units.read on either. A commune retired in 2025 keeps its path under its old district, but its
 * records count under the commune that took it over (docs/reports.md), and whoever reads that
 * commune's report reads them. Lists apply the same rule through `findRecordArea`. Writes keep
 * their own checks on the record's unit.
 */
export function canReadRecord(actor: Actor, unitPath: string, currentPath: string | null): boolean {
  return can(actor, 'units.read', unitPath) || (currentPath !== null && can(actor, 'units.read', currentPath));
}

/** The permissions the actor holds on the unit at `unitPath`: those of its grants on that unit or above it. */
export function permissionsOn(actor: Actor, unitPath: string): Permission[] {
  const held = new Set<Permission>();
  for (const g of actor.grants) if (pathCovers(g.unitPath, unitPath)) for (const p of ROLE_PERMISSIONS[g.role]) held.add(p);
  return [...held];
}

export function isSystemAdmin(actor: Actor): boolean {
  // system_admin is granted only on the root unit (enforced when granting), so any such grant is global.
  return actor.grants.some((g) => g.role === 'system_admin');
}

/** Throws FORBIDDEN unless the actor holds `permission` on the unit at `unitPath`. */
export function assertCan(actor: Actor, permission: Permission, unitPath: string): void {
  if (!can(actor, permission, unitPath)) {
    throw new AppError('FORBIDDEN', `Permission ${permission} is required on this unit`, { permission });
  }
}
