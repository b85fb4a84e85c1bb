/**
 * SQL of the units' history: former names, units named by official code and date, the review and
 * correction of successions, and the checks that keep an organization inside its parent's interval.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, SuccessionKind } from '../../db/schema.js';
import { type UnitRecord, UNIT_COLUMNS } from './units.repository.js';

type Q = Kysely<Database>;

export type FormerNameRecord = { name: string; division_type: string | null; valid_from: string | null; valid_to: string };

/** The former names of a unit, oldest first. */
export async function findFormerNames(db: Q, unitId: string): Promise<FormerNameRecord[]> {
  return db
    .selectFrom('unit_names')
    .select(['name', 'division_type', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_to')
    .execute();
}

/** The name a unit bore on `day`: a former name whose interval holds the day, else its name. */
export async function findNameOn(db: Q, unitId: string, day: string): Promise<string | undefined> {
  const { rows } = await sql<{ name: string }>`
    select coalesce(
      (select n.name from unit_names n where n.unit_id = u.id and (n.valid_from is null or n.valid_from <= ${day}::date) and n.valid_to > ${day}::date
       order by n.valid_to limit 1),
      u.name) as name
    from units u where u.id = ${unitId}`.execute(db);
  return rows[0]?.name;
}

export type RefCandidate = UnitRecord & { in_force_on: boolean };

/**
 * Units carrying an official (or an organization's) code, of `kind` when given, each with whether
 * it was in force on `day`: every version of the code, latest first. At most 50.
 */
export async function findUnitsByCode(db: Q, code: string, kind: string | undefined, day: string): Promise<RefCandidate[]> {
  const { rows } = await sql<RefCandidate>`
    select ${UNIT_COLUMNS},
      (u.valid_from is null or u.valid_from <= ${day}::date) and (u.valid_to is null or u.valid_to > ${day}::date) as in_force_on
    from units u
    where u.code = ${code} ${kind ? sql`and u.kind = ${kind}` : sql``}
    order by u.valid_to desc nulls first, u.valid_from desc nulls last, u.id
    limit 50`.execute(db);
  return rows;
}

export type ReviewRecord = { id: string; name: string; kind: string; code: string | null; valid_from: string | null; valid_to: string | null; path_names: string; total: number };

/**
 * Retired units whose successors have `basis` (ambiguous: the history rule's fallbacks; manual: a
 * system administrator's corrections), inside `scopePaths` (undefined: everywhere), by official
 * code, with the breadcrumb.
 */
export async function findSuccessionReview(db: Q, f: { basis: string; scopePaths?: string[]; limit: number; offset: number }): Promise<ReviewRecord[]> {
  if (f.scopePaths && f.scopePaths.length === 0) return [];
  const { rows } = await sql<ReviewRecord>`
    with picked as (
      select distinct u.id from unit_successions s join units u on u.id = s.predecessor_id
      where s.basis = ${f.basis} ${f.scopePaths ? sql`and u.path <@ ${f.scopePaths}::ltree[]` : sql``}
    ),
    page as (
      select u.id, count(*) over () as total from picked p join units u on u.id = p.id
      order by u.kind, u.code, u.valid_from nulls first, u.id
      limit ${f.limit} offset ${f.offset}
    )
    select u.id::text, u.name, u.kind, u.code, u.valid_from, u.valid_to, g.total::int as total,
      coalesce((
        select string_agg(a.name, ' › ' order by x.ord)
        from unnest(string_to_array(u.path::text, '.')) with ordinality as x(id, ord)
        join units a on a.id = x.id::bigint
        where x.ord > 1 and a.id <> u.id
      ), '') as path_names
    from page g join units u on u.id = g.id
    order by u.kind, u.code, u.valid_from nulls first, u.id`.execute(db);
  return rows;
}

/**
 * Whether `predecessorId` can be reached from any of `fromIds` the way the attribution walks: a
 * unit's successors, or its parent when it has none, through retired units only (a unit in force
 * ends the walk). Such a link would make a cycle.
 */
export async function reachesThroughSuccession(db: Q, fromIds: string[], predecessorId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive walk(id, depth) as (
      select x.id, 0 from unnest(${fromIds}::bigint[]) as x(id)
      union
      select coalesce(s.successor_id, u.parent_id), w.depth + 1
      from walk w
      join units u on u.id = w.id
      left join unit_successions s on s.predecessor_id = u.id
      where w.depth < 64 and w.id <> ${predecessorId}
        and exists (
          select 1 from unnest(string_to_array(u.path::text, '.')::bigint[]) l(id)
          join units a on a.id = l.id where a.valid_to <= current_date)
    )
    select exists (select 1 from walk where id = ${predecessorId}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

export type NewSuccession = { successorId: string; kind: SuccessionKind; preferred: boolean };

/** Replaces every successor of a unit by the given ones, recorded as a system administrator's (basis manual). */
export async function replaceSuccessors(trx: Q, predecessorId: string, effective: string, links: NewSuccession[]): Promise<void> {
  await trx.deleteFrom('unit_successions').where('predecessor_id', '=', predecessorId).execute();
  if (!links.length) return;
  await trx
    .insertInto('unit_successions')
    .values(links.map((l) => ({ predecessor_id: predecessorId, successor_id: l.successorId, kind: l.kind, effective, basis: 'manual' as const, preferred: l.preferred })))
    .execute();
}

/** The successors of a unit as stored (for the audit record's "before"). */
export async function findSuccessorRows(db: Q, predecessorId: string) {
  return db
    .selectFrom('unit_successions')
    .select(['successor_id', 'kind', 'basis', 'preferred', 'effective'])
    .where('predecessor_id', '=', predecessorId)
    .orderBy('successor_id')
    .execute();
}

/** Children whose interval would leave [from, to): starting before `from`, or ending after `to` (or never). */
export async function countChildrenOutside(db: Q, parentId: string, from: string | null, to: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from units c
    where c.parent_id = ${parentId}
      and (${from}::date is not null and (c.valid_from is null or c.valid_from < ${from}::date)
        or ${to}::date is not null and (c.valid_to is null or c.valid_to > ${to}::date))`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Entries registered by the unit for a year in which [from, to) has no day. */
export async function countEntriesOutside(db: Q, unitId: string, from: string | null, to: string | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from entries e
    where e.registering_unit_id = ${unitId}
      and (${from}::date is not null and make_date(e.year, 12, 31) < ${from}::date
        or ${to}::date is not null and make_date(e.year, 1, 1) >= ${to}::date)`.execute(db);
  return rows[0]?.n ?? 0;
}


/**
 * Runs `write` with the attribution triggers deferred, then recomputes the attribution once (a
 * replacement of links is two statements: one recomputation instead of two). Same transaction.
 */
export async function withAttributionDeferred<T>(trx: Q, write: () => Promise<T>): Promise<T> {
  await sql`select set_config('danvan.defer_attribution', 'on', true)`.execute(trx);
  const out = await write();
  await sql`select set_config('danvan.defer_attribution', 'off', true)`.execute(trx);
  await sql`select danvan_refresh_attribution()`.execute(trx);
  return out;
}
