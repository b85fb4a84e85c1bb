import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '../../../common/access.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './auth.repository.js';
import { assertStrongPassword, burnPasswordCheck, hashPassword, verifyPassword } from './password.js';

/**
 * Login throttling: per account and per client address, within a sliding window. Each attempt
 * takes a slot of both keys before its password is verified (auth.repository.ts
 * `reserveLoginAttempt`), so parallel guesses cannot outrun the count.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 30,
} as const;

const ACCOUNT_LIMIT: repo.AttemptLimit = { limit: THROTTLE.perAccount, windowSeconds: THROTTLE.windowSeconds, lockSeconds: THROTTLE.lockSeconds };
const ADDRESS_LIMIT: repo.AttemptLimit = { limit: THROTTLE.perAddress, windowSeconds: THROTTLE.windowSeconds, lockSeconds: THROTTLE.lockSeconds };

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

const tooManyAttempts = (lockedUntil: Date | null) =>
  new AppError('TOO_MANY_ATTEMPTS', 'Too many failed sign-in attempts; try again later', {
    retryAfterSeconds: Math.max(1, Math.ceil(((lockedUntil ? new Date(lockedUntil).getTime() : Date.now()) - Date.now()) / 1000)),
  });

export type LoginInput = { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string | null };

/**
 * Checks the credentials and opens a new session; returns the token for the cookie. The attempt is
 * counted against the account and the address before the password is verified; a right password
 * clears the account's count and gives the address its slot back. Once a key is locked, every
 * attempt is refused (TOO_MANY_ATTEMPTS), the right password included, until the lock ends.
 */
export async function login(ctx: Ctx, input: LoginInput): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const accountKey = `account:${username}`;
  const addressKey = `address:${input.ip ?? 'unknown'}`;
  const account = await repo.reserveLoginAttempt(ctx.db, accountKey, ACCOUNT_LIMIT);
  if (!account.allowed) throw tooManyAttempts(account.lockedUntil);
  const address = await repo.reserveLoginAttempt(ctx.db, addressKey, ADDRESS_LIMIT);
  if (!address.allowed) {
    // No password was tried: the account's slot goes back.
    await repo.releaseLoginAttempt(ctx.db, accountKey, ACCOUNT_LIMIT);
    throw tooManyAttempts(address.lockedUntil);
  }
  const user = await repo.findUserByUsername(ctx.db, username);
  const ok = user ? await verifyPassword(input.password, user.password_hash) : (await burnPasswordCheck(input.password), false);
  // A failure keeps both slots: they are the count.
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
  if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
  await repo.clearLoginFailures(ctx.db, accountKey);
  // Many officers of one office sign in from one address: a sign-in is not a guess.
  await repo.releaseLoginAttempt(ctx.db, addressKey, ADDRESS_LIMIT);
  // A fresh random id at every login: a session id planted before login is worthless.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.sessionHours * 3600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.createSession(trx, { id: sha256(token), userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    const actor: Actor = { userId: user.id, username: user.username, grants: [], ip: input.ip, requestId: input.requestId };
    await recordAudit(trx, actor, { action: 'session.login', recordType: 'user', recordId: user.id });
  });
  return { token, userId: user.id, expiresAt };
}

/**
 * A live session: its id, who acts, and whether the account still has a temporary password (set
 * by an administrator), with which it may only change that password (see authenticate.ts).
 */
export type ResolvedSession = { sessionId: string; actor: Actor; mustChangePassword: boolean };

/** The actor behind a session token, or null. Extends the session's life while it is used. */
export async function resolveSession(ctx: Ctx, token: string, ip: string | null, requestId: string | null): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const session = await repo.findLiveSession(ctx.db, id);
  if (!session) return null;
  // Slide the expiry at most once a minute: not one write per request.
  if (Date.now() - new Date(session.last_seen_at).getTime() > 60_000) {
    await repo.touchSession(ctx.db, id, new Date(Date.now() + ctx.config.sessionHours * 3600_000));
  }
  const grants = await repo.findGrantsOfUser(ctx.db, session.user_id);
  return { sessionId: id, actor: { userId: session.user_id, username: session.username, grants, ip, requestId }, mustChangePassword: session.must_change_password };
}

export async function logout(ctx: Ctx, actor: Actor, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(trx, actor, { action: 'session.logout', recordType: 'user', recordId: actor.userId });
  });
}

/** The signed-in account as it sees itself. */
export async function getMe(ctx: Ctx, actor: Actor) {
  const user = actor.userId ? await repo.findUserById(ctx.db, actor.userId) : undefined;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Not signed in');
  const grants = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.unit_id', 'u.name as unit_name'])
    .where('g.user_id', '=', user.id)
    .orderBy('g.id')
    .execute();
  return { user, grants };
}

export async function setLocale(ctx: Ctx, actor: Actor, locale: Locale): Promise<void> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'Not signed in');
  const userId = actor.userId;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findUserById(trx, userId);
    await repo.updateUserLocale(trx, userId, locale);
    await recordAudit(trx, actor, { action: 'user.locale', recordType: 'user', recordId: userId, before: { locale: before?.locale }, after: { locale } });
  });
}

/** Changes one's own password (the current one is required) and ends every other session. */
export async function changeOwnPassword(ctx: Ctx, actor: Actor, sessionId: string, current: string, next: string): Promise<void> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'Not signed in');
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong');
  }
  assertStrongPassword(next, user.username);
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUserPassword(trx, user.id, hash, false);
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '<>', sessionId).execute();
    await recordAudit(trx, actor, { action: 'user.password_change', recordType: 'user', recordId: user.id });
  });
}
