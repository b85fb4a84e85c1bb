/**
 * The report page's numbers, folded from the report's cells with the contract's `crossTab` /
 * `countCells`, so the page, the charts and the documents cannot disagree. Pure: unit-tested.
 */
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, type EntryForm, type EntryKind, type EntryLevel } from '../../../common/entries';
import { PETITION_KINDS, type PetitionKind } from '../../../common/petitions';
import { COUNTED_STATUSES, crossTab, type Headline, type PetitionCounts, type ReportFigures, type ReportView } from '../../../common/reports';

export { HEADLINE_KEYS, type HeadlineKey, headline } from '../../../common/reports';

/** True when the range holds nothing at all: the page then explains why every figure is zero. */
export function isEmptyReport(figures: ReportFigures): boolean {
  return figures.entries.total === 0 && figures.entries.cells.length === 0 && figures.commendations.collectives === 0 && figures.commendations.individuals === 0 && figures.petitions.received === 0;
}

export type PetitionKindRow = PetitionCounts & { kind: PetitionKind };

/** Petitions by kind, every kind present (zeros when none), in the contract's order; they add up to the totals. */
export function petitionKindRows(figures: ReportFigures): PetitionKindRow[] {
  const zero: PetitionCounts = { received: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, overdue: 0 };
  return PETITION_KINDS.map((kind) => ({ ...zero, ...figures.petitions.byKind.find((k) => k.kind === kind), kind }));
}

/** A petition category's name in `language`, in Vietnamese when it has none, its code when the report does not know it. */
export function petitionCategoryLabel(report: Pick<ReportView, 'petitionCategories'>, code: string, language: string): string {
  const names = report.petitionCategories.find((c) => c.code === code)?.names;
  return names?.[language] ?? names?.vi ?? code;
}

/** Petitions by category in the catalogue's order (categories it no longer lists at the end), with their names. */
export function petitionCategoryRows(report: Pick<ReportView, 'petitionCategories' | 'figures'>, language: string): (PetitionCounts & { categoryCode: string; name: string })[] {
  const order = report.petitionCategories.map((c) => c.code);
  return [...report.figures.petitions.byCategory]
    .sort((a, b) => rank(order, a.categoryCode) - rank(order, b.categoryCode) || a.categoryCode.localeCompare(b.categoryCode))
    .map((c) => ({ ...c, name: petitionCategoryLabel(report, c.categoryCode, language) }));
}

/** A field's name in `language`, in Vietnamese when it has none, its code when the report does not know it. */
export function fieldLabel(report: Pick<ReportView, 'fields'>, code: string, language: string): string {
  const names = report.fields.find((f) => f.code === code)?.names;
  return names?.[language] ?? names?.vi ?? code;
}

export type KindForm = `${EntryKind}|${EntryForm}`;
export const KIND_FORMS: KindForm[] = ENTRY_KINDS.flatMap((k) => ENTRY_FORMS.map((f) => `${k}|${f}` as KindForm));

export type FieldRow = { fieldCode: string; name: string; counts: Record<KindForm, number>; total: number };

/**
 * Field × kind × form: one row per field with counted entries, in the order of `report.fields`
 * (the catalogue's order), fields the catalogue no longer lists at the end.
 */
export function fieldKindFormRows(report: Pick<ReportView, 'fields' | 'figures'>, language: string): FieldRow[] {
  const tab = crossTab(report.figures.entries.cells, ['fieldCode', 'kind', 'form']);
  const codes = new Set([...tab.keys()].map((key) => key.split('|')[0] ?? ''));
  const order = report.fields.map((f) => f.code);
  const sorted = [...codes].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  return sorted.map((fieldCode) => {
    const counts = Object.fromEntries(KIND_FORMS.map((kf) => [kf, tab.get(`${fieldCode}|${kf}`) ?? 0])) as Record<KindForm, number>;
    return { fieldCode, name: fieldLabel(report, fieldCode, language), counts, total: KIND_FORMS.reduce((sum, kf) => sum + counts[kf], 0) };
  });
}

function rank(order: string[], code: string): number {
  const i = order.indexOf(code);
  return i === -1 ? order.length : i;
}

export type CountedStatus = (typeof COUNTED_STATUSES)[number];
export type LevelRow = { level: EntryLevel; counts: Record<CountedStatus, number>; total: number };

/** Registration level × status (counted statuses only, so the totals are the headline total); levels without entries left out. */
export function levelStatusRows(figures: ReportFigures): LevelRow[] {
  const tab = crossTab(figures.entries.cells, ['level', 'status']);
  return ENTRY_LEVELS.map((level) => {
    const counts = Object.fromEntries(COUNTED_STATUSES.map((s) => [s, tab.get(`${level}|${s}`) ?? 0])) as Record<CountedStatus, number>;
    return { level, counts, total: COUNTED_STATUSES.reduce((sum, s) => sum + counts[s], 0) };
  }).filter((row) => row.total > 0);
}

export type ChildRow = { key: string; unitId: string | null; name: string | null; retired: boolean; figures: Headline };

/** The breakdown by child unit: the unit's own records first, then the children as the server orders them. */
export function childRows(report: Pick<ReportView, 'children'>): ChildRow[] {
  const own = report.children.filter((c) => c.unit === null);
  const children = report.children.filter((c) => c.unit !== null);
  return [...own, ...children].map((c) => ({
    key: c.unit?.id ?? 'own',
    unitId: c.unit?.id ?? null,
    name: c.unit?.name ?? null,
    retired: !!c.unit?.validTo,
    figures: c.figures,
  }));
}

/**
 * The stages of the status funnel: how many counted entries reached at least each step of the
 * lifecycle (an evaluated entry was accepted before; a returned one was registered). The stages
 * are ordered, not a log of steps: an entry evaluated straight after acceptance counts under
 * "implementing" too, so each stage holds at most the one before it.
 */
export const FUNNEL_STAGES = ['registered', 'accepted', 'implementing', 'evaluated', 'recognised'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
const REACHED: Record<FunnelStage, readonly CountedStatus[]> = {
  registered: COUNTED_STATUSES,
  accepted: ['accepted', 'implementing', 'evaluated', 'recognised'],
  implementing: ['implementing', 'evaluated', 'recognised'],
  evaluated: ['evaluated', 'recognised'],
  recognised: ['recognised'],
};

export function funnel(figures: ReportFigures): { stage: FunnelStage; n: number }[] {
  const byStatus = crossTab(figures.entries.cells, ['status']);
  return FUNNEL_STAGES.map((stage) => ({ stage, n: REACHED[stage].reduce((sum, s) => sum + (byStatus.get(s) ?? 0), 0) }));
}

/** Counted entries per registration year, every year of `[first, last]` present (zero when none). */
export function entriesByYear(figures: ReportFigures, first: number, last: number): { year: number; byKind: Record<EntryKind, number> }[] {
  const tab = crossTab(figures.entries.cells, ['year', 'kind']);
  const out: { year: number; byKind: Record<EntryKind, number> }[] = [];
  for (let year = first; year <= last; year++) {
    out.push({ year, byKind: Object.fromEntries(ENTRY_KINDS.map((k) => [k, tab.get(`${year}|${k}`) ?? 0])) as Record<EntryKind, number> });
  }
  return out;
}
