/**
 * The report engine's reads from the summaries (migration 20261205300000_report_summaries): the
 * same rows as the counting queries of reports.repository.ts, from a few hundred summary rows of
 * the report's unit (and of its children for the breakdown) instead of its subtree's records.
 *
 * A child's figures are the child's own summary rows (each record of the unit's subtree counts under
 * exactly one child, or under none: the unit's own). The unit's own records are what is left, so
 * the breakdown is read as: the unit's rows, minus each child's, plus each child's under its id.
 */
import { type RawBuilder, sql } from 'kysely';
import { COUNTED_STATUSES } from '../../../common/reports.js';
import type { Db } from '../../db/database.js';
import type { Edge, Piece } from './report-pieces.js';
import { childNodes, inPieces, summaryRows, whichOf } from './report-summary-sql.js';
import type { CommendationRow, EntryCellRow, RegisteringUnitsRow, ReportScope } from './reports.repository.js';

/** A report's unit as a node of the summaries. */
export type SummaryNode = { id: string; mode: ReportScope['mode'] };

const counted = sql.join(COUNTED_STATUSES.map((s) => sql.lit(s)));
const CELL_DIMS = sql`year, field_code, kind, form, level, status, typical`;

/**
 * Reads `rows(where, which, child, sign)` for the unit's pieces, and with `byChild` also for its
 * children over the range's pieces: once subtracted under the unit's own (null), once under the
 * child's id.
 */
function withChildren(
  node: SummaryNode,
  pieces: readonly Piece[],
  byChild: boolean,
  rows: (where: RawBuilder<unknown>, which: RawBuilder<unknown>, child: RawBuilder<unknown>, sign: 1 | -1) => RawBuilder<unknown>,
) {
  const parts = [rows(sql`node_id = ${node.id} and ${inPieces(pieces)}`, whichOf(pieces), sql`null::text`, 1)];
  const range = pieces.filter((p) => p.which === 0);
  if (byChild && range.length) {
    const children = sql`node_id in ${childNodes(node.id, node.mode)} and ${inPieces(range)}`;
    parts.push(rows(children, sql`0`, sql`null::text`, -1), rows(children, sql`0`, sql`node_id::text`, 1));
  }
  return sql.join(parts, sql` union all `);
}

/** Entry cells by range and (with `byChild`) child: `findEntryCells`'s rows. */
export async function findSummaryEntryCells(db: Db, node: SummaryNode, pieces: readonly Piece[], byChild: boolean): Promise<EntryCellRow[]> {
  const cols = sql`node_id, grain, period, ${CELL_DIMS}, n, replicated, replicas, retired, partial`;
  const part = withChildren(node, pieces, byChild, (where, which, child, sign) => {
    const s = sql.lit(sign);
    return sql`select ${which} as which, ${child} as child, ${CELL_DIMS},
      ${s} * n as n, ${s} * replicated as replicated, ${s} * replicas as replicas, ${s} * retired as retired, ${s} * partial as partial
      from ${summaryRows('report_entry_cells', cols, where)} c`;
  });
  const { rows } = await sql<EntryCellRow>`
    select which, child, ${CELL_DIMS},
      sum(n)::int as n, sum(replicated)::int as replicated, sum(replicas)::int as replicas, sum(retired)::int as retired, sum(partial)::int as partial
    from (${part}) x
    group by which, child, ${CELL_DIMS}
    having (sum(n), sum(replicated), sum(replicas), sum(retired), sum(partial)) <> (0, 0, 0, 0, 0)`.execute(db);
  return rows;
}

/** Commendations by range, (child), form and recipient kind: `findCommendationCounts`'s rows. */
export async function findSummaryCommendations(db: Db, node: SummaryNode, pieces: readonly Piece[], byChild: boolean): Promise<CommendationRow[]> {
  const cols = sql`node_id, grain, period, form_code, recipient_kind, n, retired, partial`;
  const part = withChildren(node, pieces, byChild, (where, which, child, sign) => {
    const s = sql.lit(sign);
    return sql`select ${which} as which, ${child} as child, form_code, recipient_kind, ${s} * n as n, ${s} * retired as retired, ${s} * partial as partial
      from ${summaryRows('report_commendation_cells', cols, where)} c`;
  });
  const { rows } = await sql<CommendationRow>`
    select which, child, form_code, recipient_kind, sum(n)::int as n, sum(retired)::int as retired, sum(partial)::int as partial
    from (${part}) x
    group by which, child, form_code, recipient_kind
    having (sum(n), sum(retired), sum(partial)) <> (0, 0, 0)`.execute(db);
  return rows;
}

