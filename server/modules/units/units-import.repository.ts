/**
 * SQL of the official-units import. Rows go in as arrays through unnest(): one statement per few
 * thousand rows rather than one per row.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, SuccessionBasis, SuccessionKind } from '../../db/schema.js';

type Q = Kysely<Database>;

export const UNITS_IMPORT_META_KEY = 'units_import';

/** Serialises imports: a second one waits for the first and then finds everything unchanged. */
export async function lockImport(trx: Q): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('danvan.units.import'))`.execute(trx);
}

/**
 * The import writes in batches: the attribution triggers (docs/reports.md) wait for
 * `refreshAttribution` at its end instead of recomputing the tree after every batch. Transaction-local.
 */
export async function deferAttribution(trx: Q): Promise<void> {
  await sql`select set_config('danvan.defer_attribution', 'on', true)`.execute(trx);
}

/** Recomputes, for every unit, the unit in force its records count under (and ends the deferral). */
export async function refreshAttribution(trx: Q): Promise<void> {
  await sql`select set_config('danvan.defer_attribution', 'off', true)`.execute(trx);
  // A first import fills the tables in this transaction: without statistics the planner would
  // walk the tree with nested loops (seconds instead of a fraction of one).
  await sql`analyze units, unit_successions`.execute(trx);
  await sql`select danvan_refresh_attribution()`.execute(trx);
}

export type OfficialUnitRow = {
  id: string;
  parent_id: string | null;
  path: string;
  kind: string;
  code: string;
  division_type: string | null;
  name: string;
  name_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  listed_from: string | null;
};

/** Every unit of an administrative kind below the root that carries an official code. */
export async function findOfficialUnits(trx: Q, kinds: readonly string[]): Promise<OfficialUnitRow[]> {
  const { rows } = await sql<OfficialUnitRow>`
    select id::text, parent_id::text, path::text, kind, code, division_type, name, name_en, valid_from, valid_to, listed_from
    from units
    where kind = any(${kinds}::text[]) and code is not null`.execute(trx);
  return rows;
}

/** Takes `count` ids from the units' identity sequence, so paths can be computed before inserting. */
export async function allocateUnitIds(trx: Q, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await sql<{ id: string }>`
    select nextval(pg_get_serial_sequence('units', 'id'))::text as id from generate_series(1, ${count}::int)`.execute(trx);
  return rows.map((r) => r.id);
}

export type UnitInsert = {
  id: string;
  parentId: string;
  path: string;
  kind: string;
  code: string;
  divisionType: string | null;
  name: string;
  nameEn: string | null;
  validFrom: string | null;
  validTo: string | null;
  listedFrom: string | null;
};

export async function insertUnits(trx: Q, rows: UnitInsert[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof UnitInsert>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into units (id, parent_id, path, kind, code, division_type, name, name_en, valid_from, valid_to, listed_from)
    select * from unnest(
      ${col('id')}::bigint[], ${col('parentId')}::bigint[], ${col('path')}::ltree[], ${col('kind')}::text[], ${col('code')}::text[],
      ${col('divisionType')}::text[], ${col('name')}::text[], ${col('nameEn')}::text[], ${col('validFrom')}::date[], ${col('validTo')}::date[],
      ${col('listedFrom')}::date[])`.execute(trx);
}

export type UnitFieldsUpdate = {
  id: string;
  parentId: string;
  divisionType: string | null;
  name: string;
  nameEn: string | null;
  validFrom: string | null;
  validTo: string | null;
  listedFrom: string | null;
};

/** Sets the official fields of existing units (path is handled by moveSubtree). */
export async function updateUnitFields(trx: Q, rows: UnitFieldsUpdate[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof UnitFieldsUpdate>(k: K) => rows.map((r) => r[k]);
  await sql`
    update units u set
      parent_id = v.parent_id, division_type = v.division_type, name = v.name, name_en = v.name_en,
      valid_from = v.valid_from, valid_to = v.valid_to, listed_from = v.listed_from,
      updated_at = now(), version = u.version + 1
    from unnest(${col('id')}::bigint[], ${col('parentId')}::bigint[], ${col('divisionType')}::text[], ${col('name')}::text[],
                ${col('nameEn')}::text[], ${col('validFrom')}::date[], ${col('validTo')}::date[], ${col('listedFrom')}::date[])
      as v(id, parent_id, division_type, name, name_en, valid_from, valid_to, listed_from)
    where u.id = v.id`.execute(trx);
}

/** Re-roots the subtree of `unitId` (the unit and everything below it) under its parent's path. */
export async function moveSubtree(trx: Q, unitId: string): Promise<void> {
  await sql`
    with moved as (
      select m.path as old_path, p.path as parent_path
      from units m join units p on p.id = m.parent_id
      where m.id = ${unitId}
    )
    update units u set path = moved.parent_path || subpath(u.path, nlevel(moved.old_path) - 1)
    from moved
    where u.path <@ moved.old_path`.execute(trx);
}

export async function findPaths(trx: Q, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; path: string }>`select id::text, path::text from units where id = any(${ids}::bigint[])`.execute(trx);
  return new Map(rows.map((r) => [r.id, r.path]));
}

