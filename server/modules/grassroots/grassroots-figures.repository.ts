/**
 * The figures of a unit's year, rolled up by its children in today's tree, from the summaries
 * the triggers keep (`grassroots_item_years`, `grassroots_decision_years`): a province's year
 * reads a few thousand summary rows, never the publications themselves. A retired commune's
 * records count under the unit that took it over (`units.current_path`), as tasks' do.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export type FigureRecord = {
  child: string | null;
  communes: number;
  items_published: number;
  items_overdue: number;
  items_never: number;
  decisions: number;
  decisions_passed: number;
  covenants: number;
};

export async function findFigures(db: Db, path: string, year: number): Promise<FigureRecord[]> {
  const depth = path.split('.').length;
  const { rows } = await sql<FigureRecord>`
    with req as (select count(*)::int as n from publication_items where required_yearly),
    cm as (
      select case when nlevel(u.path) > ${depth} then subpath(u.path, ${depth}, 1)::text end as child, count(*)::int as communes
      from units u where u.kind = 'commune' and (u.valid_to is null or u.valid_to > current_date) and u.path <@ ${path}::ltree
      group by 1
    ),
    iy as (
      select coalesce(u.current_path, u.path) as cp, g.item_code, sum(g.publications) as pubs, sum(g.late) as late
      from grassroots_item_years g join units u on u.id = g.unit_id
      where g.year = ${year} and g.publications > 0 and coalesce(u.current_path, u.path) <@ ${path}::ltree
      group by coalesce(u.current_id, u.id), 1, 2
    ),
    ic as (
      select case when nlevel(iy.cp) > ${depth} then subpath(iy.cp, ${depth}, 1)::text end as child,
        count(*) filter (where iy.late = 0)::int as published, count(*) filter (where iy.late > 0)::int as overdue,
        count(*) filter (where i.required_yearly)::int as required_published
      from iy join publication_items i on i.code = iy.item_code group by 1
    ),
    dc as (
      select case when nlevel(coalesce(u.current_path, u.path)) > ${depth} then subpath(coalesce(u.current_path, u.path), ${depth}, 1)::text end as child,
        sum(g.decisions)::int as decisions, sum(g.passed)::int as passed, sum(g.covenants)::int as covenants
      from grassroots_decision_years g join units u on u.id = g.unit_id
      where g.year = ${year} and coalesce(u.current_path, u.path) <@ ${path}::ltree group by 1
    ),
    keys as (select child from cm union select child from ic union select child from dc)
    select k.child, coalesce(cm.communes, 0) as communes, coalesce(ic.published, 0) as items_published, coalesce(ic.overdue, 0) as items_overdue,
      greatest(coalesce(cm.communes, 0) * (select n from req) - coalesce(ic.required_published, 0), 0)::int as items_never,
      coalesce(dc.decisions, 0) as decisions, coalesce(dc.passed, 0) as decisions_passed, coalesce(dc.covenants, 0) as covenants
    from keys k
    left join cm on cm.child is not distinct from k.child
    left join ic on ic.child is not distinct from k.child
    left join dc on dc.child is not distinct from k.child`.execute(db);
  return rows;
}

export async function findUnitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`select id::text, name from units where id = any(${ids}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many items the law requires every commune to publish each year (the report's "required"). */
export async function countRequiredItems(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from publication_items where required_yearly`.execute(db);
  return rows[0]!.n;
}
