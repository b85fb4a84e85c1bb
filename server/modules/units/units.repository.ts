import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The id of the root unit (Viet Nam), created by the foundation migration. */
export async function rootUnitId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('units').select('id').where('kind', '=', 'country').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  return row.id;
}
