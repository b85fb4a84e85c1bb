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

/**
 * The one commune whose year of grassroots democracy the demo shows (issue 16: publications,
 * covenant, boards, the Front's program, a dialogue conference), all on the same commune: Xã Phát
 * Diệm in Ninh Bình — a rural commune, so "thôn", "hương ước" and "UBND xã" are the right words —
 * or, where it is missing, the province's first "Xã" by code.
 */
export async function grassrootsDemoCommune(db: Db, provinceId: string) {
  const byName = await db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', provinceId).where('kind', '=', 'commune').where('valid_to', 'is', null).where('name', '=', 'Xã Phát Diệm').executeTakeFirst();
  return byName ?? db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', provinceId).where('kind', '=', 'commune').where('valid_to', 'is', null).where('name', 'like', 'Xã %').orderBy('code').executeTakeFirst();
}
