/**
 * Accounts and role grants. Who may manage whom: a holder of `users.manage` on a unit manages
 * the accounts whose every grant lies in that unit's subtree and carries no right the manager
 * lacks there; only system admins manage system admins and accounts with no grant. Nobody grants
 * a role whose permissions they do not hold on its unit, and nobody grants roles to or resets the
 * password of their own account (giving up one's own role stays possible): no route of this
 * module raises anyone above the one acting. Every write is audited in its own transaction.
 */
import { type Kysely, sql } from 'kysely';
import { grantableRoles, type Role, ROLE_PERMISSIONS } from '../../../common/access.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, permissionsOn, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertStrongPassword, generatePassword, hashPassword } from '../auth/password.js';
import * as repo from './users.repository.js';

type Q = Kysely<Database>;

export type CreateUserInput = { username: string; displayName: string; email?: string | null; password?: string; unitId: string; role: Role };

const lockSystemAdmins = (trx: Q) => sql`select pg_advisory_xact_lock(hashtext('danvan.system_admins'))`.execute(trx);

async function getUnitForGrant(db: Q, unitId: string) {
  const unit = await db.selectFrom('units').select(['id', 'path', 'kind', 'valid_to', 'parent_id']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { unitId });
  return unit;
}

/** Refuses an administrator's action on their own account: rights and passwords come from someone else. */
function refuseOwnAccount(actor: Actor, userId: string, what: string): void {
  if (actor.userId !== null && actor.userId === userId) {
    throw new AppError('FORBIDDEN', `You cannot ${what} on your own account; ask another administrator`, { reason: 'own_account' });
  }
}

/** True when the actor holds, on the unit at `unitPath`, every permission `role` carries. */
function holdsRole(actor: Actor, role: Role, unitPath: string): boolean {
  return grantableRoles(permissionsOn(actor, unitPath)).includes(role);
}

/** Checks that the actor may give `role` on `unit` (to someone else: see refuseOwnAccount). */
function assertMayGrant(actor: Actor, role: Role, unit: { path: string; kind: string; valid_to: string | null; parent_id: string | null }) {
  assertCan(actor, 'users.manage', unit.path);
  if (!holdsRole(actor, role, unit.path)) {
    const held = permissionsOn(actor, unit.path);
    throw new AppError('FORBIDDEN', 'You can grant only a role whose permissions you hold on this unit', {
      role,
      missing: ROLE_PERMISSIONS[role].filter((p) => !held.includes(p)),
    });
  }
  if (role === 'system_admin' && unit.parent_id !== null) {
    throw new AppError('VALIDATION_FAILED', 'The system admin role is granted on the root unit only', { role });
  }
  if (unit.valid_to) throw new AppError('UNIT_RETIRED', 'Roles cannot be granted on a retired unit', { validTo: unit.valid_to });
}

/**
 * Loads a user the actor may manage, or throws NOT_FOUND (outside the scope, the account does not
 * exist for them) or FORBIDDEN: an account with a grant outside the actor's `users.manage` scope,
 * or with a right the actor does not hold on that grant's unit (an approver beside a unit admin),
 * belongs to an administrator above — whoever resets its password or re-enables it could act as it.
 */
async function getManageableUser(db: Q, actor: Actor, userId: string) {
  const user = await repo.getUser(db, userId);
  if (!user) throw new AppError('NOT_FOUND', `User ${userId} not found`);
  const grants = await repo.findGrantsOfUsers(db, [userId]);
  if (isSystemAdmin(actor)) return { user, grants };
  const visible = grants.some((g) => can(actor, 'users.read', g.unit_path));
  if (!visible) throw new AppError('NOT_FOUND', `User ${userId} not found`);
  const manageable = grants.every((g) => can(actor, 'users.manage', g.unit_path) && holdsRole(actor, g.role, g.unit_path));
  if (!manageable) throw new AppError('FORBIDDEN', 'This account holds roles outside your units or rights you do not hold; ask an administrator above you');
  return { user, grants };
}

