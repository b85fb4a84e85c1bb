/**
 * The report engine: one unit's whole subtree over one range, with the previous range of the same
 * length and the breakdown by child unit. The API, the CLI, the documents, the reviews and the
 * dashboard all call `buildReport`, so their figures cannot differ.
 *
 * Totals are sums over the children (the unit's own records being one more "child"), computed
 * from the same grouped rows: the consistency rule of docs/reports.md holds by construction.
 * Who may read: `units.read` on the unit, or for a retired unit on the unit in force its records
 * now count under; anything else answers NOT_FOUND.
 */
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES } from '../../../common/entries.js';
import type { PetitionChannel, PetitionKind } from '../../../common/petitions.js';
import {
  COUNTED_STATUSES,
  emptyPetitions,
  type EntryCell,
  PETITION_COUNT_KEYS,
  type PetitionCounts,
  type Report,
  type ReportChild,
  type ReportFigures,
  type ReportPetitions,
  type ReportQuery,
  type ReportRange,
} from '../../../common/reports.js';
import { AppError } from '../../errors.js';
import { type Actor, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { todayInVietnam } from '../entries/entry-progress.service.js';
import { previousRange, rangeYears, resolveRange } from './report-range.js';
import * as repo from './reports.repository.js';

const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} not found`, { what, id });

/** The unit of a report, when the actor may read its report (its own path or, retired, its unit in force). */
export async function getReportableUnit(ctx: Ctx, actor: Actor, unitId: string): Promise<repo.ReportUnitRow> {
  const unit = await repo.findReportUnit(ctx.db, unitId);
  if (!unit) throw notFound('unit', unitId);
  const readable = can(actor, 'units.read', unit.path) || (unit.current_path !== null && can(actor, 'units.read', unit.current_path));
  if (!readable) throw notFound('unit', unitId);
  return unit;
}

/** The report, after checking that the actor may read it. */
export async function reportFor(ctx: Ctx, actor: Actor, query: ReportQuery): Promise<Report> {
  return reportOf(ctx, await getReportableUnit(ctx, actor, query.unitId), query);
}

/** The range of a query (with the emulation period looked up); NOT_FOUND for an unknown period. */
export async function resolveReportRange(ctx: Ctx, query: ReportQuery): Promise<ReportRange> {
  if (query.period !== 'emulation_period' || query.periodId === undefined) return resolveRange(query);
  const p = await repo.findEmulationPeriod(ctx.db, query.periodId);
  if (!p) throw notFound('emulation period', query.periodId);
  return resolveRange(query, { id: p.id, startYear: p.start_year, endYear: p.end_year });
}

/** The range and the previous one as the one span the queries scan. */
export function reportSpan(range: ReportRange, previous: ReportRange): repo.ReportSpan {
  if (range.basis === 'year') return { basis: 'year', prevStart: rangeYears(previous)[0], start: rangeYears(range)[0], end: rangeYears(range)[1] };
  return { basis: 'registration_date', prevStart: previous.from, start: range.from, end: range.to };
}

const emptyFigures = (): ReportFigures => ({
  entries: { total: 0, cells: [], registeringUnits: 0, replicated: 0, replicas: 0 },
  commendations: { collectives: 0, individuals: 0, byForm: [] },
  petitions: emptyPetitions(),
});

const addCounts = (to: PetitionCounts, from: PetitionCounts) => {
  for (const k of PETITION_COUNT_KEYS) to[k] += from[k];
};
const zeroCounts = (): PetitionCounts => ({ received: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, overdue: 0 });

/** Adds counts into a breakdown list under its code (kind, category or channel). */
function addTo<K extends 'kind' | 'categoryCode' | 'channel', T extends PetitionCounts & Record<K, string>>(list: T[], key: K, code: T[K], counts: PetitionCounts): void {
  let item = list.find((x) => x[key] === code);
  if (!item) list.push((item = { [key]: code, ...zeroCounts() } as T));
  addCounts(item, counts);
}

/** Adds one petition figure (totals and each breakdown) into another. */
function addPetitions(to: ReportPetitions, from: ReportPetitions): void {
  addCounts(to, from);
  for (const k of from.byKind) addTo(to.byKind, 'kind', k.kind, k);
  for (const c of from.byCategory) addTo(to.byCategory, 'categoryCode', c.categoryCode, c);
  for (const c of from.byChannel) addTo(to.byChannel, 'channel', c.channel, c);
}

function sortPetitions(p: ReportPetitions): void {
  p.byKind.sort((a, b) => text(a.kind, b.kind));
  p.byCategory.sort((a, b) => text(a.categoryCode, b.categoryCode));
  p.byChannel.sort((a, b) => text(a.channel, b.channel));
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Cells are ordered by year, then each dimension in turn (byte order). Each row gets one number
 * that encodes that order and identifies its combination, so the rows are sorted once (numbers,
 * not strings) and then dealt to their slots already in order, and the totals merge by number.
 * Sorting in SQL instead made PostgreSQL sort every record rather than hash them; keying by
 * strings and sorting each child apart cost a province's report ~8 ms of JS (docs/reports.md).
 */
function cellOrder(rows: readonly repo.EntryCellRow[]): (r: repo.EntryCellRow) => number {
  const rank = (values: Iterable<string>) => new Map([...new Set(values)].sort(text).map((v, i) => [v, i]));
  const field = rank(rows.map((r) => r.field_code));
  const kind = rank(ENTRY_KINDS);
  const form = rank(ENTRY_FORMS);
  const level = rank(ENTRY_LEVELS);
  const status = rank(ENTRY_STATUSES);
  const [F, K, Fo, L, S] = [field.size, kind.size, form.size, level.size, status.size];
  return (r) => ((((((r.year * F + field.get(r.field_code)!) * K + kind.get(r.kind)!) * Fo + form.get(r.form)!) * L + level.get(r.level)!) * S + status.get(r.status)!) * 2 + Number(r.typical));
}
const COUNTED = new Set<string>(COUNTED_STATUSES);

/** The sum of several figures but their cells (`reportOf` merges those): commendation forms by code, petitions by their codes. */
function sumFigures(parts: ReportFigures[]): ReportFigures {
  const out = emptyFigures();
  const forms = new Map<string, { formCode: string; collectives: number; individuals: number }>();
  for (const part of parts) {
    for (const k of ['total', 'registeringUnits', 'replicated', 'replicas'] as const) out.entries[k] += part.entries[k];
    out.commendations.collectives += part.commendations.collectives;
    out.commendations.individuals += part.commendations.individuals;
    addPetitions(out.petitions, part.petitions);
    for (const f of part.commendations.byForm) {
      const have = forms.get(f.formCode);
      if (have) {
        have.collectives += f.collectives;
        have.individuals += f.individuals;
      } else forms.set(f.formCode, { ...f });
    }
  }
  out.commendations.byForm = [...forms.values()].sort((a, b) => text(a.formCode, b.formCode));
  sortPetitions(out.petitions);
  return out;
}

type Slot = { figures: ReportFigures; retiredEntries: number; partialEntries: number; retiredCommendations: number; partialCommendations: number };

/**
 * The report of a unit over a range. Does not check who asks: callers do (`reportFor`,
 * `getReportableUnit`). Throws NOT_FOUND for an unknown unit or emulation period,
 * VALIDATION_FAILED for missing parameters, INVALID_RANGE for an inverted or too long range.
 * A range without data is a report of zeros.
 */
export async function buildReport(ctx: Ctx, query: ReportQuery): Promise<Report> {
  const unit = await repo.findReportUnit(ctx.db, query.unitId);
  if (!unit) throw notFound('unit', query.unitId);
  return reportOf(ctx, unit, query);
}

async function reportOf(ctx: Ctx, unit: repo.ReportUnitRow, query: ReportQuery): Promise<Report> {
  const range = await resolveReportRange(ctx, query);
  const previous = previousRange(range);
  const inForce = unit.attribution === 'self';
  const scope: repo.ReportScope = { mode: inForce ? 'current' : 'historical', path: unit.path };
  const s = reportSpan(range, previous);
  // Overdue is judged on the range's last day, or today while the range is still running.
  const today = todayInVietnam();
  const asOf = (day: string) => (day < today ? day : today);
  const [cells, registering, commendations, petitions, childRows, nationalFields, catalogues] = await Promise.all([
    repo.findEntryCells(ctx.db, scope, s),
    repo.findRegisteringUnits(ctx.db, scope, s),
    repo.findCommendationCounts(ctx.db, scope, { prevStart: previous.from, start: range.from, end: range.to }),
    repo.findPetitionCounts(ctx.db, scope, { prevStart: previous.from, start: range.from, end: range.to, asOf: asOf(range.to), prevAsOf: asOf(previous.to) }),
    repo.findChildren(ctx.db, unit.id, scope.mode),
    repo.findFields(ctx.db, []),
    repo.findCatalogueNames(ctx.db),
  ]);

  // One slot per (range, child); '' is the unit's own records.
  const slots = new Map<string, Slot>();
  const slot = (which: 0 | 1, child: string | null): Slot => {
    const key = `${which}:${child ?? ''}`;
    let sl = slots.get(key);
    if (!sl) slots.set(key, (sl = { figures: emptyFigures(), retiredEntries: 0, partialEntries: 0, retiredCommendations: 0, partialCommendations: 0 }));
    return sl;
  };
  // Rows in cell order: each slot's cells, and each range's merged cells, come out sorted.
  const order = cellOrder(cells);
  const sorted = cells.map((r) => ({ r, key: order(r) })).sort((a, b) => a.key - b.key);
  const merged: [Map<number, EntryCell>, Map<number, EntryCell>] = [new Map(), new Map()];
  for (const { r, key } of sorted) {
    const sl = slot(r.which, r.child);
    const e = sl.figures.entries;
    const cell: EntryCell = { year: r.year, fieldCode: r.field_code, kind: r.kind, form: r.form, level: r.level, status: r.status, typical: r.typical, n: r.n };
    e.cells.push(cell);
    const have = merged[r.which].get(key);
    if (have) have.n += r.n;
    else merged[r.which].set(key, { ...cell });
    if (COUNTED.has(r.status)) e.total += r.n;
    e.replicated += r.replicated;
    e.replicas += r.replicas;
    sl.retiredEntries += r.retired;
    sl.partialEntries += r.partial;
  }
  for (const r of registering) slot(r.which, r.child).figures.entries.registeringUnits += r.n;
  for (const r of commendations) {
    const sl = slot(r.which, r.child);
    const c = sl.figures.commendations;
    const collective = r.recipient_kind === 'collective';
    if (collective) c.collectives += r.n;
    else c.individuals += r.n;
    let form = c.byForm.find((f) => f.formCode === r.form_code);
    if (!form) c.byForm.push((form = { formCode: r.form_code, collectives: 0, individuals: 0 }));
    if (collective) form.collectives += r.n;
    else form.individuals += r.n;
    sl.retiredCommendations += r.retired;
    sl.partialCommendations += r.partial;
  }

  for (const r of petitions) {
    const p = slot(r.which, r.key.unit ?? null).figures.petitions;
    addCounts(p, r);
    addTo(p.byKind, 'kind', r.key.kind as PetitionKind, r);
    addTo(p.byCategory, 'categoryCode', r.key.category!, r);
    addTo(p.byChannel, 'channel', r.key.channel as PetitionChannel, r);
  }

  const childIds = [...new Set([...slots.keys()].map((k) => k.slice(2)).filter((id) => id !== ''))];
  const listed = new Set(childRows.map((c) => c.id));
  // A child the data names but the list lacks (not expected: each record's child is a listed unit); fetched rather than dropped.
  const missing = childIds.filter((id) => !listed.has(id));
  if (missing.length) childRows.push(...(await repo.findUnitRefs(ctx.db, missing)));
  // A child's figures are its slot as is (one row per cell, already in order).
  for (const sl of slots.values()) {
    sl.figures.commendations.byForm.sort((a, b) => text(a.formCode, b.formCode));
    sortPetitions(sl.figures.petitions);
  }
  const children: ReportChild[] = childRows.map((c) => ({
    unit: { id: c.id, name: c.name, kind: c.kind, code: c.code, validFrom: c.valid_from, validTo: c.valid_to },
    figures: slots.get(`0:${c.id}`)?.figures ?? emptyFigures(),
  }));
  const own = slots.get('0:');
  if (own) children.push({ unit: null, figures: own.figures });

  // Totals as sums over the children: the same numbers, by construction.
  const total = (which: 0 | 1) => {
    const mine = [...slots].filter(([key]) => key.startsWith(`${which}:`)).map(([, sl]) => sl);
    const sums = { retiredEntries: 0, partialEntries: 0, retiredCommendations: 0, partialCommendations: 0 };
    for (const sl of mine) for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += sl[k];
    const figures = sumFigures(mine.map((sl) => sl.figures));
    figures.entries.cells = [...merged[which].values()];
    return { figures, sums };
  };
  const current = total(0);
  // A unit's own fields (not national) appear only when its entries use them.
  const known = new Set(nationalFields.map((f) => f.code));
  const extra = [...new Set(cells.map((c) => c.field_code))].filter((code) => !known.has(code));
  const fields = extra.length ? await repo.findFields(ctx.db, extra) : nationalFields;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, validFrom: unit.valid_from, validTo: unit.valid_to, inForce },
    range,
    previousRange: previous,
    figures: current.figures,
    previous: total(1).figures,
    children,
    attribution: current.sums,
    fields,
    commendationForms: catalogues.commendationForms,
    petitionCategories: catalogues.petitionCategories,
    generatedAt: new Date().toISOString(),
  };
}
