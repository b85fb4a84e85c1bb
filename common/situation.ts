/**
 * Situation reports (báo cáo tình hình nhân dân, docs/situation.md §2–§3): what people say, by topic
 * of public opinion, group concerned and mood, from any unit; regular (the situation part of a
 * reporting round's submission, a template section of kind `situation`) or ad hoc (a reported day).
 * And the summary of a unit's subtree for a quarter. Shapes shared by the server and the web app.
 * Sources and summaries are not personal data: names of citizens are not written here.
 */
import { z } from 'zod';
import { optionalLongText, longText } from './text-fields.js';
import { CatalogueCode, Id, IsoDate, Version } from './units.js';

export const SITUATION_LIMITS = {
  items: 30,
  summary: 5000,
  proposals: 5000,
  sources: 1000,
  /** Proposals quoted in a summary. */
  quotedProposals: 40,
} as const;

/** Mood, calmest first (ổn định / có băn khoăn, lo lắng / bức xúc, căng thẳng). */
export const MOODS = ['stable', 'concerned', 'tense'] as const;
export type Mood = (typeof MOODS)[number];

export const SITUATION_KINDS = ['regular', 'ad_hoc'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];
export const SITUATION_STATUSES = ['draft', 'submitted'] as const;
export type SituationStatus = (typeof SITUATION_STATUSES)[number];

/** A catalogue entry (topic of opinion, population group): names by language, `vi` always present. */
export const SituationCatalogueItem = z.object({ code: z.string(), names: z.record(z.string(), z.string()), sortOrder: z.number().int() });
export type SituationCatalogueItem = z.infer<typeof SituationCatalogueItem>;
export const SituationCatalogue = z.object({ items: z.array(SituationCatalogueItem) });
export type SituationCatalogue = z.infer<typeof SituationCatalogue>;

export const SituationUnit = z.object({ id: Id, name: z.string(), kind: z.string() });
export type SituationUnit = z.infer<typeof SituationUnit>;

/** One thing people say: its topic, the groups concerned, the mood, their proposals and where it was heard. */
export const SituationItemInput = z.object({
  topic: CatalogueCode,
  groups: z
    .array(CatalogueCode)
    .max(11)
    .default([])
    .transform((g) => [...new Set(g)]),
  mood: z.enum(MOODS),
  summary: longText(SITUATION_LIMITS.summary).describe('What people say (no names of citizens)'),
  proposals: optionalLongText(SITUATION_LIMITS.proposals).optional().default(null),
  sources: optionalLongText(SITUATION_LIMITS.sources).optional().default(null).describe('"qua sinh hoạt chi hội", "tổ dân vận", "mạng xã hội"'),
});
export type SituationItemInput = z.infer<typeof SituationItemInput>;

export const SituationItem = z.object({
  topic: z.string(),
  groups: z.array(z.string()),
  mood: z.enum(MOODS),
  summary: z.string(),
  proposals: z.string().nullable(),
  sources: z.string().nullable(),
});
export type SituationItem = z.infer<typeof SituationItem>;

