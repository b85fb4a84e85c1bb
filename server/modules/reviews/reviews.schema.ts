/** Request and response shapes of the periodic reviews (báo cáo sơ kết / tổng kết), their key tasks and events. */
import { z } from 'zod';
import { REPORT_MAX_YEARS, REPORT_PERIODS } from '../../../common/reports.js';
import { Id, IsoDate } from '../../../common/units.js';
import { DUE_FILTERS, DUE_SOON_DAYS } from '../../../common/work-queue.js';
import { Text, UnitName } from '../conferences/conferences.schema.js';
import { DOCUMENT_REVIEW_KINDS, ReviewOfDocument } from './document-reviews.schema.js';

export const REVIEW_LIMITS = { title: 500, narrative: 100_000, shortcomings: 50_000, task: 2000, note: 5000, eventTitle: 500, eventDescription: 5000 } as const;
export const REVIEW_STATUSES = ['draft', 'final'] as const;
export const TASK_STATUSES = ['open', 'done'] as const;
/** A task's deadline lies between the start of the reviewed period and this many years after its end. */
export const TASK_DEADLINE_YEARS_AFTER = 5;

/**
 * Text of several paragraphs: NFC, spaces at line ends and blank runs trimmed, but line breaks
 * kept (the cleaning of one-line Text would join the paragraphs). Empty means "none" (null).
 */
export const Paragraphs = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/[ \t]+$/u, ''))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .transform((s) => (s === '' ? null : s));

export const ReviewIdParams = z.object({ id: Id });

/**
 * The reviewed period, as the report engine takes it (ReportQuery without the unit):
 * `year`; `quarter` with year and quarter; `emulation_period` with periodId; `custom` with from and to.
 */
const periodShape = {
  period: z.enum(REPORT_PERIODS),
  year: z.number().int().min(1990).max(2100).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  periodId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
};
type PeriodFields = { period: (typeof REPORT_PERIODS)[number]; year?: number; quarter?: number; periodId?: string; from?: string; to?: string };

