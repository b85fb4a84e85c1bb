/**
 * SQL pieces for reading the summaries of migration 20261205300000_report_summaries: which nodes
 * keep which rows, a summary read as its rows plus the deltas not yet folded in, and the
 * conditions that pick a report's periods. Used by the report engine and the petitions' figure query.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Grain, Piece } from './report-pieces.js';

/** Units down to this depth (the root 1, provinces 2) keep cells: their reports are read from the summaries. */
export const CELL_DEPTH = 2;
/** Units down to this depth keep headline totals: the children of those with cells. */
export const TOTAL_DEPTH = 3;

/** The depth of a unit's path (the root's is 1). */
export const depthOf = (path: string) => path.split('.').length;

/**
 * A summary table's rows where `where` holds, plus its pending deltas (written by the triggers,
 * folded by `report_compact()`): a reader sums both, so a delta counts from its commit on.
 */
export function summaryRows(table: 'report_entry_cells' | 'report_totals' | 'report_commendation_cells' | 'report_petition_cells' | 'report_petition_open', columns: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  return sql`(select ${columns} from ${sql.table(table)} where ${where} union all select ${columns} from ${sql.table(`${table}_pending`)} where ${where})`;
}

/** `(grain, period)` is one of the pieces (false for none). */
export function inPieces(pieces: readonly Piece[]): RawBuilder<unknown> {
  const grains = [...new Set(pieces.map((p) => p.grain))] as Grain[];
  if (!grains.length) return sql`false`;
  return sql`(${sql.join(
    grains.map((g) => sql`(grain = ${g} and period = any (${pieces.filter((p) => p.grain === g).map((p) => p.period)}::int[]))`),
    sql` or `,
  )})`;
}

/** 0 for a row of the range's pieces, 1 for the previous range's. */
export function whichOf(pieces: readonly Piece[]): RawBuilder<0 | 1> {
  return sql<0 | 1>`case when ${inPieces(pieces.filter((p) => p.which === 0))} then 0 else 1 end`;
}

/** The children a report breaks down by: in force for a unit in force, all of them for a retired one. */
export function childNodes(parentId: string, mode: 'current' | 'historical'): RawBuilder<unknown> {
  return sql`(select id from units where parent_id = ${parentId} and (${mode === 'historical'} or attribution = 'self'))`;
}