/**
 * Distinct registering units by range and (child), when the range and the previous one are one
 * summary period each: kept per node as counted.
 */
export async function findSummaryRegistering(db: Db, node: SummaryNode, pieces: readonly Piece[], byChild: boolean): Promise<RegisteringUnitsRow[]> {
  const cols = sql`node_id, grain, period, registering_units`;
  const part = withChildren(node, pieces, byChild, (where, which, child, sign) =>
    sql`select ${which} as which, ${child} as child, ${sql.lit(sign)} * registering_units as n from ${summaryRows('report_totals', cols, where)} t`,
  );
  const { rows } = await sql<RegisteringUnitsRow>`
    select which, child, sum(n)::int as n from (${part}) x group by which, child having sum(n) <> 0`.execute(db);
  return rows;
}

/**
 * Distinct registering units by range and child over several periods or with edge days: the
 * registering units of the scope (`units.current_path` or `path` under the unit) with a counted
 * entry in one of the pieces (per-unit counts) or on one of the edge days (the entries).
 */
export async function findRegisteringOverPieces(db: Db, scope: ReportScope, pieces: readonly Piece[], edges: readonly Edge[]): Promise<RegisteringUnitsRow[]> {
  const column = sql.ref(scope.mode === 'current' ? 'current_path' : 'path');
  const which = whichOf(pieces);
  // Each part carries its unit's child: joining the units a second time made PostgreSQL loop over
  // the materialized units once per row (minutes for the country).
  const parts = [sql`select ${which} as which, u.child, r.unit_id from u join report_unit_entries r on r.unit_id = u.id where r.n > 0 and ${inPieces(pieces)}`];
  if (edges.length) {
    const on = (e: Edge) => sql`e.registered_on between ${e.from}::date and ${e.to}::date`;
    parts.push(sql`
      select case ${sql.join(edges.map((e) => sql`when ${on(e)} then ${sql.lit(e.which)}`), sql` `)} end, u.child, e.registering_unit_id
      from u join entries e on e.registering_unit_id = u.id
      where e.status in (${counted}) and (${sql.join(edges.map(on), sql` or `)})`);
  }
  const { rows } = await sql<RegisteringUnitsRow>`
    with u as materialized (
      select id, case when nlevel(${column}) > nlevel(${scope.path}::ltree) then subpath(${column}, nlevel(${scope.path}::ltree), 1)::text end as child
      from units where ${column} <@ ${scope.path}::ltree)
    select x.which, case when x.which = 0 then x.child end as child, count(distinct x.unit_id)::int as n
    from (${sql.join(parts, sql` union all `)}) x
    group by 1, 2`.execute(db);
  return rows;
}

/** A child's headline figures in the range, as the summaries keep them (registering units: see `singlePieces`). */
export type ChildTotalsRow = {
  child: string;
  n: number;
  entries: number;
  models: number;
  collective: number;
  typical: number;
  replicated: number;
  registering_units: number;
  commended_collectives: number;
  commended_individuals: number;
  petitions_received: number;
};

/** The headline figures of each child of a unit over the range's pieces (one row per child with any). */
export async function findChildTotals(db: Db, node: SummaryNode, pieces: readonly Piece[]): Promise<ChildTotalsRow[]> {
  const range = pieces.filter((p) => p.which === 0);
  const values = ['n', 'entries', 'models', 'collective', 'typical', 'replicated', 'registering_units', 'commended_collectives', 'commended_individuals', 'petitions_received'];
  const cols = sql.raw(['node_id', 'grain', 'period', ...values].join(', '));
  const { rows } = await sql<ChildTotalsRow>`
    select node_id::text as child, ${sql.join(values.map((v) => sql`sum(${sql.ref(v)})::int as ${sql.ref(v)}`))}
    from ${summaryRows('report_totals', cols, sql`node_id in ${childNodes(node.id, node.mode)} and ${inPieces(range)}`)} t
    group by node_id`.execute(db);
  return rows;
}