export type SuccessionRow = {
  predecessor_id: string;
  successor_id: string;
  kind: SuccessionKind;
  effective: string;
  basis: SuccessionBasis;
  preferred: boolean;
};

/** Successions whose predecessor is a unit of one of `kinds` (the import owns them, but for a system administrator's corrections). */
export async function findSuccessions(trx: Q, kinds: readonly string[]): Promise<SuccessionRow[]> {
  const { rows } = await sql<SuccessionRow>`
    select s.predecessor_id::text, s.successor_id::text, s.kind, s.effective, s.basis, s.preferred
    from unit_successions s join units p on p.id = s.predecessor_id
    where p.kind = any(${kinds}::text[])`.execute(trx);
  return rows;
}

const successionArrays = (rows: SuccessionRow[]) => sql`
  ${rows.map((r) => r.predecessor_id)}::bigint[], ${rows.map((r) => r.successor_id)}::bigint[], ${rows.map((r) => r.kind)}::text[],
  ${rows.map((r) => r.effective)}::date[], ${rows.map((r) => r.basis)}::text[], ${rows.map((r) => r.preferred)}::boolean[]`;

export async function insertSuccessions(trx: Q, rows: SuccessionRow[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    insert into unit_successions (predecessor_id, successor_id, kind, effective, basis, preferred)
    select * from unnest(${successionArrays(rows)})`.execute(trx);
}

export async function updateSuccessions(trx: Q, rows: SuccessionRow[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    update unit_successions s set kind = v.kind, effective = v.effective, basis = v.basis, preferred = v.preferred
    from unnest(${successionArrays(rows)}) as v(predecessor_id, successor_id, kind, effective, basis, preferred)
    where s.predecessor_id = v.predecessor_id and s.successor_id = v.successor_id`.execute(trx);
}

export async function deleteSuccessions(trx: Q, rows: { predecessor_id: string; successor_id: string }[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    delete from unit_successions s
    using unnest(${rows.map((r) => r.predecessor_id)}::bigint[], ${rows.map((r) => r.successor_id)}::bigint[]) as v(predecessor_id, successor_id)
    where s.predecessor_id = v.predecessor_id and s.successor_id = v.successor_id`.execute(trx);
}

export type NameRow = { id?: string; unit_id: string; name: string; division_type: string | null; valid_from: string | null; valid_to: string };

/** Former names of the units of `kinds` (all written by the import). */
export async function findNames(trx: Q, kinds: readonly string[]): Promise<Required<NameRow>[]> {
  const { rows } = await sql<Required<NameRow>>`
    select n.id::text, n.unit_id::text, n.name, n.division_type, n.valid_from, n.valid_to
    from unit_names n join units u on u.id = n.unit_id
    where u.kind = any(${kinds}::text[])`.execute(trx);
  return rows;
}

export async function insertNames(trx: Q, rows: NameRow[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    insert into unit_names (unit_id, name, division_type, valid_from, valid_to)
    select * from unnest(${rows.map((r) => r.unit_id)}::bigint[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.division_type)}::text[],
                         ${rows.map((r) => r.valid_from)}::date[], ${rows.map((r) => r.valid_to)}::date[])`.execute(trx);
}

export async function deleteNames(trx: Q, ids: string[]): Promise<void> {
  if (ids.length) await sql`delete from unit_names where id = any(${ids}::bigint[])`.execute(trx);
}

export async function getMeta<T>(db: Q, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function putMeta(trx: Q, key: string, value: unknown): Promise<void> {
  await trx
    .insertInto('app_meta')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
}