export async function findUserIdByUsername(ctx: Ctx, username: string): Promise<string | null> {
  return repo.findUserIdByUsername(ctx.db, username);
}

export async function listUsers(ctx: Ctx, actor: Actor, q: { q?: string; unitId?: string; includeDisabled: boolean; limit: number; offset: number }) {
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await getUnitForGrant(ctx.db, q.unitId);
    assertCan(actor, 'users.read', unit.path);
    unitPath = unit.path;
  }
  const { rows, total } = await repo.findUsers(ctx.db, {
    scopePaths: isSystemAdmin(actor) ? undefined : scopePaths(actor, 'users.read'),
    q: q.q,
    unitPath,
    includeDisabled: q.includeDisabled,
    limit: q.limit,
    offset: q.offset,
  });
  const grants = await repo.findGrantsOfUsers(ctx.db, rows.map((r) => r.id));
  return { rows, total, grants: visibleGrants(actor, grants) };
}

/** The grants an actor may see: those inside its `users.read` scope. */
function visibleGrants(actor: Actor, grants: repo.GrantRow[]) {
  return isSystemAdmin(actor) ? grants : grants.filter((g) => can(actor, 'users.read', g.unit_path));
}

export async function getUserView(ctx: Ctx, actor: Actor, userId: string) {
  const user = await repo.getUser(ctx.db, userId);
  if (!user) throw new AppError('NOT_FOUND', `User ${userId} not found`);
  const grants = visibleGrants(actor, await repo.findGrantsOfUsers(ctx.db, [userId]));
  if (!isSystemAdmin(actor) && grants.length === 0) throw new AppError('NOT_FOUND', `User ${userId} not found`);
  return { user, grants };
}

/** Creates an account with its first role; without a password, a temporary one is generated and returned once. */
export async function createUser(ctx: Ctx, actor: Actor, input: CreateUserInput) {
  const username = input.username.trim().toLowerCase();
  const unit = await getUnitForGrant(ctx.db, input.unitId);
  assertMayGrant(actor, input.role, unit);
  if (input.password !== undefined) assertStrongPassword(input.password, username);
  const temporaryPassword = input.password === undefined ? generatePassword() : null;
  const hash = await hashPassword(input.password ?? (temporaryPassword as string));
  const user = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findUserIdByUsername(trx, username)) throw new AppError('ALREADY_EXISTS', `The username ${username} is taken`, { username });
    const created = await trx
      .insertInto('users')
      .values({ username, display_name: input.displayName.trim(), email: input.email ?? null, password_hash: hash, must_change_password: temporaryPassword !== null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const grant = await trx
      .insertInto('role_grants')
      .values({ user_id: created.id, unit_id: unit.id, role: input.role, granted_by: actor.userId })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'user.create',
      recordType: 'user',
      recordId: created.id,
      unitId: unit.id,
      after: { username, displayName: created.display_name, email: created.email },
    });
    await recordAudit(trx, actor, { action: 'role.grant', recordType: 'role_grant', recordId: grant.id, unitId: unit.id, after: { userId: created.id, role: input.role } });
    return created;
  });
  return { user, temporaryPassword };
}

export async function updateUser(ctx: Ctx, actor: Actor, userId: string, input: { displayName?: string; email?: string | null; version: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const { user } = await getManageableUser(trx, actor, userId);
    const changes: { display_name?: string; email?: string | null } = {};
    if (input.displayName !== undefined && input.displayName !== user.display_name) changes.display_name = input.displayName;
    if (input.email !== undefined && input.email !== user.email) changes.email = input.email;
    const updated = await trx
      .updateTable('users')
      .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', userId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', 'The account was changed by someone else; reload and try again', { version: user.version });
    await recordAudit(trx, actor, {
      action: 'user.update',
      recordType: 'user',
      recordId: userId,
      before: { displayName: user.display_name, email: user.email },
      after: { displayName: updated.display_name, email: updated.email },
    });
    return updated;
  });
}

