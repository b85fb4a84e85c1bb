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
    .select(['s.id', 's.user_id', 's.last_seen_at', 's.expires_at', 'u.username', 'u.disabled_at', 'u.must_change_password'])
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

export type AttemptLimit = { limit: number; windowSeconds: number; lockSeconds: number };
export type Reservation = { allowed: boolean; lockedUntil: Date | null };

/**
 * Takes one sign-in attempt slot of `key` (an account or a client address) before any password is
 * verified, and says whether the attempt may go on. One upsert: the row lock of ON CONFLICT makes
 * concurrent attempts on one key count one after the other, in every process that shares the
 * database, so at most `limit` attempts are evaluated per window however many arrive at once.
 *
 * `failures` counts the attempts of the window that were not (yet) successful; the slot that
 * reaches `limit` locks the key for `lockSeconds`. A locked key's window does not restart while
 * the lock lasts, and attempts refused meanwhile still count, so the count stays over the limit.
 */
export async function reserveLoginAttempt(db: Q, key: string, l: AttemptLimit): Promise<Reservation> {
  const window = sql`make_interval(secs => ${l.windowSeconds})`;
  const lock = sql`make_interval(secs => ${l.lockSeconds})`;
  const restart = sql`(f.window_start < now() - ${window} and not coalesce(f.locked_until > now(), false))`;
  const counted = sql`(case when ${restart} then 1 else f.failures + 1 end)`;
  const { rows } = await sql<{ failures: number; locked_until: Date | null }>`
    insert into login_failures as f (key, failures, window_start, locked_until)
    values (${key}, 1, now(), case when ${l.limit} <= 1 then now() + ${lock} end)
    on conflict (key) do update set
      failures = ${counted},
      window_start = case when ${restart} then now() else f.window_start end,
      locked_until = case
        when f.locked_until > now() then f.locked_until
        when ${counted} >= ${l.limit} then now() + ${lock}
      end
    returning failures, locked_until`.execute(db);
  const row = rows[0]!;
  return { allowed: row.failures <= l.limit, lockedUntil: row.locked_until };
}

/**
 * Gives back a slot taken by `reserveLoginAttempt` for an attempt that turned out not to be a
 * failed guess (the password was right, or the attempt was refused on another key before any
 * verification). The lock that slot set goes with it.
 */
export async function releaseLoginAttempt(db: Q, key: string, l: AttemptLimit): Promise<void> {
  await sql`
    update login_failures set
      failures = greatest(failures - 1, 0),
      locked_until = case when failures - 1 < ${l.limit} then null else locked_until end
    where key = ${key}`.execute(db);
}

/** Forgets the attempts of `key` (an account that has just signed in with its password). */
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