export const SituationReport = z.object({
  id: Id,
  unit: SituationUnit,
  kind: z.enum(SITUATION_KINDS),
  /** The round and submission of a regular report; null for an ad hoc one. */
  round: z.object({ id: Id, title: z.string(), submissionId: Id }).nullable(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  overallMood: z.enum(MOODS).nullable(),
  status: z.enum(SITUATION_STATUSES),
  submittedOn: IsoDate.nullable(),
  items: z.array(SituationItem),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `edit`: the draft may be changed; `submit`: sent here (a regular report is sent with its round's submission). */
  can: z.object({ edit: z.boolean(), submit: z.boolean() }),
  version: z.number().int(),
});
export type SituationReport = z.infer<typeof SituationReport>;

export const SituationReportRow = SituationReport.omit({ items: true, can: true }).extend({
  itemCount: z.number().int(),
  /** The report's most troubled item mood (null when it has no items). */
  worstMood: z.enum(MOODS).nullable(),
  topics: z.array(z.string()),
});
export type SituationReportRow = z.infer<typeof SituationReportRow>;
export const SituationReportPage = z.object({ items: z.array(SituationReportRow), total: z.number().int() });
export type SituationReportPage = z.infer<typeof SituationReportPage>;

export const SituationReportListQuery = z.object({
  unitId: Id.describe('Reports of this unit and the units under it'),
  kind: z.enum(SITUATION_KINDS).optional(),
  status: z.enum(SITUATION_STATUSES).optional(),
  topic: CatalogueCode.optional().describe('Reports with an item of this topic'),
  mood: z.enum(MOODS).optional().describe('Reports with an item of this mood'),
  from: IsoDate.optional().describe('Reports whose period ends on or after this day'),
  to: IsoDate.optional().describe('Reports whose period ends on or before this day'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SituationReportListQuery = z.infer<typeof SituationReportListQuery>;

export const SituationReportIdParams = z.object({ id: Id });

/** An ad hoc report (báo cáo nhanh): its day may not be in the future. Items may be added later; submitting needs one. */
export const CreateSituationReportBody = z.object({
  unitId: Id,
  reportedOn: IsoDate.refine((d) => d >= '2000-01-01', 'must not be before 2000'),
  overallMood: z.enum(MOODS).nullable().default(null),
  items: z.array(SituationItemInput).max(SITUATION_LIMITS.items).default([]),
});
export type CreateSituationReportBody = z.infer<typeof CreateSituationReportBody>;

export const UpdateSituationReportBody = z
  .object({
    reportedOn: IsoDate.refine((d) => d >= '2000-01-01', 'must not be before 2000').optional().describe('Ad hoc reports only'),
    overallMood: z.enum(MOODS).nullable().optional(),
    items: z.array(SituationItemInput).max(SITUATION_LIMITS.items).optional().describe('Replaces the items'),
    version: Version,
  })
  .refine((b) => b.reportedOn !== undefined || b.overallMood !== undefined || b.items !== undefined, { message: 'nothing to change' });
export type UpdateSituationReportBody = z.infer<typeof UpdateSituationReportBody>;

export const SituationVersionBody = z.object({ version: Version });

// ---------------------------------------------------------------- summary

export const SituationSummaryQuery = z.object({
  unitId: Id.describe('The unit whose subtree is summed (a province)'),
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
export type SituationSummaryQuery = z.infer<typeof SituationSummaryQuery>;

/** Units reporting each mood (a unit reporting a topic in two moods counts in both). */
export const MoodCounts = z.object({ stable: z.number().int(), concerned: z.number().int(), tense: z.number().int(), troubled: z.number().int().describe('Units reporting concerned or tense') });
export type MoodCounts = z.infer<typeof MoodCounts>;

export const SituationPeriod = z.object({ from: IsoDate, to: IsoDate, year: z.number().int(), quarter: z.number().int() });
export type SituationPeriod = z.infer<typeof SituationPeriod>;

export const SituationSummary = z.object({
  unit: SituationUnit,
  period: SituationPeriod,
  previous: SituationPeriod,
  /** Submitted reports of the subtree whose period ends in the quarter. */
  reportsReceived: z.number().int(),
  unitsReporting: z.number().int(),
  /** Units reporting each mood, over all topics. */
  moods: MoodCounts,
  /** One row per topic of the catalogue, in its order. */
  topics: z.array(z.object({ topic: z.string(), current: MoodCounts, previous: MoodCounts, rising: z.boolean() })),
  children: z.array(z.object({ unit: SituationUnit, unitsReporting: z.number().int(), moods: MoodCounts, troubledTopics: z.array(z.string()) })),
  proposals: z.array(z.object({ reportId: Id, unit: SituationUnit, topic: z.string(), mood: z.enum(MOODS), text: z.string() })),
});
export type SituationSummary = z.infer<typeof SituationSummary>;

/** The first and last day of a quarter. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const m = (quarter - 1) * 3;
  const from = `${year}-${String(m + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, m + 3, 0)).getUTCDate();
  return { from, to: `${year}-${String(m + 3).padStart(2, '0')}-${last}` };
}

export function previousQuarter(year: number, quarter: number): { year: number; quarter: number } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

// ---------------------------------------------------------------- the report engine's block

/**
 * The situation of the people in a report (`Report.situation`, the report engine): submitted
 * situation reports of the area whose period ends in the range, the units in force reporting each
 * mood, and the topics rising against the previous range (common/situation-rising.ts). Counted by
 * whole months (a custom range is widened to the months it touches).
 */
export const ReportSituation = z.object({
  reportsReceived: z.number().int(),
  unitsReporting: z.number().int(),
  moods: MoodCounts,
  rising: z.array(z.object({ topic: z.string(), names: z.record(z.string(), z.string()), current: z.number().int(), previous: z.number().int() })),
});
export type ReportSituation = z.infer<typeof ReportSituation>;
