/**
 * The report engine: one unit's whole subtree over one range, with the previous range of the same
 * length and the breakdown by child unit. The API, the CLI, the documents, the reviews and the
 * dashboard all call it, so their figures cannot differ.
 *
 * Totals are sums over the children (the unit's own records being one more "child"), computed
 * from the same grouped rows: the consistency rule of docs/reports.md holds by construction.
 * The rows come from the summaries kept by the database for the country and the provinces, and
 * are counted from the records below (report-counts.ts); both give the same rows.
 * Who may read: `units.read` on the unit, or for a retired unit on the unit in force its records
 * now count under; anything else answers NOT_FOUND.
 */
import { type Headline, headline, type Report, type ReportChild, type ReportQuery, type ReportRange, type ReportView, reportView } from '../../../common/reports.js';
import { AppError } from '../../errors.js';
import { type Actor, can } from '../../http/access.js';
import { type Ctx, reportReader } from '../../http/context.js';
import { todayInVietnam } from '../entries/entry-progress.service.js';
import { childFigures, childIdsOf, deal, emptyFigures, headlineMinus, type ReportCounts, totalOf, zeroHeadline } from './report-assembly.js';
import { countFromSummaries, type CountQuery, countRecords, readsSummaries } from './report-counts.js';
import { reportPieces, singlePieces } from './report-pieces.js';
import { previousRange, rangeYears, resolveRange } from './report-range.js';
import { findChildTotals, findRegisteringOverPieces } from './report-summaries.repository.js';
import * as repo from './reports.repository.js';
import { situationBlockOf } from '../situation-reports/situation-figures.js';
import { hotspotBlockOf } from '../hotspots/hotspot-report.js';
import { religiousBlockOf } from '../religious-affairs/religious-report.js';
import { grassrootsBlockOf } from './report-grassroots.js';

