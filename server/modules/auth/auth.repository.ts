import { type Kysely, sql } from 'kysely';
import type { Role } from '../../../common/access.js';
import type { Database } from '../../db/schema.js';
import type { Grant } from '../../http/access.js';

type Q = Kysely<Database>;

export async function findUserByUsername(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Q, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Grants of a user with the paths of their units, for permission checks. */
export async function findGrantsOfUser(db: Q, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.unit_id', sql<string>`u.path::text`.as('unit_path'), 'g.role'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitPath: r.unit_path, role: r.role as Role }));
}

export async function createSession(
  db: Q,
  s: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent?.slice(0, 300) ?? null })
    .execute();
}

/** The live session with its user, or undefined when unknown, expired or the account is disabled. */
export async function findLiveSession(db: Q, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.last_seen_at', 's.expires_at', 'u.username', 'u.disabled_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Q, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()`, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Q, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Q): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}

export async function findLoginLocks(db: Q, keys: string[]) {
  return db.selectFrom('login_failures').selectAll().where('key', 'in', keys).where('locked_until', '>', sql<Date>`now()`).execute();
}

/**
 * Counts one failed login for `key` in a sliding window; locks the key for `lockSeconds` once
 * `limit` failures fall within `windowSeconds`. One statement, so concurrent failures all count.
 */
export async function recordLoginFailure(db: Q, key: string, limit: number, windowSeconds: number, lockSeconds: number): Promise<void> {
  await sql`
    insert into login_failures as f (key, failures, window_start, locked_until)
    values (${key}, 1, now(), case when ${limit} <= 1 then now() + make_interval(secs => ${lockSeconds}) end)
    on conflict (key) do update set
      failures = case when f.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else f.failures + 1 end,
      window_start = case when f.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else f.window_start end,
      locked_until = case
        when f.window_start >= now() - make_interval(secs => ${windowSeconds}) and f.failures + 1 >= ${limit}
        then now() + make_interval(secs => ${lockSeconds})
        else f.locked_until end`.execute(db);
}

export async function clearLoginFailures(db: Q, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function updateUserLocale(db: Q, userId: string, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale, updated_at: sql`now()` }).where('id', '=', userId).execute();
}

export async function updateUserPassword(db: Q, userId: string, hash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: mustChange, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', userId)
    .execute();
}
