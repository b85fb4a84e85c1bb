/**
 * The report engine's shapes, shared by the server (API, CLI, documents) and the web app
 * (report page, dashboard). One report = one unit's whole subtree over one time range, with the
 * previous range of the same length and the breakdown by child unit.
 *
 * Entries travel as `cells`: the non-zero counts of every combination of the dimensions below.
 * Any cross-tab a real report quotes ("29 models: 13 economic, 13 cultural–social, 3 defense &
 * security") is a fold of the cells (`crossTab`), so the API, the documents and the charts cannot
 * disagree with each other.
 */
import { z } from 'zod';
import { ReportSituation } from './situation.js';
import { ReportHotspots } from './hotspots.js';
import { ReportReligiousAffairs } from './religious-affairs.js';
import { ReportGrassroots } from './dialogue.js';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, ENTRY_STATUSES } from './entries.js';
import { PETITION_CHANNELS, PETITION_KINDS } from './petitions.js';
import { Id, IsoDate, UnitRef } from './units.js';

export const REPORT_PERIODS = ['quarter', 'year', 'emulation_period', 'custom'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_FORMATS = ['json', 'xlsx', 'docx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest custom range (a generous emulation period). */
export const REPORT_MAX_YEARS = 10;

/**
 * What the caller asks for: `period=year&year=2024`, `period=quarter&year=2024&quarter=3`,
 * `period=emulation_period&periodId=…`, `period=custom&from=…&to=…` (both days included).
 */
export const ReportQuery = z.object({
  unitId: Id,
  period: z.enum(REPORT_PERIODS),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  periodId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * The resolved range. `basis` says how entries fall into it: `year` when it covers whole calendar
 * years (an entry counts by its registration year, `entries.year`), `registration_date` otherwise
 * (a quarter or a custom range inside a year: the day the entry was first registered).
 * Commendations always count by their decision date.
 */
export const ReportRange = z.object({
  period: z.enum(REPORT_PERIODS),
  from: IsoDate,
  to: IsoDate,
  basis: z.enum(['year', 'registration_date']),
  /** "Năm 2024", "Quý III/2024", "Giai đoạn 2021–2025", "01/03/2024 – 15/05/2024". */
  label: z.string(),
});
export type ReportRange = z.infer<typeof ReportRange>;

/** One non-zero combination of the entry dimensions. */
export const EntryCell = z.object({
  year: z.number().int(),
  fieldCode: z.string(),
  kind: z.enum(ENTRY_KINDS),
  form: z.enum(ENTRY_FORMS),
  level: z.enum(ENTRY_LEVELS),
  status: z.enum(ENTRY_STATUSES),
  typical: z.boolean(),
  n: z.number().int(),
});
export type EntryCell = z.infer<typeof EntryCell>;

/**
 * Petitions received in the range (counts only: no petition, sender or text ever enters a report).
 * `resolvedOnTime` + `resolvedLate` = `resolved`; `overdue`: still open, past its due day, on the
 * range's last day or today if that is earlier (docs/reports.md).
 */
export const PetitionCounts = z.object({
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  resolvedLate: z.number().int(),
  overdue: z.number().int(),
});
export type PetitionCounts = z.infer<typeof PetitionCounts>;

export const ReportPetitions = PetitionCounts.extend({
  byKind: z.array(PetitionCounts.extend({ kind: z.enum(PETITION_KINDS) })),
  /** Codes; names in `Report.petitionCategories`. */
  byCategory: z.array(PetitionCounts.extend({ categoryCode: z.string() })),
  byChannel: z.array(PetitionCounts.extend({ channel: z.enum(PETITION_CHANNELS) })),
});
export type ReportPetitions = z.infer<typeof ReportPetitions>;

export const PETITION_COUNT_KEYS = ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'overdue'] as const satisfies readonly (keyof PetitionCounts)[];

export const emptyPetitions = (): ReportPetitions => ({ received: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0, overdue: 0, byKind: [], byCategory: [], byChannel: [] });

/** True when any petition figure is non-zero (documents mention petitions only then). */
export const hasPetitions = (p: PetitionCounts) => PETITION_COUNT_KEYS.some((k) => p[k] > 0);

/**
 * The implementation of policy documents in the range (issue 14): leaf tasks owned by the area's
 * units (attributed like entries), counted as each day of the Viet Nam calendar sees them.
 * - `assigned`: leaves running in the range (starting by its last day, not done before its first);
 *   `due` of them with their deadline in the range; `done` in the range; `open` not done on the
 *   reference day (the range's last day, or today while it runs); `overdue` of those, past their
 *   deadline that day;
 * - `documents`: distinct documents of those leaves (not a sum over children: a document tasks
 *   several of them); `unitsTasked` / `unitsReported`: owner units of those leaves, and those
 *   among them with a progress report dated in the range;
 * - `sessions`: working sessions held in the range with the area's units;
 * - `submittedOnTime` / `submittedLate`: reporting-round submissions of the area's units sent in the
 *   range, on or before their (possibly extended) due day, or after it.
 */
export const ReportTasks = z.object({
  documents: z.number().int(),
  assigned: z.number().int(),
  due: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  unitsTasked: z.number().int(),
  unitsReported: z.number().int(),
  sessions: z.number().int(),
  submittedOnTime: z.number().int(),
  submittedLate: z.number().int(),
});
export type ReportTasks = z.infer<typeof ReportTasks>;

export const TASK_COUNT_KEYS = [
  'documents',
  'assigned',
  'due',
  'done',
  'open',
  'overdue',
  'unitsTasked',
  'unitsReported',
  'sessions',
  'submittedOnTime',
  'submittedLate',
] as const satisfies readonly (keyof ReportTasks)[];

export const emptyTasks = (): ReportTasks => Object.fromEntries(TASK_COUNT_KEYS.map((k) => [k, 0])) as ReportTasks;

/** True when any task figure is non-zero (documents mention the implementation of documents only then). */
export const hasTasks = (t: ReportTasks | undefined): t is ReportTasks => t !== undefined && TASK_COUNT_KEYS.some((k) => t[k] > 0);

export const ReportFigures = z.object({
  entries: z.object({
    /** Every entry in range except drafts and withdrawn ones; those are in `cells` with their status. */
    total: z.number().int(),
    cells: z.array(EntryCell),
    /** Distinct registering units of the counted entries. */
    registeringUnits: z.number().int(),
    /** Counted entries that were copied by at least one other entry, and the copies they have. */
    replicated: z.number().int(),
    replicas: z.number().int(),
  }),
  commendations: z.object({
    collectives: z.number().int(),
    individuals: z.number().int(),
    byForm: z.array(z.object({ formCode: z.string(), collectives: z.number().int(), individuals: z.number().int() })),
  }),
  petitions: ReportPetitions,
  /** Reports stored before issue 14 (review snapshots, round submissions) have no block: read as zeros. */
  tasks: ReportTasks.default(emptyTasks),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const ReportChild = z.object({
  /** The child unit; null for the unit's own records (its own registrations and, for a current unit, retired units attributed to it directly). */
  unit: UnitRef.nullable(),
  figures: ReportFigures,
});
export type ReportChild = z.infer<typeof ReportChild>;

export const Report = z.object({
  unit: UnitRef.extend({ inForce: z.boolean() }),
  range: ReportRange,
  previousRange: ReportRange,
  figures: ReportFigures,
  previous: ReportFigures,
  /** Sum over `children` = `figures`, at every level. */
  children: z.array(ReportChild),
  /** Records of retired units (before 1 July 2025) counted in this report, and how many of them were attributed by the main-part rule for partial merges (docs/reports.md). */
  attribution: z.object({ retiredEntries: z.number().int(), partialEntries: z.number().int(), retiredCommendations: z.number().int(), partialCommendations: z.number().int() }),
  /** Field names for labels (codes in cells). */
  fields: z.array(z.object({ code: z.string(), names: z.record(z.string(), z.string()) })),
  /** Commendation form names (codes in `commendations.byForm`), in the catalogue's order. */
  commendationForms: z.array(z.object({ code: z.string(), names: z.record(z.string(), z.string()) })),
  /** Petition category names (codes in `petitions.byCategory`), in the catalogue's order. */
  petitionCategories: z.array(z.object({ code: z.string(), names: z.record(z.string(), z.string()) })),
  /** The situation of the people (issue 15, common/situation.ts); absent in reports stored before it. */
  situation: ReportSituation.optional(),
  /** Hotspots and incidents, confidential cases left out (issue 15, common/hotspots.ts); absent in reports stored before it. */
  hotspots: ReportHotspots.optional(),
  /** Ethnic and religious affairs in the year the range ends in, persons suppressed (common/religious-affairs.ts); absent in reports stored before it. */
  religiousAffairs: ReportReligiousAffairs.optional(),
  /** Democracy at the grassroots (issue 16, common/dialogue.ts); absent in reports stored before it. */
  grassroots: ReportGrassroots.optional(),
  generatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;

/**
 * The headline figures of a unit, in the order pages show them: what a report's first lines quote
 * and what each line of the breakdown by child unit shows (folds of the cells, `headline`).
 */
export const HEADLINE_KEYS = [
  'entries',
  'models',
  'typicalExamples',
  'collective',
  'individual',
  'registeringUnits',
  'recognisedTypical',
  'replicated',
  'commendedCollectives',
  'commendedIndividuals',
  'petitionsReceived',
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];
export const Headline = z.object(Object.fromEntries(HEADLINE_KEYS.map((k) => [k, z.number().int()])) as Record<HeadlineKey, z.ZodNumber>);
export type Headline = z.infer<typeof Headline>;

/**
 * The report as `GET /api/reports` answers it: the unit's figures in full (every cell, for any
 * cross-tab), and each child unit by its headline figures. A province has a hundred-odd communes
 * with some thirty non-zero combinations each; their cells made ~85 % of the answer (0.6 MB)
 * while every page that shows children shows only these folds. The engine's `Report` keeps every
 * child's cells for the documents (the CSV lists them per unit); docs/reports.md.
 */
export const ReportView = Report.omit({ children: true }).extend({
  /** Sum over `children` = `figures`, at every level (as in `Report`). */
  children: z.array(z.object({ unit: UnitRef.nullable(), figures: Headline })),
});
export type ReportView = z.infer<typeof ReportView>;
export type ReportViewChild = ReportView['children'][number];

/** Statuses that count as "registered" in a report: everything but drafts and withdrawn entries. */
export const COUNTED_STATUSES = ENTRY_STATUSES.filter((s) => s !== 'draft' && s !== 'withdrawn');
const COUNTED_SET: ReadonlySet<string> = new Set(COUNTED_STATUSES);

export type CellDimension = Exclude<keyof EntryCell, 'n'>;

/**
 * Folds cells over the given dimensions: `crossTab(cells, ['kind', 'fieldCode'])` →
 * Map<'model|economic', n>. Only counted statuses unless `includeAll`.
 */
export function crossTab(cells: readonly EntryCell[], dims: readonly CellDimension[], opts: { includeAll?: boolean } = {}): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) {
    if (!opts.includeAll && !COUNTED_SET.has(c.status)) continue;
    const key = dims.map((d) => String(c[d])).join('|');
    out.set(key, (out.get(key) ?? 0) + c.n);
  }
  return out;
}

/** Sum of counted cells matching a partial filter: `countCells(cells, { kind: 'model', form: 'collective' })`. */
export function countCells(cells: readonly EntryCell[], where: Partial<Omit<EntryCell, 'n'>> = {}, opts: { includeAll?: boolean } = {}): number {
  let n = 0;
  for (const c of cells) {
    if (!opts.includeAll && !COUNTED_SET.has(c.status)) continue;
    if (Object.entries(where).every(([k, v]) => c[k as CellDimension] === v)) n += c.n;
  }
  return n;
}

/**
 * The headline figures of a unit's figures (counted entries only, as everywhere in a report). One
 * pass over the cells: the API folds a hundred-odd children per answer.
 */
export function headline(figures: ReportFigures): Headline {
  let models = 0;
  let typicalExamples = 0;
  let collective = 0;
  let individual = 0;
  let recognisedTypical = 0;
  for (const c of figures.entries.cells) {
    if (!COUNTED_SET.has(c.status)) continue;
    if (c.kind === 'model') models += c.n;
    else typicalExamples += c.n;
    if (c.form === 'collective') collective += c.n;
    else individual += c.n;
    if (c.typical) recognisedTypical += c.n;
  }
  return {
    entries: figures.entries.total,
    models,
    typicalExamples,
    collective,
    individual,
    registeringUnits: figures.entries.registeringUnits,
    recognisedTypical,
    replicated: figures.entries.replicated,
    commendedCollectives: figures.commendations.collectives,
    commendedIndividuals: figures.commendations.individuals,
    petitionsReceived: figures.petitions.received,
  };
}

/** What leaves the server for `GET /api/reports`: every child folded to its headline figures. */
export function reportView(report: Report): ReportView {
  return { ...report, children: report.children.map((c) => ({ unit: c.unit, figures: headline(c.figures) })) };
}
