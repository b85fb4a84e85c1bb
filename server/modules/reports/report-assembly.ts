/**
 * From the grouped rows of a report's queries (counted from the records or read from the summaries:
 * the same rows either way) to its figures: rows dealt to slots, one per (range, child), totals as
 * sums over the slots, so the breakdown cannot disagree with the totals. Pure.
 */
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES } from '../../../common/entries.js';
import type { PetitionChannel, PetitionKind } from '../../../common/petitions.js';
import {
  COUNTED_STATUSES,
  emptyPetitions,
  emptyTasks,
  type EntryCell,
  HEADLINE_KEYS,
  type Headline,
  PETITION_COUNT_KEYS,
  type PetitionCounts,
  type ReportFigures,
  type ReportPetitions,
  type ReportTasks,
  TASK_COUNT_KEYS,
} from '../../../common/reports.js';
import type { FigureRow } from '../petitions/petitions-figures.repository.js';
import type { TaskFigureRow } from '../tasks/task-figures.repository.js';
import type { CommendationRow, EntryCellRow, RegisteringUnitsRow } from './reports.repository.js';

/** Everything a report counts, as grouped rows by range (`which`) and child (null: the unit's own). */
export type ReportCounts = { cells: EntryCellRow[]; registering: RegisteringUnitsRow[]; commendations: CommendationRow[]; petitions: FigureRow[]; tasks: TaskFigureRow[] };

export const emptyFigures = (): ReportFigures => ({
  entries: { total: 0, cells: [], registeringUnits: 0, replicated: 0, replicas: 0 },
  commendations: { collectives: 0, individuals: 0, byForm: [] },
  petitions: emptyPetitions(),
  tasks: emptyTasks(),
});

const addTasks = (to: ReportTasks, from: ReportTasks) => {
  for (const k of TASK_COUNT_KEYS) to[k] += from[k];
};

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
function cellOrder(rows: readonly EntryCellRow[]): (r: EntryCellRow) => number {
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

/** The sum of several figures but their cells (merged apart): commendation forms by code, petitions by their codes. */
function sumFigures(parts: ReportFigures[]): ReportFigures {
  const out = emptyFigures();
  const forms = new Map<string, { formCode: string; collectives: number; individuals: number }>();
  for (const part of parts) {
    for (const k of ['total', 'registeringUnits', 'replicated', 'replicas'] as const) out.entries[k] += part.entries[k];
    out.commendations.collectives += part.commendations.collectives;
    out.commendations.individuals += part.commendations.individuals;
    addPetitions(out.petitions, part.petitions);
    addTasks(out.tasks, part.tasks);
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
export type AttributionSums = { retiredEntries: number; partialEntries: number; retiredCommendations: number; partialCommendations: number };
/**
 * The rows dealt: a slot per `which:child` ('' the unit's own), each range's cells merged in order,
 * and each range's distinct documents with tasks (a document tasks several children: no sum).
 */
export type Dealt = { slots: Map<string, Slot>; merged: [Map<number, EntryCell>, Map<number, EntryCell>]; taskDocuments: [number, number] };

/** Rows of the same combination (the summaries' and the edge days' counted ones) summed into one. */
function mergeCellRows(rows: EntryCellRow[]): EntryCellRow[] {
  const by = new Map<string, EntryCellRow>();
  for (const r of rows) {
    const key = `${r.which}|${r.child}|${r.year}|${r.field_code}|${r.kind}|${r.form}|${r.level}|${r.status}|${r.typical}`;
    const have = by.get(key);
    if (!have) by.set(key, { ...r });
    else for (const k of ['n', 'replicated', 'replicas', 'retired', 'partial'] as const) have[k] += r[k];
  }
  return [...by.values()];
}

export function deal(counts: ReportCounts): Dealt {
  const slots = new Map<string, Slot>();
  const slot = (which: 0 | 1, child: string | null | undefined): Slot => {
    const key = `${which}:${child ?? ''}`;
    let sl = slots.get(key);
    if (!sl) slots.set(key, (sl = { figures: emptyFigures(), retiredEntries: 0, partialEntries: 0, retiredCommendations: 0, partialCommendations: 0 }));
    return sl;
  };
  const cells = mergeCellRows(counts.cells);
  // Rows in cell order: each slot's cells, and each range's merged cells, come out sorted.
  const order = cellOrder(cells);
  const sorted = cells.map((r) => ({ r, key: order(r) })).sort((a, b) => a.key - b.key);
  const merged: Dealt['merged'] = [new Map(), new Map()];
  const taskDocuments: Dealt['taskDocuments'] = [0, 0];
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
  for (const r of counts.registering) slot(r.which, r.child).figures.entries.registeringUnits += r.n;
  for (const r of counts.commendations) {
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
  for (const r of counts.petitions) {
    const p = slot(r.which, r.key.unit ?? null).figures.petitions;
    addCounts(p, r);
    addTo(p.byKind, 'kind', r.key.kind as PetitionKind, r);
    addTo(p.byCategory, 'categoryCode', r.key.category!, r);
    addTo(p.byChannel, 'channel', r.key.channel as PetitionChannel, r);
  }
  for (const r of counts.tasks) {
    if (r.whole) taskDocuments[r.which] = r.documents;
    else addTasks(slot(r.which, r.child).figures.tasks, r);
  }
  for (const sl of slots.values()) {
    sl.figures.commendations.byForm.sort((a, b) => text(a.formCode, b.formCode));
    sortPetitions(sl.figures.petitions);
  }
  return { slots, merged, taskDocuments };
}

/** The figures of a range (0 or 1) as sums over its slots, and its attribution counts. */
export function totalOf(dealt: Dealt, which: 0 | 1): { figures: ReportFigures; sums: AttributionSums } {
  const mine = [...dealt.slots].filter(([key]) => key.startsWith(`${which}:`)).map(([, sl]) => sl);
  const sums: AttributionSums = { retiredEntries: 0, partialEntries: 0, retiredCommendations: 0, partialCommendations: 0 };
  for (const sl of mine) for (const k of Object.keys(sums) as (keyof AttributionSums)[]) sums[k] += sl[k];
  const figures = sumFigures(mine.map((sl) => sl.figures));
  figures.entries.cells = [...dealt.merged[which].values()];
  figures.tasks.documents = dealt.taskDocuments[which];
  return { figures, sums };
}

/** The ids of the children the rows name. */
export const childIdsOf = (dealt: Dealt) => [...new Set([...dealt.slots.keys()].map((k) => k.slice(2)).filter((id) => id !== ''))];

/** A child's figures in the range (empty when it has none). */
export const childFigures = (dealt: Dealt, childId: string | null): ReportFigures | undefined => dealt.slots.get(`0:${childId ?? ''}`)?.figures;

export const zeroHeadline = (): Headline => Object.fromEntries(HEADLINE_KEYS.map((k) => [k, 0])) as Headline;

/** `a − b`, key by key. */
export function headlineMinus(a: Headline, b: Headline): Headline {
  return Object.fromEntries(HEADLINE_KEYS.map((k) => [k, a[k] - b[k]])) as Headline;
}
