/** Factories for tests: records created straight in the database, with sensible defaults. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../common/access.js';
import type { Db } from '../db/database.js';
import { hashPassword } from '../modules/auth/password.js';

export const TEST_PASSWORD = 'correct-horse-battery-9';
let cachedHash: Promise<string> | undefined;

export type BuildUser = { username?: string; displayName?: string; password?: string; grants?: { unitId: string; role: Role }[]; disabled?: boolean };

export async function buildUser(db: Db, input: BuildUser = {}) {
  const username = input.username ?? `user_${randomBytes(4).toString('hex')}`;
  const hash = input.password ? await hashPassword(input.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const user = await db
    .insertInto('users')
    .values({ username, display_name: input.displayName ?? username, password_hash: hash, disabled_at: input.disabled ? new Date() : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const g of input.grants ?? []) {
    await db.insertInto('role_grants').values({ user_id: user.id, unit_id: g.unitId, role: g.role }).execute();
  }
  return user;
}

export async function buildUnit(db: Db, input: { parentId: string; name?: string; kind?: string; code?: string | null; validTo?: string | null }) {
  const parent = await db.selectFrom('units').select(['path']).where('id', '=', input.parentId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('units')
    .values({ parent_id: input.parentId, path: parent.path, kind: input.kind ?? 'fatherland_front', code: input.code ?? null, name: input.name ?? `Unit ${randomBytes(3).toString('hex')}`, valid_to: input.validTo ?? null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await db.updateTable('units').set({ path: sql`${parent.path}::ltree || ${row.id}::text` }).where('id', '=', row.id).execute();
  return db.selectFrom('units').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

/**
 * A unit found by kind and official code (the template holds the official lists): the one in force,
 * or (current = false) the latest retired one — the unit of the 4 January 2025 list, not an earlier
 * unit of the same code (docs/units.md, "The units of their day").
 */
export async function unitByCode(db: Db, kind: string, code: string, current = true) {
  let q = db.selectFrom('units').selectAll().where('kind', '=', kind).where('code', '=', code);
  q = current ? q.where('valid_to', 'is', null) : q.where('valid_to', 'is not', null).orderBy('valid_to', 'desc');
  return q.executeTakeFirstOrThrow();
}

export async function rootUnit(db: Db) {
  return db.selectFrom('units').selectAll().where('kind', '=', 'country').executeTakeFirstOrThrow();
}
