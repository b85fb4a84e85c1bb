/** Finding the official units the demo data hangs on. */
import type { Db } from '../db/database.js';

/** The province in force with this official code. */
export async function currentProvince(db: Db, code: string) {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'province').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
}

/** The first `n` communes in force of a province, by official code. */
export async function firstCommunes(db: Db, provinceId: string, n: number) {
  return db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', provinceId).where('kind', '=', 'commune').where('valid_to', 'is', null).orderBy('code').limit(n).execute();
}
