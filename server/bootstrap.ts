/**
 * What the first start does beyond migrations: the official units and the first admin account.
 * Each step is idempotent, so every start runs them and only the first one does work.
 */
import { sql } from 'kysely';
import { type Config, ConfigError } from './config.js';
import type { Db } from './db/database.js';
import { SYSTEM_ACTOR } from './http/access.js';
import { recordAudit } from './modules/audit/audit.repository.js';
import { AppError } from './errors.js';
import { assertStrongPassword, generatePassword, hashPassword } from './modules/auth/password.js';
import { rootUnitId } from './modules/units/units.repository.js';

export type AdminBootstrap = { created: false } | { created: true; username: string; password: string; generated: boolean };

const ADMIN_USERNAME = 'admin';

/**
 * DANVAN_ADMIN_PASSWORD meets the policy every other password meets (`user create`, resets, own
 * changes). Checked whenever it is set, not only on the start that uses it, so a weak value stops
 * every start alike instead of surfacing the day the database is new.
 */
export function assertAdminPasswordStrong(password: string | undefined): void {
  if (password === undefined) return;
  try {
    assertStrongPassword(password, ADMIN_USERNAME);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A ConfigError: the command line prints its message alone, without a stack trace.
    throw new ConfigError(`DANVAN_ADMIN_PASSWORD is too weak: ${error.message}. Choose a stronger one, or leave it unset to have one generated.`);
  }
}

/** Creates the `admin` account (system admin on the root unit) when no system admin exists. */
export async function ensureAdmin(db: Db, config: Pick<Config, 'adminPassword'>): Promise<AdminBootstrap> {
  assertAdminPasswordStrong(config.adminPassword);
  const existing = await db.selectFrom('role_grants').select('id').where('role', '=', 'system_admin').limit(1).executeTakeFirst();
  if (existing) return { created: false };
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? generatePassword();
  const hash = await hashPassword(password);
  const root = await rootUnitId(db);
  return db.transaction().execute(async (trx) => {
    // Serialize concurrent first starts (two processes on one external database).
    await sql`select pg_advisory_xact_lock(hashtext('danvan.ensureAdmin'))`.execute(trx);
    const again = await trx.selectFrom('role_grants').select('id').where('role', '=', 'system_admin').limit(1).executeTakeFirst();
    if (again) return { created: false } as const;
    const taken = await trx.selectFrom('users').select('id').where('username', '=', ADMIN_USERNAME).executeTakeFirst();
    const user = taken
      ? await trx.updateTable('users').set({ password_hash: hash, must_change_password: generated, disabled_at: null }).where('id', '=', taken.id).returning(['id']).executeTakeFirstOrThrow()
      : await trx
          .insertInto('users')
          .values({ username: ADMIN_USERNAME, display_name: 'Quản trị hệ thống', password_hash: hash, must_change_password: generated })
          .returning(['id'])
          .executeTakeFirstOrThrow();
    const grant = await trx.insertInto('role_grants').values({ user_id: user.id, unit_id: root, role: 'system_admin' }).returning(['id']).executeTakeFirstOrThrow();
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'user.create', recordType: 'user', recordId: user.id, unitId: root, after: { username: ADMIN_USERNAME } });
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'role.grant', recordType: 'role_grant', recordId: grant.id, unitId: root, after: { userId: user.id, role: 'system_admin' } });
    return { created: true, username: ADMIN_USERNAME, password, generated } as const;
  });
}