function checkPeriod(p: PeriodFields, ctx: z.RefinementCtx) {
  const need = (key: 'year' | 'quarter' | 'periodId' | 'from' | 'to') => {
    if (p[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required for period ${p.period}` });
  };
  if (p.period === 'year' || p.period === 'quarter') need('year');
  if (p.period === 'quarter') need('quarter');
  if (p.period === 'emulation_period') need('periodId');
  if (p.period !== 'custom') return;
  need('from');
  need('to');
  if (p.from && p.to && p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (p.from && p.to && Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > REPORT_MAX_YEARS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `a custom period spans at most ${REPORT_MAX_YEARS} years` });
  }
}

export const ReviewPeriodInput = z.object(periodShape).superRefine(checkPeriod);
export type ReviewPeriodInput = z.infer<typeof ReviewPeriodInput>;

export const CreateReviewBody = z
  .object({
    unitId: Id.describe('The reviewing unit; the results cover its whole subtree'),
    ...periodShape,
    title: Text(REVIEW_LIMITS.title).optional().describe('Default: "Tổng kết …" for a year or an emulation period, "Sơ kết …" otherwise'),
  })
  .superRefine(checkPeriod);
export type CreateReviewBody = z.infer<typeof CreateReviewBody>;

export const UpdateReviewBody = z
  .object({
    title: Text(REVIEW_LIMITS.title).optional(),
    narrative: Paragraphs(REVIEW_LIMITS.narrative).optional(),
    shortcomings: Paragraphs(REVIEW_LIMITS.shortcomings).optional(),
    status: z.enum(REVIEW_STATUSES).optional().describe('final freezes the review (its tasks can still be marked done); draft opens it again'),
    ordinalYears: z.number().int().min(0).max(200).optional().describe('A document review\'s "N năm thực hiện"; the default title follows it'),
    version: z.number().int().min(1).describe('The version the change was made on; another one means someone changed the review meanwhile'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && b[k as keyof typeof b] !== undefined), { message: 'nothing to change' });
export type UpdateReviewBody = z.infer<typeof UpdateReviewBody>;

export const RefreshReviewBody = z.object({
  version: z.number().int().min(1),
  /** Also replace the narrative by the one written from the new figures (an empty narrative is always filled). */
  replaceNarrative: z.boolean().default(false),
});
export type RefreshReviewBody = z.infer<typeof RefreshReviewBody>;

export const ReviewListQuery = z.object({
  unitId: Id.optional().describe('Only reviews of this unit and the units under it'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Reviews whose period covers (part of) this year'),
  period: z.enum(REPORT_PERIODS).optional(),
  policyDocumentId: Id.optional().describe("Only the reviews of this policy document (sơ kết / tổng kết of carrying it out)"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

export const CreateTaskBody = z.object({
  content: Text(REVIEW_LIMITS.task),
  ownerUnitId: Id.describe("The unit in charge: the review's unit or a unit under it"),
  deadline: IsoDate,
  note: Text(REVIEW_LIMITS.note).nullish(),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = z
  .object({
    content: Text(REVIEW_LIMITS.task).optional(),
    ownerUnitId: Id.optional(),
    deadline: IsoDate.optional(),
    note: Text(REVIEW_LIMITS.note).nullish(),
    version: z.number().int().min(1),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && b[k as keyof typeof b] !== undefined), { message: 'nothing to change' });
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;

export const TaskActionBody = z.object({ version: z.number().int().min(1), note: Text(REVIEW_LIMITS.note).nullish() });
export type TaskActionBody = z.infer<typeof TaskActionBody>;
export const TaskVersionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export const TaskListQuery = z.object({
  unitId: Id.optional().describe('Tasks of the reviews of this unit and the units under it'),
  ownerUnitId: Id.optional().describe('Only tasks this unit is in charge of'),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Open tasks whose deadline has passed (Vietnam time)'),
  due: z.enum(DUE_FILTERS).optional().describe(`Open tasks past their deadline (overdue), or due today or within ${DUE_SOON_DAYS} days (due_soon), Vietnam time`),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const CreateEventBody = z.object({ happenedOn: IsoDate, title: Text(REVIEW_LIMITS.eventTitle), description: Text(REVIEW_LIMITS.eventDescription).nullish() });
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const ReviewTask = z.object({
  id: Id,
  reviewId: Id,
  content: z.string(),
  owner: UnitName,
  deadline: IsoDate,
  status: z.enum(TASK_STATUSES),
  /** Open and past its deadline (Vietnam time). */
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: Id, name: z.string() }).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type ReviewTask = z.infer<typeof ReviewTask>;

export const ReviewTaskListItem = ReviewTask.extend({ review: z.object({ id: Id, title: z.string(), unit: UnitName }) });
export const ReviewTaskPage = z.object({ items: z.array(ReviewTaskListItem), total: z.number().int() });

export const ReviewEvent = z.object({ id: Id, reviewId: Id, happenedOn: IsoDate, title: z.string(), description: z.string().nullable() });
export type ReviewEvent = z.infer<typeof ReviewEvent>;

/** Which of a review's two periods a day falls in: its own, or the next one (the one its tasks are for). */
const InPeriod = z.enum(['current', 'next']).describe("current: the reviewed period; next: the period after it, the one the review's tasks are for");

export const PeriodSpan = z.object({
  period: z.enum(REPORT_PERIODS),
  year: z.number().int().nullable(),
  quarter: z.number().int().nullable(),
  emulationPeriod: z.object({ id: Id, name: z.string() }).nullable().describe("null for a custom range, or a next emulation period the catalogue does not hold yet"),
  from: IsoDate,
  to: IsoDate,
});

export const AnniversaryOccurrence = z.object({
  code: z.string(),
  kind: z.enum(['anniversary', 'edition']),
  names: z.record(z.string(), z.string()),
  originDate: IsoDate,
  date: IsoDate,
  ordinal: z.number().int(),
  milestone: z.union([z.literal(10), z.literal(5)]).nullable().describe('10: a round anniversary (ordinal ends in 0), 5: ends in 5'),
  labelVi: z.string(),
  inPeriod: InPeriod,
});

export const Review = z.object({
  id: Id,
  unit: UnitName,
  period: z.enum(REPORT_PERIODS),
  year: z.number().int().nullable(),
  quarter: z.number().int().nullable(),
  emulationPeriod: z.object({ id: Id, name: z.string() }).nullable(),
  from: IsoDate,
  to: IsoDate,
  title: z.string(),
  status: z.enum(REVIEW_STATUSES),
  narrative: z.string().nullable(),
  shortcomings: z.string().nullable(),
  figuresAt: z.string().nullable(),
  taskCounts: z.object({ open: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  policyDocumentId: Id.nullable().describe('A document review: the policy document reviewed; null for a periodic review'),
  kind: z.enum(DOCUMENT_REVIEW_KINDS).nullable(),
  ordinalYears: z.number().int().nullable().describe('"N năm thực hiện" of a document review'),
  joint: z.boolean().describe('A joint review of a coordination program (sơ kết liên tịch)'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Review = z.infer<typeof Review>;

export const ReviewDetail = Review.extend({
  // A stored snapshot: typed loosely so a report filled under an older shape of the contract still loads.
  figures: z.record(z.string(), z.unknown()).nullable().describe('The Report (common/reports.ts) as it was when the results were filled'),
  nextPeriod: PeriodSpan.describe("The period after the reviewed one: the one its tasks are for; its events and anniversaries are listed too"),
  tasks: z.array(ReviewTask),
  events: z.array(ReviewEvent.extend({ inPeriod: InPeriod })),
  anniversaries: z.array(AnniversaryOccurrence).describe('Of the reviewed period and of the next one, by date, each with its ordinal for the day it falls on'),
  ofDocument: ReviewOfDocument.nullable().describe('A document review: the document, the roll-up snapshot and the commended units'),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

export const ReviewPage = z.object({ items: z.array(Review), total: z.number().int() });
