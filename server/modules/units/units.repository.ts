import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, SuccessionBasis, SuccessionKind } from '../../db/schema.js';

type Q = Kysely<Database>;

/** The id of the root unit (Viet Nam), created by the foundation migration. */
export async function rootUnitId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('units').select('id').where('kind', '=', 'country').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  return row.id;
}

/** A unit with what the API shows about its children. */
export type UnitRecord = {
  id: string;
  parent_id: string | null;
  path: string;
  kind: string;
  code: string | null;
  division_type: string | null;
  name: string;
  name_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: number;
  retired: boolean;
  child_count: number;
  retired_child_count: number;
};

export type UnitRefRecord = Pick<UnitRecord, 'id' | 'name' | 'kind' | 'code' | 'valid_from' | 'valid_to'>;

// "In force" is decided by valid_to alone: a unit is retired from its valid_to on.
const retiredSql = (alias: string) => sql.raw(`coalesce(${alias}.valid_to <= current_date, false)`);

/** The columns of UnitRecord for the units aliased `u`. */
export const UNIT_COLUMNS = sql`
  u.id::text, u.parent_id::text, u.path::text as path, u.kind, u.code, u.division_type, u.name, u.name_en,
  u.valid_from, u.valid_to, u.version, ${retiredSql('u')} as retired,
  (select count(*)::int from units c where c.parent_id = u.id and not ${retiredSql('c')}) as child_count,
  (select count(*)::int from units c where c.parent_id = u.id and ${retiredSql('c')}) as retired_child_count`;

const collations = new WeakMap<object, Promise<RawBuilder<unknown>>>();

/**
 * `collate "vi-VN-x-icu"` when the server has it (ICU builds do), else the nearest ICU collation,
 * else nothing (the database's default order). Looked up once per pool.
 */
export function viCollation(db: Q): Promise<RawBuilder<unknown>> {
  let found = collations.get(db);
  if (!found) {
    found = sql<{ collname: string }>`
      select collname from pg_collation where collname in ('vi-VN-x-icu', 'vi-x-icu', 'und-x-icu')
      order by array_position(array['vi-VN-x-icu', 'vi-x-icu', 'und-x-icu'], collname::text) limit 1`
      .execute(db)
      .then(({ rows }) => (rows[0] ? sql.raw(`collate "${rows[0].collname.replace(/"/g, '')}"`) : sql.raw('')));
    collations.set(db, found);
  }
  return found;
}

export async function findUnitById(db: Q, id: string): Promise<UnitRecord | undefined> {
  const { rows } = await sql<UnitRecord>`select ${UNIT_COLUMNS} from units u where u.id = ${id}`.execute(db);
  return rows[0];
}

export async function findUnitsByIds(db: Q, ids: string[]): Promise<UnitRecord[]> {
  if (!ids.length) return [];
  const collate = await viCollation(db);
  const { rows } = await sql<UnitRecord>`
    select ${UNIT_COLUMNS} from units u where u.id = any(${ids}::bigint[])
    order by nlevel(u.path), u.name ${collate}, u.id`.execute(db);
  return rows;
}

/** The units on `path` above its last label (root first): the breadcrumb. */
export async function findAncestorRefs(db: Q, path: string): Promise<UnitRefRecord[]> {
  const ids = path.split('.').slice(0, -1);
  if (!ids.length) return [];
  const { rows } = await sql<UnitRefRecord>`
    select u.id::text, u.name, u.kind, u.code, u.valid_from, u.valid_to
    from units u where u.id = any(${ids}::bigint[]) order by nlevel(u.path)`.execute(db);
  return rows;
}

export type ChildrenFilter = { includeRetired: boolean; kind?: string; limit: number; offset: number };