const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} not found`, { what, id });

/** The unit of a report, when the actor may read its report (its own path or, retired, its unit in force). */
export async function getReportableUnit(ctx: Ctx, actor: Actor, unitId: string): Promise<repo.ReportUnitRow> {
  const unit = await repo.findReportUnit(ctx.db, unitId);
  if (!unit) throw notFound('unit', unitId);
  const readable = can(actor, 'units.read', unit.path) || (unit.current_path !== null && can(actor, 'units.read', unit.current_path));
  if (!readable) throw notFound('unit', unitId);
  return unit;
}

/**
 * The report, after checking that the actor may read it. Read from the report replica when one
 * is configured (the files call this), so it may be seconds behind.
 */
export async function reportFor(ctx: Ctx, actor: Actor, query: ReportQuery): Promise<Report> {
  const reader = reportReader(ctx);
  return reportOf(reader, await getReportableUnit(reader, actor, query.unitId), query);
}

/** The range of a query (with the emulation period looked up); NOT_FOUND for an unknown period. */
export async function resolveReportRange(ctx: Ctx, query: ReportQuery): Promise<ReportRange> {
  if (query.period !== 'emulation_period' || query.periodId === undefined) return resolveRange(query);
  const p = await repo.findEmulationPeriod(ctx.db, query.periodId);
  if (!p) throw notFound('emulation period', query.periodId);
  return resolveRange(query, { id: p.id, startYear: p.start_year, endYear: p.end_year });
}

/** The range and the previous one as the one span the counting queries scan. */
export function reportSpan(range: ReportRange, previous: ReportRange): repo.ReportSpan {
  if (range.basis === 'year') return { basis: 'year', prevStart: rangeYears(previous)[0], start: rangeYears(range)[0], end: rangeYears(range)[1] };
  return { basis: 'registration_date', prevStart: previous.from, start: range.from, end: range.to };
}

/**
 * The report of a unit over a range, from the primary (a review stores it as its snapshot, which
 * must include what was just recorded). Does not check who asks: callers do (`reportFor`,
 * `getReportableUnit`). Throws NOT_FOUND for an unknown unit or emulation period,
 * VALIDATION_FAILED for missing parameters, INVALID_RANGE for an inverted or too long range.
 * A range without data is a report of zeros.
 */
export async function buildReport(ctx: Ctx, query: ReportQuery): Promise<Report> {
  return reportOf(ctx, await unitOf(ctx, query), query);
}

/** `buildReport` with every figure counted from the records (the reference of the property test and the bench's "old way"). */
export async function buildReportFromRecords(ctx: Ctx, query: ReportQuery): Promise<Report> {
  return reportOf(ctx, await unitOf(ctx, query), query, 'records');
}

/**
 * What `GET /api/reports` answers (`reportView(buildReport(…))`), after checking that the actor may
 * read it, from the report replica when one is configured. For the country and a province, each
 * child's headline figures are read as the summaries keep them, not folded from its cells.
 */
export async function reportViewFor(ctx: Ctx, actor: Actor, query: ReportQuery): Promise<ReportView> {
  const reader = reportReader(ctx);
  return viewOf(reader, await getReportableUnit(reader, actor, query.unitId), query);
}

/** `reportViewFor` without the check of who asks. */
export async function buildReportView(ctx: Ctx, query: ReportQuery): Promise<ReportView> {
  return viewOf(ctx, await unitOf(ctx, query), query);
}

/** The view of a unit already found (and checked) by the caller. */
export const reportViewOfUnit = (ctx: Ctx, unit: repo.ReportUnitRow, query: ReportQuery): Promise<ReportView> => viewOf(ctx, unit, query);

async function unitOf(ctx: Ctx, query: ReportQuery): Promise<repo.ReportUnitRow> {
  const unit = await repo.findReportUnit(ctx.db, query.unitId);
  if (!unit) throw notFound('unit', query.unitId);
  return unit;
}

/** The scope, ranges and reference days of a report. */
async function countQuery(ctx: Ctx, unit: repo.ReportUnitRow, query: ReportQuery): Promise<CountQuery> {
  const range = await resolveReportRange(ctx, query);
  const previous = previousRange(range);
  const scope: repo.ReportScope = { mode: unit.attribution === 'self' ? 'current' : 'historical', path: unit.path };
  // Overdue is judged on the range's last day, or today while the range is still running.
  const today = todayInVietnam();
  const asOf = (day: string) => (day < today ? day : today);
  return { scope, unitId: unit.id, range, previous, span: reportSpan(range, previous), asOf: asOf(range.to), prevAsOf: asOf(previous.to) };
}

/** What every report shows besides its counts: its children, and the names of the codes. */
async function shell(ctx: Ctx, unit: repo.ReportUnitRow, q: CountQuery) {
  const [childRows, nationalFields, catalogues] = await Promise.all([repo.findChildren(ctx.db, unit.id, q.scope.mode), repo.findFields(ctx.db, []), repo.findCatalogueNames(ctx.db)]);
  return { childRows, nationalFields, catalogues };
}

/** The report's header, ranges, totals, attribution and names; `children` as the caller builds them. */
async function compose<C>(ctx: Ctx, unit: repo.ReportUnitRow, q: CountQuery, counts: ReportCounts, s: Awaited<ReturnType<typeof shell>>, children: C[]) {
  const dealt = deal(counts);
  const current = totalOf(dealt, 0);
  // A unit's own fields (not national) appear only when its entries use them.
  const known = new Set(s.nationalFields.map((f) => f.code));
  const extra = [...new Set(counts.cells.map((c) => c.field_code))].filter((code) => !known.has(code));
  // The blocks are independent of one another: read at once, not one after another.
  const [fields, situation, hotspots, religiousAffairs, grassroots] = await Promise.all([
    extra.length ? repo.findFields(ctx.db, extra) : s.nationalFields,
    situationBlockOf(ctx.db, unit.path, q.range, q.previous),
    hotspotBlockOf(ctx.db, unit.path, q.range),
    religiousBlockOf(ctx.db, unit.path, q.range),
    grassrootsBlockOf(ctx.db, unit.path, q.range, q.asOf),
  ]);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, validFrom: unit.valid_from, validTo: unit.valid_to, inForce: q.scope.mode === 'current' },
    range: q.range,
    previousRange: q.previous,
    figures: current.figures,
    previous: totalOf(dealt, 1).figures,
    children,
    attribution: current.sums,
    fields,
    commendationForms: s.catalogues.commendationForms,
    petitionCategories: s.catalogues.petitionCategories,
    situation,
    hotspots,
    religiousAffairs,
    grassroots,
    generatedAt: new Date().toISOString(),
  };
}

const unitRef = (c: repo.ChildRow) => ({ id: c.id, name: c.name, kind: c.kind, code: c.code, validFrom: c.valid_from, validTo: c.valid_to });

async function reportOf(ctx: Ctx, unit: repo.ReportUnitRow, query: ReportQuery, source: 'auto' | 'records' = 'auto'): Promise<Report> {
  const q = await countQuery(ctx, unit, query);
  const fromSummaries = source === 'auto' && readsSummaries(unit.path, 'children');
  const [counts, s] = await Promise.all([fromSummaries ? countFromSummaries(ctx.db, q, true) : countRecords(ctx.db, q), shell(ctx, unit, q)]);
  const dealt = deal(counts);
  const listed = new Set(s.childRows.map((c) => c.id));
  // A child the data names but the list lacks (not expected: each record's child is a listed unit); fetched rather than dropped.
  const missing = childIdsOf(dealt).filter((id) => !listed.has(id));
  if (missing.length) s.childRows.push(...(await repo.findUnitRefs(ctx.db, missing)));
  const children: ReportChild[] = s.childRows.map((c) => ({ unit: unitRef(c), figures: childFigures(dealt, c.id) ?? emptyFigures() }));
  const own = childFigures(dealt, null);
  if (own) children.push({ unit: null, figures: own });
  return compose(ctx, unit, q, counts, s, children);
}

/**
 * The view of a report. From the summaries when its unit keeps cells and its range has no edge
 * days: the unit's own figures as the full report has them, each child's headline as the
 * summaries keep it, and the unit's own records as what the children leave. Otherwise the full
 * report folded (`reportView`).
 */
async function viewOf(ctx: Ctx, unit: repo.ReportUnitRow, query: ReportQuery): Promise<ReportView> {
  const q = await countQuery(ctx, unit, query);
  const pieces = reportPieces(q.range, q.previous);
  if (!readsSummaries(unit.path, 'own') || pieces.edges.length) return reportView(await reportOf(ctx, unit, query));
  const node = { id: unit.id, mode: q.scope.mode };
  const [counts, childTotals, registeringByChild, s] = await Promise.all([
    countFromSummaries(ctx.db, q, false, pieces),
    findChildTotals(ctx.db, node, pieces.pieces),
    // Distinct registering units over several periods are not sums: counted per child from the registering units.
    singlePieces(pieces) ? undefined : findRegisteringOverPieces(ctx.db, q.scope, pieces.pieces, pieces.edges),
    shell(ctx, unit, q),
  ]);
  const byId = new Map(childTotals.map((t) => [t.child, t]));
  const registering = new Map((registeringByChild ?? []).filter((r) => r.which === 0).map((r) => [r.child, r.n]));
  const children = s.childRows.map((c) => {
    const t = byId.get(c.id);
    const figures: Headline = t
      ? {
          entries: t.entries,
          models: t.models,
          typicalExamples: t.entries - t.models,
          collective: t.collective,
          individual: t.entries - t.collective,
          registeringUnits: registeringByChild ? (registering.get(c.id) ?? 0) : t.registering_units,
          recognisedTypical: t.typical,
          replicated: t.replicated,
          commendedCollectives: t.commended_collectives,
          commendedIndividuals: t.commended_individuals,
          petitionsReceived: t.petitions_received,
        }
      : zeroHeadline();
    return { unit: unitRef(c), figures, all: t?.n ?? 0 };
  });
  const report = await compose(ctx, unit, q, counts, s, [] as ReportView['children']);
  // The unit's own records: what its figures hold beyond its children's (any status counts for "has any").
  let own = headline(report.figures);
  let ownAll = counts.cells.filter((c) => c.which === 0).reduce((n, c) => n + c.n, 0);
  for (const c of children) {
    own = headlineMinus(own, c.figures);
    ownAll -= c.all;
  }
  report.children = children.map((c) => ({ unit: c.unit, figures: c.figures }));
  // Its own tasks, sessions or submissions give it a line too, as in the full report (they are not headline figures).
  const ownTasks = counts.tasks.some((r) => r.which === 0 && !r.whole && r.child === null);
  if (ownAll > 0 || own.commendedCollectives > 0 || own.commendedIndividuals > 0 || own.petitionsReceived > 0 || ownTasks) report.children.push({ unit: null, figures: own });
  return report;
}