/** Disables (ending its sessions at once) or re-enables an account. The last system admin stays enabled. */
export async function setDisabled(ctx: Ctx, actor: Actor, userId: string, disabled: boolean) {
  if (disabled && actor.userId === userId) throw new AppError('VALIDATION_FAILED', 'You cannot disable your own account');
  return ctx.db.transaction().execute(async (trx) => {
    await lockSystemAdmins(trx);
    const { user, grants } = await getManageableUser(trx, actor, userId);
    if (disabled === (user.disabled_at !== null)) return user;
    if (disabled && grants.some((g) => g.role === 'system_admin') && (await repo.countSystemAdmins(trx, undefined, userId)) === 0) {
      throw new AppError('LAST_SYSTEM_ADMIN', 'The last system admin cannot be disabled');
    }
    const updated = await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? sql`now()` : null, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      recordType: 'user',
      recordId: userId,
      before: { disabled: !disabled },
      after: { disabled },
    });
    return updated;
  });
}

/** Sets a new password (generated when absent), requires a change at next sign-in, ends every session. */
export async function resetPassword(ctx: Ctx, actor: Actor, userId: string, password?: string): Promise<{ temporaryPassword: string }> {
  // One's own password is changed with the current one (POST /api/auth/me/password), never reset.
  refuseOwnAccount(actor, userId, 'reset the password');
  const target = await repo.getUser(ctx.db, userId);
  if (!target) throw new AppError('NOT_FOUND', `User ${userId} not found`);
  if (password !== undefined) assertStrongPassword(password, target.username);
  const temporaryPassword = password ?? generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await getManageableUser(trx, actor, userId);
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: true, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, { action: 'user.password_reset', recordType: 'user', recordId: userId });
  });
  return { temporaryPassword };
}

export async function grantRole(ctx: Ctx, actor: Actor, userId: string, input: { unitId: string; role: Role }) {
  refuseOwnAccount(actor, userId, 'grant roles');
  const unit = await getUnitForGrant(ctx.db, input.unitId);
  assertMayGrant(actor, input.role, unit);
  return ctx.db.transaction().execute(async (trx) => {
    const { user } = await getManageableUser(trx, actor, userId);
    const existing = await trx.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('unit_id', '=', unit.id).where('role', '=', input.role).executeTakeFirst();
    if (existing) throw new AppError('ALREADY_EXISTS', 'The account already holds this role on this unit');
    const grant = await trx
      .insertInto('role_grants')
      .values({ user_id: user.id, unit_id: unit.id, role: input.role, granted_by: actor.userId })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'role.grant', recordType: 'role_grant', recordId: grant.id, unitId: unit.id, after: { userId, role: input.role } });
    const [row] = await repo.findGrantsOfUsers(trx, [userId]).then((all) => all.filter((g) => g.id === grant.id));
    if (!row) throw new Error('grant vanished');
    return row;
  });
}

export async function revokeRole(ctx: Ctx, actor: Actor, userId: string, grantId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockSystemAdmins(trx);
    const grant = (await repo.findGrantsOfUsers(trx, [userId])).find((g) => g.id === grantId);
    if (!grant || !can(actor, 'users.read', grant.unit_path)) throw new AppError('NOT_FOUND', `Grant ${grantId} not found`);
    assertCan(actor, 'users.manage', grant.unit_path);
    // What one could not grant, one does not take away either.
    if (!holdsRole(actor, grant.role, grant.unit_path)) throw new AppError('FORBIDDEN', 'You can revoke only a role whose permissions you hold on its unit', { role: grant.role });
    if (grant.role === 'system_admin') {
      if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system admin can revoke this role');
      if ((await repo.countSystemAdmins(trx, grantId)) === 0) throw new AppError('LAST_SYSTEM_ADMIN', 'The last system admin keeps the role');
    }
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await recordAudit(trx, actor, {
      action: 'role.revoke',
      recordType: 'role_grant',
      recordId: grantId,
      unitId: grant.unit_id,
      before: { userId, role: grant.role },
    });
  });
}
