/**
 * What the first start does beyond migrations: the official units and the first admin account.
 * Each step is idempotent, so every start runs them and only the first one does work.
 */
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { SYSTEM_ACTOR } from './http/access.js';
import { recordAudit } from './modules/audit/audit.repository.js';
import { generatePassword, hashPassword } from './modules/auth/password.js';
import { rootUnitId } from './modules/units/units.repository.js';

export type AdminBootstrap = { created: false } | { created: true; username: string; password: string; generated: boolean };

/** Creates the `admin` account (system admin on the root unit) when no system admin exists. */
export async function ensureAdmin(db: Db, config: Pick<Config, 'adminPassword'>): Promise<AdminBootstrap> {
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
    const taken = await trx.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
    const user = taken
      ? await trx.updateTable('users').set({ password_hash: hash, must_change_password: generated, disabled_at: null }).where('id', '=', taken.id).returning(['id']).executeTakeFirstOrThrow()
      : await trx
          .insertInto('users')
          .values({ username: 'admin', display_name: 'Quản trị hệ thống', password_hash: hash, must_change_password: generated })
          .returning(['id'])
          .executeTakeFirstOrThrow();
    const grant = await trx.insertInto('role_grants').values({ user_id: user.id, unit_id: root, role: 'system_admin' }).returning(['id']).executeTakeFirstOrThrow();
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'user.create', recordType: 'user', recordId: user.id, unitId: root, after: { username: 'admin' } });
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'role.grant', recordType: 'role_grant', recordId: grant.id, unitId: root, after: { userId: user.id, role: 'system_admin' } });
    return { created: true, username: 'admin', password, generated } as const;
  });
}
