/**
 * The SQL side of `canReadRecord` (access.ts): which units' records a list shows. A record (an
 * entry, a commendation) is read where its unit lies or where that unit's records count today
 * (`units.current_path`: a commune retired in 2025 counts under the commune in force that took it
 * over, see docs/reports.md), so a list cannot stop at the reader's subtrees: it also takes the
 * retired units attributed into them.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.js';
import { pathCovers } from './access.js';

/**
 * Where a list looks: records whose unit path lies in one of `subtrees` ('' is everything) or
 * equals one of `units`. Whole subtrees wherever every unit below is in (indexes and summaries
 * keyed by subtree keep working); a unit with some descendant attributed elsewhere is taken alone.
 */
export type RecordArea = { subtrees: string[]; units: string[] };

/** The records whose unit path (`column`) lies in `area`: for lists without a tuned scope clause of their own. */
export function inRecordArea(column: string, area: RecordArea): RawBuilder<boolean> {
  if (area.subtrees.includes('')) return sql<boolean>`true`;
  if (!area.subtrees.length && !area.units.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.ref(column)} <@ ${area.subtrees}::ltree[] or ${sql.ref(column)} = any(${area.units}::ltree[]))`;
}

/** A unit's path and the path of the unit in force its records count under, or undefined when there is no such unit. */
export async function findUnitPaths(db: Db, id: string): Promise<{ path: string; current_path: string | null } | undefined> {
  const { rows } = await sql<{ path: string; current_path: string | null }>`
    select path::text as path, current_path::text as current_path from units where id = ${id}`.execute(db);
  return rows[0];
}

const EVERYWHERE: RecordArea = { subtrees: [''], units: [] };

/** The paths of `paths` not inside another one of them (one look-up per ancestor: hundreds of paths at a time). */
function outermost(paths: string[]): string[] {
  const all = new Set(paths);
  if (all.has('')) return [''];
  return [...all].filter((p) => {
    const labels = p.split('.');
    for (let n = 1; n < labels.length; n++) if (all.has(labels.slice(0, n).join('.'))) return false;
    return true;
  });
}

/** `v`'s own path or its unit in force lies in one of `paths`. */
const inOrCountsIn = (v: string, paths: string[]): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(`${v}.path`)} <@ ${paths}::ltree[] or coalesce(${sql.ref(`${v}.current_path`)} <@ ${paths}::ltree[], false))`;

/**
 * The area of records a reader with `units.read` on `scopes` (undefined: everywhere) sees, narrowed
 * to `within` when given (a unit chosen as a filter: its subtree and the units counting under it).
 * The caller has checked that `within` is readable (`canReadRecord`).
 */
export async function findRecordArea(db: Db, scopes: string[] | undefined, within?: string): Promise<RecordArea> {
  // A scope on the root (one label: the country) reaches everything, as '' does; taken as a path it
  // would make the query below walk every unit of the country on every list.
  const everywhere = scopes === undefined || scopes.some((p) => p === '' || !p.includes('.'));
  if (everywhere && within === undefined) return EVERYWHERE;
  const s = everywhere ? undefined : outermost(scopes);
  // Units in by their own path: wholly inside both the scopes and `within`.
  let base: string[];
  if (!s) base = [within!];
  else if (within === undefined) base = s;
  else base = outermost(s.flatMap((p) => (pathCovers(p, within) ? [within] : pathCovers(within, p) ? [p] : [])));
  // The rest come in through their unit in force, which lies in the scopes or in `within`.
  const through = outermost([...(s ?? []), ...(within === undefined ? [] : [within])]);
  if (!through.length) return { subtrees: base, units: [] };
  const wanted = (v: string) => sql<boolean>`(${s ? inOrCountsIn(v, s) : sql`true`} and ${within === undefined ? sql`true` : inOrCountsIn(v, [within])})`;
  const { rows } = await sql<{ path: string; mixed: boolean }>`
    with x as materialized (
      -- One index scan of units (current_path) per path: \`<@ ltree[]\` would read every unit.
      select u.id, u.parent_id, u.path from unnest(${through}::ltree[]) t(p) join units u on u.current_path <@ t.p
      where ${wanted('u')} and not u.path <@ ${base}::ltree[]
    ),
    -- Their subtrees, read once from the outermost of them (whose parent is not one of them) …
    top as (select x.path from x where x.parent_id is null or x.parent_id not in (select id from x)),
    -- … for the units below that count elsewhere: each unit above one of those is taken alone.
    stray as materialized (select d.path from top join units d on d.path <@ top.path where not ${wanted('d')})
    select x.path::text as path, exists (select 1 from stray s where s.path <@ x.path) as mixed
    from x`.execute(db);
  // Outermost over both: a subtree counted twice would count its records twice in the facets.
  const subtrees = outermost([...base, ...rows.filter((r) => !r.mixed).map((r) => r.path)]);
  return { subtrees, units: rows.filter((r) => r.mixed).map((r) => r.path) };
}
