/**
 * Where a report's counts come from: the summaries kept by the database (the country and the
 * provinces, migration 20261205300000_report_summaries) or the records themselves (anything
 * smaller, the edge days of a custom range, and the reference the property test compares with).
 * Both give the same grouped rows (`ReportCounts`), dealt by report-assembly.ts.
 */
import type { ReportRange } from '../../../common/reports.js';
import type { Db } from '../../db/database.js';
import { findPetitionFigures } from '../petitions/petitions-figures.repository.js';
import { findTaskFigures } from '../tasks/task-figures.repository.js';
import type { ReportCounts } from './report-assembly.js';
import { type Edge, type Pieces, reportPieces, singlePieces } from './report-pieces.js';
import { findRegisteringOverPieces, findSummaryCommendations, findSummaryEntryCells, findSummaryRegistering, type SummaryNode } from './report-summaries.repository.js';
import { CELL_DEPTH, depthOf } from './report-summary-sql.js';
import * as repo from './reports.repository.js';

/** A report's scope, range and previous range, and the reference days of its overdue petitions. */
export type CountQuery = { scope: repo.ReportScope; unitId: string; range: ReportRange; previous: ReportRange; span: repo.ReportSpan; asOf: string; prevAsOf: string };

/** Counted record by record (the queries of reports.repository.ts). */
export async function countRecords(db: Db, q: CountQuery): Promise<ReportCounts> {
  const [cells, registering, commendations, petitions, tasks] = await Promise.all([
    repo.findEntryCells(db, q.scope, q.span),
    repo.findRegisteringUnits(db, q.scope, q.span),
    repo.findCommendationCounts(db, q.scope, { prevStart: q.previous.from, start: q.range.from, end: q.range.to }),
    repo.findPetitionCounts(db, q.scope, { prevStart: q.previous.from, start: q.range.from, end: q.range.to, asOf: q.asOf, prevAsOf: q.prevAsOf }),
    countTasks(db, q, true),
  ]);
  return { cells, registering, commendations, petitions, tasks };
}

/** The task figures of the range (by child when asked) and the previous range: counted from the records either way (task-figures.repository.ts says why). */
const countTasks = (db: Db, q: CountQuery, byChild: boolean) =>
  findTaskFigures(db, { area: q.scope, from: q.range.from, to: q.range.to, asOf: q.asOf, previous: { from: q.previous.from, asOf: q.prevAsOf }, byChild });

/** Whether a unit's report reads its own figures (`own`) or also its children's cells (`children`) from the summaries. */
export function readsSummaries(path: string, what: 'own' | 'children'): boolean {
  return depthOf(path) + (what === 'children' ? 1 : 0) <= CELL_DEPTH;
}

const DAY = 86_400_000;
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** An edge's days as a span of the counting queries: all in the range (which 0) or all before it (1). */
const edgeSpan = (e: Edge) => ({ prevStart: e.from, start: e.which === 0 ? e.from : dayAfter(e.to), end: e.to });

/**
 * From the summaries: whole periods read for the unit (and, `byChild`, its children), the edge days
 * counted from the records, distinct registering units as kept when the range and the previous one
 * are one period each, else over the registering units' own counts.
 */
export async function countFromSummaries(db: Db, q: CountQuery, byChild: boolean, pieces: Pieces = reportPieces(q.range, q.previous)): Promise<ReportCounts> {
  const node: SummaryNode = { id: q.unitId, mode: q.scope.mode };
  const edges = pieces.edges.map(edgeSpan);
  const edgeCells = edges.map((s) => repo.findEntryCells(db, q.scope, { basis: 'registration_date', ...s }));
  const edgeCommendations = edges.map((s) => repo.findCommendationCounts(db, q.scope, s));
  const [cells, registering, commendations, petitions, tasks, ...more] = await Promise.all([
    findSummaryEntryCells(db, node, pieces.pieces, byChild),
    singlePieces(pieces) ? findSummaryRegistering(db, node, pieces.pieces, byChild) : findRegisteringOverPieces(db, q.scope, pieces.pieces, pieces.edges),
    findSummaryCommendations(db, node, pieces.pieces, byChild),
    findPetitionFigures(db, {
      area: q.scope,
      from: q.range.from,
      to: q.range.to,
      asOf: q.asOf,
      previous: { from: q.previous.from, asOf: q.prevAsOf },
      groupBy: byChild ? ['unit', 'kind', 'category', 'channel'] : ['kind', 'category', 'channel'],
    }),
    // By child even for the view: it lists the unit's own line when the unit has tasks of its own (the same scan either way).
    countTasks(db, q, true),
    ...edgeCells,
    ...edgeCommendations,
  ]);
  const edgeRows = more as unknown[][];
  const byUnit = <T extends { child: string | null }>(rows: T[]): T[] => (byChild ? rows : rows.map((r) => ({ ...r, child: null })));
  return {
    cells: [...cells, ...edgeRows.slice(0, edges.length).flatMap((r) => byUnit(r as repo.EntryCellRow[]))],
    registering: byUnit(registering),
    commendations: [...commendations, ...edgeRows.slice(edges.length).flatMap((r) => byUnit(r as repo.CommendationRow[]))],
    petitions,
    tasks: tasks as Awaited<ReturnType<typeof countTasks>>,
  };
}
