/** SQL of entry fields: national ones (unit_id null) and those a unit added for its subtree. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export type FieldRecord = { code: string; names: Record<string, string>; unit_id: string | null; sort_order: number; builtin: boolean };

const COLUMNS = sql`f.code, f.names, f.unit_id::text, f.sort_order, f.builtin`;

/**
 * National fields plus those of units on `unitPath` (the unit and its ancestors); or, with
 * `scopes`, those of units inside or above any of these subtrees; with neither, every field.
 */
export async function findFields(db: Q, f: { unitPath?: string; scopes?: string[] }): Promise<FieldRecord[]> {
  const where = f.unitPath
    ? sql`where f.unit_id is null or u.path @> ${f.unitPath}::ltree`
    : f.scopes
      ? sql`where f.unit_id is null or u.path <@ ${f.scopes}::ltree[] or u.path @> ${f.scopes}::ltree[]`
      : sql``;
  const { rows } = await sql<FieldRecord>`
    select ${COLUMNS} from entry_fields f left join units u on u.id = f.unit_id
    ${where} order by f.sort_order, f.code`.execute(db);
  return rows;
}

export async function findField(db: Q, code: string): Promise<FieldRecord | undefined> {
  const { rows } = await sql<FieldRecord>`select ${COLUMNS} from entry_fields f where f.code = ${code}`.execute(db);
  return rows[0];
}

export async function insertField(trx: Q, f: { code: string; names: Record<string, string>; unitId: string | null }): Promise<void> {
  await trx.insertInto('entry_fields').values({ code: f.code, names: JSON.stringify(f.names), unit_id: f.unitId }).execute();
}
