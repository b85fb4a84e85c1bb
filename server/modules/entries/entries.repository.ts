/**
 * All SQL of an entry's registration and lifecycle: the entry, its implementers, transitions,
 * progress notes and replication links. Evidence lives in evidence.repository.ts.
 */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, EntryLevel, EntryStatus, EntryTable } from '../../db/schema.js';

type Q = Kysely<Database>;

export type EntryRecord = Selectable<EntryTable>;
export type EntryChanges = Updateable<EntryTable>;
export type UnitBrief = { id: string; path: string; name: string; kind: string; code: string | null; valid_from: string | null; valid_to: string | null };

export async function findEntry(db: Q, id: string): Promise<EntryRecord | undefined> {
  return db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The entry with the unit in force its registering unit counts under (`units.current_path`), which
 * decides with its own path who may read it (`canReadRecord`).
 */
export async function findEntryToRead(db: Q, id: string): Promise<{ entry: EntryRecord; currentPath: string | null } | undefined> {
  const row = await db
    .selectFrom('entries as e')
    .innerJoin('units as u', 'u.id', 'e.registering_unit_id')
    .selectAll('e')
    .select(sql<string | null>`u.current_path::text`.as('unit_current_path'))
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { unit_current_path, ...entry } = row;
  return { entry, currentPath: unit_current_path };
}

export async function findEntries(db: Q, ids: string[]): Promise<EntryRecord[]> {
  if (!ids.length) return [];
  return db.selectFrom('entries').selectAll().where('id', 'in', ids).execute();
}

/** The entry a unit registered under this title key in this year, if any. */
export async function findEntryByKey(db: Q, unitId: string, year: number, titleKey: string): Promise<{ id: string; unit_path: string } | undefined> {
  return db
    .selectFrom('entries')
    .select(['id', 'unit_path'])
    .where('registering_unit_id', '=', unitId)
    .where('year', '=', year)
    .where('title_key', '=', titleKey)
    .executeTakeFirst();
}

export async function insertEntry(trx: Q, values: Insertable<EntryTable>): Promise<string> {
  const row = await trx.insertInto('entries').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes `changes` only when the entry still has `version` (and, when given, one of `fromStatuses`);
 * bumps the version. Returns the new row, or undefined when someone else got there first.
 */
export async function updateEntryIfVersion(trx: Q, id: string, version: number, changes: EntryChanges, fromStatuses?: readonly EntryStatus[]): Promise<EntryRecord | undefined> {
  let q = trx
    .updateTable('entries')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version);
  if (fromStatuses) q = q.where('status', 'in', [...fromStatuses]);
  return q.returningAll().executeTakeFirst();
}

export async function lockEntry(trx: Q, id: string): Promise<void> {
  await trx.selectFrom('entries').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Moves many entries to `status` in one statement, each only if it still has its version and one
 * of `fromStatuses`. Returns the ids that moved.
 */
export async function moveEntriesIfVersions(trx: Q, items: { id: string; version: number }[], status: EntryStatus, fromStatuses: readonly EntryStatus[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update entries e set status = ${status}, version = e.version + 1, updated_at = now()
    from unnest(${items.map((i) => i.id)}::bigint[], ${items.map((i) => i.version)}::int[]) as x(id, version)
    where e.id = x.id and e.version = x.version and e.status = any(${[...fromStatuses]}::text[])
    returning e.id::text`.execute(trx);
  return rows.map((r) => r.id);
}

/** Marks activity on an entry (a progress note, evidence) without taking its version. */
export async function touchEntry(trx: Q, id: string): Promise<void> {
  await trx.updateTable('entries').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

export type TransitionInput = { entryId: string; action: string; from: EntryStatus | null; to: EntryStatus; reason: string | null; actorId: string | null; actorName: string | null };

export async function insertTransitions(trx: Q, rows: TransitionInput[]): Promise<void> {
  if (!rows.length) return;
  await trx
    .insertInto('entry_transitions')
    .values(rows.map((r) => ({ entry_id: r.entryId, action: r.action, from_status: r.from, to_status: r.to, reason: r.reason, actor_id: r.actorId, actor_name: r.actorName })))
    .execute();
}

/** An entry's steps, oldest first; `actor_name` is the person's display name (the stored sign-in name only when the account is gone). */
export async function findTransitions(db: Q, entryId: string) {
  return db
    .selectFrom('entry_transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .select(['t.id', 't.entry_id', 't.action', 't.from_status', 't.to_status', 't.reason', 't.imported_from', 't.actor_id', 't.at'])
    .select((eb) => eb.fn.coalesce('u.display_name', 't.actor_name').as('actor_name'))
    .where('t.entry_id', '=', entryId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}

export type ImplementerInput = { unitId: string } | { personName: string };

export async function replaceImplementers(trx: Q, entryId: string, list: ImplementerInput[]): Promise<void> {
  await trx.deleteFrom('entry_implementers').where('entry_id', '=', entryId).execute();
  if (!list.length) return;
  await trx
    .insertInto('entry_implementers')
    .values(list.map((i) => ('unitId' in i ? { entry_id: entryId, unit_id: i.unitId, person_name: null } : { entry_id: entryId, unit_id: null, person_name: i.personName })))
    .execute();
}

export async function findImplementers(db: Q, entryId: string) {
  return db
    .selectFrom('entry_implementers as i')
    .leftJoin('units as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.unit_id', 'i.person_name', 'u.name as unit_name'])
    .where('i.entry_id', '=', entryId)
    .orderBy('i.id')
    .execute();
}

const UNIT_BRIEF = sql`u.id::text, u.path::text as path, u.name, u.kind, u.code, u.valid_from, u.valid_to`;

export async function findUnitBriefs(db: Q, ids: string[]): Promise<UnitBrief[]> {
  if (!ids.length) return [];
  const { rows } = await sql<UnitBrief>`select ${UNIT_BRIEF} from units u where u.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

/** The unit followed by its ancestors, nearest first (what checkLevel takes). */
export async function findChain(db: Q, unitId: string): Promise<UnitBrief[]> {
  const { rows } = await sql<UnitBrief>`
    select ${UNIT_BRIEF} from units u
    where u.path @> (select path from units where id = ${unitId})
    order by nlevel(u.path) desc`.execute(db);
  return rows;
}

/** Path of the nearest unit of kind `level` at or above `unitPath`: the committee that approves. */
export async function findLevelUnitPaths(db: Q, pairs: { unitPath: string; level: EntryLevel }[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Map(pairs.map((p) => [`${p.level}|${p.unitPath}`, p])).values()];
  if (!unique.length) return found;
  const { rows } = await sql<{ key: string; path: string }>`
    select x.level || '|' || x.unit_path as key,
      (select u.path::text from units u where u.path @> x.unit_path::ltree and u.kind = x.level order by nlevel(u.path) desc limit 1) as path
    from unnest(${unique.map((p) => p.level)}::text[], ${unique.map((p) => p.unitPath)}::text[]) as x(level, unit_path)`.execute(db);
  for (const r of rows) if (r.path) found.set(r.key, r.path);
  return found;
}

export const levelKey = (level: EntryLevel, unitPath: string) => `${level}|${unitPath}`;

export async function findPeriod(db: Q, id: string) {
  return db.selectFrom('emulation_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPeriodsContaining(db: Q, year: number) {
  return db.selectFrom('emulation_periods').selectAll().where('start_year', '<=', year).where('end_year', '>=', year).orderBy('start_year').execute();
}

/** A field with the path of the unit that added it (null for national fields). */
export async function findField(db: Q, code: string): Promise<{ code: string; unit_id: string | null; unit_path: string | null } | undefined> {
  const { rows } = await sql<{ code: string; unit_id: string | null; unit_path: string | null }>`
    select f.code, f.unit_id::text, u.path::text as unit_path
    from entry_fields f left join units u on u.id = f.unit_id where f.code = ${code}`.execute(db);
  return rows[0];
}

export async function insertProgress(trx: Q, entryId: string, onDate: string, note: string, userId: string | null): Promise<string> {
  const row = await trx.insertInto('entry_progress').values({ entry_id: entryId, on_date: onDate, note, created_by: userId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findProgress(db: Q, entryId: string) {
  return db.selectFrom('entry_progress').select(['id', 'on_date', 'note', 'created_at']).where('entry_id', '=', entryId).orderBy('on_date').orderBy('id').execute();
}

/** An entry linked by replication, with what decides who may see it (`canReadRecord`). */
export type LinkedEntry = { id: string; title: string; unit_name: string; unit_path: string; current_path: string | null };

/** Entries `entryId` copies (its sources). */
export async function findSources(db: Q, entryId: string): Promise<LinkedEntry[]> {
  const { rows } = await sql<LinkedEntry>`
    select e.id::text, e.title, u.name as unit_name, e.unit_path::text as unit_path, u.current_path::text as current_path
    from entry_replications r join entries e on e.id = r.source_entry_id join units u on u.id = e.registering_unit_id
    where r.replica_entry_id = ${entryId} order by r.created_at, e.id`.execute(db);
  return rows;
}

/** Entries that copy `entryId` (the reader's service keeps those it may read). */
export async function findReplicas(db: Q, entryId: string): Promise<LinkedEntry[]> {
  const { rows } = await sql<LinkedEntry>`
    select e.id::text, e.title, u.name as unit_name, e.unit_path::text as unit_path, u.current_path::text as current_path
    from entry_replications r join entries e on e.id = r.replica_entry_id join units u on u.id = e.registering_unit_id
    where r.source_entry_id = ${entryId}
    order by r.created_at, e.id`.execute(db);
  return rows;
}

export async function replicationExists(db: Q, replicaId: string, sourceId: string): Promise<boolean> {
  const row = await db.selectFrom('entry_replications').select('source_entry_id').where('replica_entry_id', '=', replicaId).where('source_entry_id', '=', sourceId).executeTakeFirst();
  return !!row;
}

/** True when `sourceId` already copies `replicaId`, directly or through other entries (a new link would close a cycle). */
export async function sourceReaches(db: Q, sourceId: string, replicaId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up(id) as (
      select ${sourceId}::bigint
      union
      select r.source_entry_id from entry_replications r join up on r.replica_entry_id = up.id
    )
    select exists (select 1 from up where id = ${replicaId}::bigint) as found`.execute(db);
  return rows[0]?.found ?? false;
}

export async function insertReplication(trx: Q, replicaId: string, sourceId: string): Promise<void> {
  await trx.insertInto('entry_replications').values({ replica_entry_id: replicaId, source_entry_id: sourceId }).execute();
  await trx.updateTable('entries').set({ replication_count: sql`replication_count + 1` }).where('id', '=', sourceId).execute();
}

/** Removes the link; false when there was none. */
export async function deleteReplication(trx: Q, replicaId: string, sourceId: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('entry_replications').where('replica_entry_id', '=', replicaId).where('source_entry_id', '=', sourceId).executeTakeFirst();
  if (!Number(deleted.numDeletedRows)) return false;
  await trx.updateTable('entries').set({ replication_count: sql`replication_count - 1` }).where('id', '=', sourceId).execute();
  return true;
}
