import { type Kysely, sql } from 'kysely';
import type { Role } from '../../../common/access.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export type GrantRow = { id: string; user_id: string; role: Role; unit_id: string; unit_name: string; unit_path: string; granted_at: Date };

export async function findGrantsOfUsers(db: Q, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.unit_id', 'u.name as unit_name', sql<string>`u.path::text`.as('unit_path'), 'g.granted_at'])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.id')
    .execute();
  return rows as GrantRow[];
}

export async function getUser(db: Q, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserIdByUsername(db: Q, username: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

export type UserSearch = {
  /** Only users holding a grant inside one of these subtrees; undefined: all users. */
  scopePaths?: string[];
  q?: string;
  unitPath?: string;
  includeDisabled: boolean;
  limit: number;
  offset: number;
};

export async function findUsers(db: Q, s: UserSearch) {
  let query = db.selectFrom('users as usr');
  if (s.scopePaths) {
    if (s.scopePaths.length === 0) return { rows: [], total: 0 };
    const scopes = sql.join(s.scopePaths.map((p) => sql`${p}::ltree`));
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_grants as g')
          .innerJoin('units as u', 'u.id', 'g.unit_id')
          .select(sql`1`.as('one'))
          .whereRef('g.user_id', '=', 'usr.id')
          .where(sql<boolean>`u.path <@ array[${scopes}]`),
      ),
    );
  }
  if (s.unitPath) {
    const unitPath = s.unitPath;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_grants as g')
          .innerJoin('units as u', 'u.id', 'g.unit_id')
          .select(sql`1`.as('one'))
          .whereRef('g.user_id', '=', 'usr.id')
          .where(sql<boolean>`u.path <@ ${unitPath}::ltree`),
      ),
    );
  }
  if (s.q) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`danvan_fold(usr.username)`, 'like', sql`danvan_fold(${like})`), eb(sql`danvan_fold(usr.display_name)`, 'like', sql`danvan_fold(${like})`)]),
    );
  }
  if (!s.includeDisabled) query = query.where('usr.disabled_at', 'is', null);
  const [rows, count] = await Promise.all([
    query.selectAll('usr').orderBy('usr.username').limit(s.limit).offset(s.offset).execute(),
    query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countSystemAdmins(db: Q, excludingGrantId?: string, excludingUserId?: string): Promise<number> {
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(sql<string>`count(distinct g.user_id)`.as('n'))
    .where('g.role', '=', 'system_admin')
    .where('u.disabled_at', 'is', null);
  if (excludingGrantId) q = q.where('g.id', '<>', excludingGrantId);
  if (excludingUserId) q = q.where('g.user_id', '<>', excludingUserId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
