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
 *
 * Where it reads (issue 13): the country and the provinces keep their petition figures in summaries
 * (`report_petition_cells`, `report_petition_open`: petitions overdue on some day, by due and
 * closing day), so their whole months, quarters and years are read from there and only the partial
 * months at the edges of a range from the petitions; a smaller area, or a breakdown by unit whose
 * children keep no cells, counts the petitions of its units directly. Both give the same rows
 * (petitions-figures.test.ts, the report's property test).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { cutDays, type Edge, type Grain, type Piece } from '../reports/report-pieces.js';
import { CELL_DEPTH, childNodes, depthOf, inPieces, summaryRows, whichOf } from '../reports/report-summary-sql.js';

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

type Span = Edge & { asOf: string };

const DAY = 86_400_000;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** The range, and the previous one when asked for, as day spans with their reference day. */
function spansOf(q: FigureQuery): Span[] {
  const spans: Span[] = [{ from: q.from, to: q.to, which: 0, asOf: q.asOf }];
  if (q.previous) spans.push({ from: q.previous.from, to: dayBefore(q.from), which: 1, asOf: q.previous.asOf });
  return spans;
}

/** Whether the summaries can answer: an area that keeps cells, and children that do when broken down by unit. */
export function figuresFromSummaries(q: Pick<FigureQuery, 'area' | 'groupBy'>): boolean {
  const depth = depthOf(q.area.path);
  return depth <= CELL_DEPTH && (!q.groupBy.includes('unit') || depth + 1 <= CELL_DEPTH);
}

export async function findPetitionFigures(db: Kysely<Database>, q: FigureQuery): Promise<FigureRow[]> {
  const spans = spansOf(q);
  const parts: RawBuilder<unknown>[] = [];
  let edges: Span[] = spans;
  if (figuresFromSummaries(q)) {
    // A month breakdown needs month rows; otherwise the largest periods that fit.
    const grains: Grain[] = q.groupBy.includes('month') ? ['m'] : ['y', 'q', 'm'];
    const cut = spans.map((s) => ({ s, c: cutDays(s.from, s.to, s.which, grains) }));
    parts.push(summaryPart(q, cut.flatMap((x) => x.c.pieces), asOfByWhich(spans)));
    edges = cut.flatMap((x) => x.c.edges.map((e) => ({ ...e, asOf: x.s.asOf })));
  }
  if (edges.length) parts.push(directPart(q, edges));
  const groups = q.groupBy.map((g) => sql.ref(g));
  const positions = q.groupBy.map((_, i) => sql.lit(i + 2));
  const { rows } = await sql<Record<string, string | number | null>>`
    with u as materialized (${unitsOf(q.area, edges.length > 0)})
    select ${sql.join([sql`which`, ...groups])},
      sum(received)::int as received, sum(resolved)::int as resolved, sum(on_time)::int as on_time, sum(late)::int as late, sum(overdue)::int as overdue
    from (${sql.join(parts, sql` union all `)}) x
    group by ${sql.join([sql`1`, ...positions])}
    having sum(received) <> 0
    order by ${sql.join([sql`1`, ...positions])}`.execute(db);
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

const asOfByWhich = (spans: Span[]) => ({ 0: spans[0]!.asOf, 1: spans[1]?.asOf ?? spans[0]!.asOf });

/**
 * The units whose petitions the area counts, each with the child it falls under (null: the area's
 * own). Only the direct part reads it (an empty set when the summaries answer everything). The
 * task figures count their records under the same units (task-figures.repository.ts).
 */
export function unitsOf(area: FigureArea, needed: boolean) {
  const column = sql.ref(area.mode === 'current' ? 'current_path' : 'path');
  return sql`
    select id, case when nlevel(${column}) > nlevel(${area.path}::ltree) then subpath(${column}, nlevel(${area.path}::ltree), 1)::text end as child
    from units where ${needed} and ${column} <@ ${area.path}::ltree`;
}

/** The petitions of the area's units received in the spans, counted one by one. */
function directPart(q: FigureQuery, spans: Span[]) {
  const which = sql`case ${sql.join(spans.map((s) => sql`when p.received_on between ${s.from}::date and ${s.to}::date then ${sql.lit(s.which)}`), sql` `)} end`;
  const asOf = sql`case ${sql.join(spans.map((s) => sql`when p.received_on between ${s.from}::date and ${s.to}::date then ${s.asOf}::date`), sql` `)} end`;
  const keys: Record<FigureGroup, RawBuilder<unknown>> = {
    kind: sql`p.kind`,
    category: sql`p.category_code`,
    channel: sql`p.channel`,
    unit: sql`case when ${which} = 0 then u.child end`,
    month: sql`to_char(p.received_on, 'YYYY-MM')`,
    year: sql`to_char(p.received_on, 'YYYY')`,
  };
  return sql`
    select ${which} as which, ${sql.join(q.groupBy.map((g) => sql`${keys[g]} as ${sql.ref(g)}`).concat(sql`1 as one`))},
      count(*) as received,
      count(*) filter (where p.status = 'resolved') as resolved,
      count(*) filter (where p.status = 'resolved' and p.closed_on <= p.due_on) as on_time,
      count(*) filter (where p.status = 'resolved' and p.closed_on > p.due_on) as late,
      count(*) filter (where p.due_on < ${asOf} and (p.closed_on is null or p.closed_on > ${asOf})) as overdue
    from u join petitions p on p.unit_id = u.id
    where ${sql.join(spans.map((s) => sql`p.received_on between ${s.from}::date and ${s.to}::date`), sql` or `)}
    group by ${sql.join([sql`1`, ...q.groupBy.map((_, i) => sql.lit(i + 2))])}`;
}

/**
 * The area's summary rows of the pieces (and, by unit, its children's: each child's rows under its
 * id, and subtracted from the area's own, which is what is left).
 */
function summaryPart(q: FigureQuery, pieces: Piece[], asOf: { 0: string; 1: string }) {
  const node = q.area.path.split('.').at(-1)!;
  const range = pieces.filter((p) => p.which === 0);
  const which = whichOf(pieces);
  const keysOf = (unit: RawBuilder<unknown>): RawBuilder<unknown>[] => {
    const keys: Record<FigureGroup, RawBuilder<unknown>> = {
      kind: sql`kind`,
      category: sql`category_code`,
      channel: sql`channel`,
      unit,
      month: sql`(period / 100)::text || '-' || lpad((period % 100)::text, 2, '0')`,
      year: sql`(case grain when 'y' then period when 'q' then period / 10 else period / 100 end)::text`,
    };
    return q.groupBy.map((g) => sql`${keys[g]} as ${sql.ref(g)}`).concat(sql`1 as one`);
  };
  const overdue = (whichExpr: RawBuilder<unknown>) =>
    sql`case when due_on < (case when ${whichExpr} = 0 then ${asOf[0]}::date else ${asOf[1]}::date end)
      and closed_on > (case when ${whichExpr} = 0 then ${asOf[0]}::date else ${asOf[1]}::date end) then n else 0 end`;
  const cellCols = sql`node_id, grain, period, kind, category_code, channel, received, resolved, on_time, late`;
  const openCols = sql`node_id, grain, period, kind, category_code, channel, due_on, closed_on, n`;
  const rowsOf = (where: RawBuilder<unknown>, whichExpr: RawBuilder<unknown>, unit: RawBuilder<unknown>, sign: 1 | -1) => sql`
    select ${whichExpr} as which, ${sql.join(keysOf(unit))},
      ${sql.lit(sign)} * received as received, ${sql.lit(sign)} * resolved as resolved, ${sql.lit(sign)} * on_time as on_time, ${sql.lit(sign)} * late as late, 0 as overdue
    from ${summaryRows('report_petition_cells', cellCols, where)} c
    union all
    select ${whichExpr}, ${sql.join(keysOf(unit))}, 0, 0, 0, 0, ${sql.lit(sign)} * ${overdue(whichExpr)}
    from ${summaryRows('report_petition_open', openCols, where)} o`;
  const parts = [rowsOf(sql`node_id = ${node} and ${inPieces(pieces)}`, which, sql`null::text`, 1)];
  if (q.groupBy.includes('unit') && range.length) {
    const children = sql`node_id in ${childNodes(node, q.area.mode)} and ${inPieces(range)}`;
    parts.push(rowsOf(children, sql`0`, sql`null::text`, -1), rowsOf(children, sql`0`, sql`node_id::text`, 1));
  }
  return sql.join(parts, sql` union all `);
}
