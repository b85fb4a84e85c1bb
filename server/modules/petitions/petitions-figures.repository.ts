/**
 * Petition figures, the one query behind the report engine and the dashboard (issue 5): received,
 * resolved (on time / late) and overdue, grouped by any of kind, category, channel, unit (the
 * child of the area a petition falls under, null for the area's own) and period (month, year).
 * Counts only: no identity, title or content leaves this query.
 *
 * A petition belongs to its receiving unit (`unit_id`) and is attributed like entries
 * (docs/reports.md): for an area in force, every unit whose attributed unit in force
 * (`units.current_path`) lies in it, so a retired commune's petitions count under the commune
 * that took it over; for a retired area, its own historical subtree (`units.path`).
 * Counted on petitions received in [from, to]; "overdue" is judged on `asOf`: still open that day
 * (not closed, or closed after it) and due before it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

export const FIGURE_GROUPS = ['kind', 'category', 'channel', 'unit', 'month', 'year'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** The area: the attributed tree of a unit in force (`current`), or the historical subtree of a retired one. */
export type FigureArea = { mode: 'current' | 'historical'; path: string };

export type FigureQuery = {
  area: FigureArea;
  from: string;
  to: string;
  asOf: string;
  /**
   * Also the range before, scanned at once (it must end the day before `from`): its rows come
   * with `which` 1 and no unit (the report gives the previous range as totals only).
   */
  previous?: { from: string; asOf: string };
  groupBy: readonly FigureGroup[];
};

export type FigureCounts = { received: number; resolved: number; resolvedOnTime: number; resolvedLate: number; overdue: number };
export type FigureRow = FigureCounts & { which: 0 | 1; key: Partial<Record<FigureGroup, string | null>> };

export async function findPetitionFigures(db: Kysely<Database>, q: FigureQuery): Promise<FigureRow[]> {
  const column = sql.ref(q.area.mode === 'current' ? 'current_path' : 'path');
  const inRange = sql`p.received_on >= ${q.from}::date`;
  const asOf = q.previous ? sql`case when ${inRange} then ${q.asOf}::date else ${q.previous.asOf}::date end` : sql`${q.asOf}::date`;
  const keys: Record<FigureGroup, ReturnType<typeof sql>> = {
    kind: sql`p.kind`,
    category: sql`p.category_code`,
    channel: sql`p.channel`,
    unit: sql`case when ${inRange} then u.child end`,
    month: sql`to_char(p.received_on, 'YYYY-MM')`,
    year: sql`to_char(p.received_on, 'YYYY')`,
  };
  const groups = q.groupBy.map((g) => sql`${keys[g]} as ${sql.ref(g)}`);
  const { rows } = await sql<Record<string, string | number | null>>`
    with u as materialized (
      select id, case when nlevel(${column}) > nlevel(${q.area.path}::ltree) then subpath(${column}, nlevel(${q.area.path}::ltree), 1)::text end as child
      from units where ${column} <@ ${q.area.path}::ltree)
    select ${sql.join([sql`case when ${inRange} then 0 else 1 end as which`, ...groups])},
      count(*)::int as received,
      count(*) filter (where p.status = 'resolved')::int as resolved,
      count(*) filter (where p.status = 'resolved' and p.closed_on <= p.due_on)::int as on_time,
      count(*) filter (where p.status = 'resolved' and p.closed_on > p.due_on)::int as late,
      count(*) filter (where p.due_on < ${asOf} and (p.closed_on is null or p.closed_on > ${asOf}))::int as overdue
    from u join petitions p on p.unit_id = u.id
    where p.received_on between ${q.previous?.from ?? q.from}::date and ${q.to}::date
    group by ${sql.join([sql`1`, ...q.groupBy.map((_, i) => sql.lit(i + 2))])}
    order by ${sql.join([sql`1`, ...q.groupBy.map((_, i) => sql.lit(i + 2))])}`.execute(db);
  return rows.map((r) => ({
    which: r.which as 0 | 1,
    key: Object.fromEntries(q.groupBy.map((g) => [g, r[g] as string | null])),
    received: r.received as number,
    resolved: r.resolved as number,
    resolvedOnTime: r.on_time as number,
    resolvedLate: r.late as number,
    overdue: r.overdue as number,
  }));
}