/** Children of a unit: in force first, then retired; each group in Vietnamese alphabetical order. */
export async function findChildren(db: Q, parentId: string, f: ChildrenFilter): Promise<{ rows: UnitRecord[]; total: number }> {
  const collate = await viCollation(db);
  const where = sql`u.parent_id = ${parentId}
    ${f.includeRetired ? sql`` : sql`and not ${retiredSql('u')}`}
    ${f.kind ? sql`and u.kind = ${f.kind}` : sql``}`;
  const [{ rows }, count] = await Promise.all([
    sql<UnitRecord>`
      select ${UNIT_COLUMNS} from units u where ${where}
      order by ${retiredSql('u')}, u.name ${collate}, u.id
      limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from units u where ${where}`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export type SearchFilter = {
  q: string;
  includeRetired: boolean;
  kind?: string;
  /** Only units strictly below this path. */
  underPath?: string;
  /** Only units inside these subtrees; undefined: everywhere. */
  scopePaths?: string[];
  limit: number;
};

/** `parent_names`: the ancestors below the root, top-down; `path_names`: the same joined with " › ". */
export type SearchRecord = UnitRecord & { path_names: string; parent_names: string[]; total: number; matched_name: string | null };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The folded name (column `folded`) without its type prefix ("thị xã kim bảng" → "kim bang"), for ranking. */
const BARE_NAME = sql`regexp_replace(folded, '^(thanh pho|thi tran|thi xa|tinh|quan|huyen|phuong|xa|dac khu) ', '')`;

/**
 * Diacritic- and case-insensitive search on names, current and former (a renamed unit is found by
 * any name it bore), through the trigram indexes on danvan_fold(name) of `units` and `unit_names`.
 * Ranked: whole or leading matches of the name without its type prefix first, then units in force,
 * then shorter names; a unit found by several names counts once, by its best. The matched page is
 * picked first, so the breadcrumb (pathNames) and child counts are computed for those rows only.
 */
export async function searchUnits(db: Q, f: SearchFilter): Promise<SearchRecord[]> {
  if (f.scopePaths && f.scopePaths.length === 0) return [];
  const { rows } = await (await searchQuery(db, f)).execute(db);
  return rows;
}

/** The statement searchUnits runs (tests EXPLAIN it to see the trigram indexes used). */
export async function searchQuery(db: Q, f: SearchFilter): Promise<RawBuilder<SearchRecord>> {
  const collate = await viCollation(db);
  const contains = `%${escapeLike(f.q)}%`;
  const prefix = `${escapeLike(f.q)}%`;
  const filters = sql`
    ${f.includeRetired ? sql`` : sql`and not ${retiredSql('u')}`}
    ${f.kind ? sql`and u.kind = ${f.kind}` : sql``}
    ${f.scopePaths ? sql`and u.path <@ ${f.scopePaths}::ltree[]` : sql``}
    ${f.underPath ? sql`and u.path <@ ${f.underPath}::ltree and u.path <> ${f.underPath}::ltree` : sql``}`;
  // danvan_fold is the costly part of a broad query ("xa" matches 10,000 names): the matches fold
  // each name once more, for ranking, and the top page is picked with a top-N sort.
  return sql<SearchRecord>`
    with matches as materialized (
      select u.id, u.name, ${retiredSql('u')} as retired, danvan_fold(u.name) as folded, null::text as former
      from units u
      where danvan_fold(u.name) like danvan_fold(${contains}) ${filters}
      union all
      select u.id, u.name, ${retiredSql('u')} as retired, danvan_fold(n.name) as folded, n.name as former
      from unit_names n join units u on u.id = n.unit_id
      where danvan_fold(n.name) like danvan_fold(${contains}) ${filters}
    ),
    ranked as (
      select distinct on (m.id) m.id, m.name, m.retired, m.former, length(coalesce(m.former, m.name)) as len,
        case when m.folded = q.whole or m.bare = q.whole then 0 when m.bare like q.prefix then 1 else 2 end as rank
      from (select *, ${BARE_NAME} as bare from matches) m,
        (select danvan_fold(${f.q}) as whole, danvan_fold(${prefix}) as prefix) q
      order by m.id, rank, m.former is not null, len
    ),
    hits as (
      select r.*, count(*) over () as total from ranked r
      order by r.rank, r.retired, r.len, r.name ${collate}, r.id
      limit ${f.limit}
    )
    select ${UNIT_COLUMNS}, h.total::int as total, h.former as matched_name,
      array_to_string(parents.names, ' › ') as path_names, parents.names as parent_names
    from hits h join units u on u.id = h.id,
      lateral (
        select coalesce(array_agg(a.name order by p.ord), '{}') as names
        from unnest(string_to_array(u.path::text, '.')) with ordinality as p(id, ord)
        join units a on a.id = p.id::bigint
        where p.ord > 1 and a.id <> u.id
      ) parents
    order by h.rank, h.retired, h.len, h.name ${collate}, h.id`;
}

export type LinkRecord = UnitRefRecord & { of_id: string; link_kind: SuccessionKind; effective: string; basis: SuccessionBasis; main: boolean };

/** Successors (direction 'successors') or predecessors of the given units, with the other unit. */
export async function findLinks(db: Q, ids: string[], direction: 'successors' | 'predecessors'): Promise<LinkRecord[]> {
  if (!ids.length) return [];
  const collate = await viCollation(db);
  const [self, other] = direction === 'successors' ? ['predecessor_id', 'successor_id'] : ['successor_id', 'predecessor_id'];
  const { rows } = await sql<LinkRecord>`
    select s.${sql.raw(self)}::text as of_id, s.kind as link_kind, s.effective, s.basis, s.main,
      u.id::text, u.name, u.kind, u.code, u.valid_from, u.valid_to
    from unit_successions s join units u on u.id = s.${sql.raw(other)}
    where s.${sql.raw(self)} = any(${ids}::bigint[])
    order by nlevel(u.path), u.name ${collate}, u.id`.execute(db);
  return rows;
}

/**
 * Audit records about one unit, oldest first; `actor_name` is the person's display name (the
 * stored sign-in name when the account is gone), `actor_id` null for the system (start-up tasks,
 * the command line), which the audit log names "Hệ thống".
 */
export async function findUnitEvents(db: Q, id: string, limit = 500) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.action', 'a.before', 'a.after', 'a.actor_id'])
    .select((eb) => eb.fn.coalesce('u.display_name', 'a.actor_name').as('actor_name'))
    .where('a.record_type', '=', 'unit')
    .where('a.record_id', '=', id)
    .orderBy('a.at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** The unit locked for an update in this transaction (version checks happen on this row). */
export async function lockUnit(trx: Q, id: string) {
  return trx.selectFrom('units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function countChildrenInForceOn(trx: Q, id: string, day: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from units where parent_id = ${id} and (valid_to is null or valid_to > ${day}::date)`.execute(trx);
  return rows[0]?.n ?? 0;
}

export type NewUnitInput = {
  parentId: string;
  parentPath: string;
  kind: string;
  name: string;
  nameEn: string | null;
  code: string | null;
  divisionType: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/** Inserts a unit with its path (the id is drawn first, so the row is written once). */
export async function createUnit(trx: Q, u: NewUnitInput): Promise<string> {
  const { rows } = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('units', 'id'))::text as id`.execute(trx);
  const id = rows[0]!.id;
  await trx
    .insertInto('units')
    .values({
      id,
      parent_id: u.parentId,
      path: `${u.parentPath}.${id}`,
      kind: u.kind,
      name: u.name,
      name_en: u.nameEn,
      code: u.code,
      division_type: u.divisionType,
      valid_from: u.validFrom,
      valid_to: u.validTo,
    })
    .execute();
  return id;
}

export type UnitChanges = { name?: string; name_en?: string | null; code?: string | null; valid_from?: string | null; valid_to?: string | null };

/** Applies changes and bumps the version, if the version is still `version`; false when it is not. */
export async function updateUnit(trx: Q, id: string, version: number, changes: UnitChanges): Promise<boolean> {
  const r = await trx
    .updateTable('units')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Unit kinds

export async function findUnitKinds(db: Q) {
  return db.selectFrom('unit_kinds').select(['code', 'category', 'names', 'sort_order', 'builtin']).orderBy('sort_order').orderBy('code').execute();
}

export async function findUnitKind(db: Q, code: string) {
  return db.selectFrom('unit_kinds').select(['code', 'category', 'names', 'sort_order', 'builtin']).where('code', '=', code).executeTakeFirst();
}

/** Inserts an organization kind after the others; undefined when the code is taken. */
export async function createUnitKind(trx: Q, code: string, names: Record<string, string>) {
  return trx
    .insertInto('unit_kinds')
    .values({
      code,
      category: 'organization',
      names: JSON.stringify(names),
      sort_order: sql<number>`(select coalesce(max(sort_order), 0) + 1 from unit_kinds)`,
      builtin: false,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(['code', 'category', 'names', 'sort_order', 'builtin'])
    .executeTakeFirst();
}
