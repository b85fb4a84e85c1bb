/**
 * Reporting rounds (đợt báo cáo định kỳ): a unit opens a round, the units of the chosen kinds
 * under it each send one submission (báo cáo của đơn vị), and the opening unit follows who has
 * sent, late or on time, returns or accepts (docs/leadership-loop.md, slice 5). Templates say what
 * a submission holds; schedules keep the calendar rule (period, due day, shift to a working day)
 * as data. Request and response shapes shared by the server and the web app.
 */
import { z } from 'zod';
import { oneLineText } from './text-fields.js';
import { LOCALES } from './access.js';
import { CATALOGUE_CODE, Id, IsoDate, Version } from './units.js';

export const REPORTING_LIMITS = {
  name: 300,
  title: 500,
  sectionKey: 40,
  sectionTitle: 300,
  sectionsPerTemplate: 30,
  /** One text answer of a template section. */
  sectionText: 20_000,
  narrative: 50_000,
  returnReason: 2000,
  targetKinds: 10,
  remindDays: 5,
  /** Days between a period's last day and its due day, either way (a cut-off can put it before). */
  dueOffsetDays: 120,
  /** The longest period a round may cover. */
  periodDays: 366,
  /** Sample of pending units in ROUND_HAS_PENDING. */
  pendingSample: 20,
} as const;

/** A day of a round or a schedule: this century (the database refuses dates PostgreSQL cannot hold). */
export const RoundDate = IsoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'must be between 2000 and 2100');

// ---------------------------------------------------------------- templates

/** `situation`: the submission's situation report (báo cáo tình hình nhân dân, common/situation.ts); one per template. */
export const TEMPLATE_SECTION_KINDS = ['figures', 'text', 'situation'] as const;
export type TemplateSectionKind = (typeof TEMPLATE_SECTION_KINDS)[number];

/** A section key: what a submission's `sections` answers are keyed by. */
export const SECTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;


/** Titles by language; Vietnamese is required. */
const SectionTitle = z
  .partialRecord(z.enum(LOCALES), oneLineText(REPORTING_LIMITS.sectionTitle))
  .refine((n) => typeof n.vi === 'string', { message: 'the Vietnamese title is required', path: ['vi'] });

/**
 * One part of a submission: `figures` shows the report engine's figures (read-only, refreshed on
 * demand); `text` is written by the participant ("Kết quả thực hiện", "Khó khăn, vướng mắc",
 * "Kiến nghị, đề xuất").
 */
export const TemplateSection = z.object({
  key: z.string().regex(SECTION_KEY, 'must be a key (a-z, 0-9, _)'),
  title: SectionTitle,
  kind: z.enum(TEMPLATE_SECTION_KINDS),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/** A unit as a round, schedule or template names it. */
export const RoundUnit = z.object({ id: Id, name: z.string(), kind: z.string() });
export type RoundUnit = z.infer<typeof RoundUnit>;

export const ReportTemplate = z.object({
  id: Id,
  unit: RoundUnit,
  name: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.record(z.string(), z.string()), kind: z.enum(TEMPLATE_SECTION_KINDS) })),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;
export const ReportTemplateList = z.object({ items: z.array(ReportTemplate) });

export const ReportTemplateListQuery = z.object({
  unitId: Id.describe('Templates of this unit and of the units above it (a commune uses its province\'s)'),
});
export type ReportTemplateListQuery = z.infer<typeof ReportTemplateListQuery>;

export const CreateReportTemplateBody = z.object({
  unitId: Id,
  name: oneLineText(REPORTING_LIMITS.name),
  sections: z
    .array(TemplateSection)
    .min(1)
    .max(REPORTING_LIMITS.sectionsPerTemplate)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'section keys must be distinct')
    .refine((s) => s.filter((x) => x.kind === 'situation').length <= 1, 'a template has one situation section at most'),
});
export type CreateReportTemplateBody = z.infer<typeof CreateReportTemplateBody>;

// ---------------------------------------------------------------- schedules

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * A calendar rule, stored as data because no Party rule for report due dates was verified
 * (docs/leadership-loop.md §1):
 * - the periods are weeks (Monday to Sunday: the weekly situation report), months, quarters,
 *   halves or years; with `cutoffDay` d (1–28) a period of months ends on day d of its last month
 *   and starts the day after the previous one ends ("from the 15th of the previous quarter's last
 *   month to the 14th": cutoffDay 14); null means calendar periods, and weeks take no cut-off;
 * - the due day is `dueOffsetDays` after the period's last day (negative: before it);
 * - with `shiftToWorkingDay`, a due day that is not a working day (weekends, public holidays, the
 *   Government's decisions in `holidays`) moves to the next working day.
 */
export const ReportingSchedule = z.object({
  id: Id,
  unit: RoundUnit,
  name: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  cutoffDay: z.number().int().nullable(),
  dueOffsetDays: z.number().int(),
  shiftToWorkingDay: z.boolean(),
  remindDaysBefore: z.array(z.number().int()),
  templateId: Id,
  /** Unit kinds that must report ("commune"). */
  targetKinds: z.array(z.string()),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReportingSchedule = z.infer<typeof ReportingSchedule>;
export const ReportingScheduleList = z.object({ items: z.array(ReportingSchedule) });

export const ReportingScheduleListQuery = z.object({
  unitId: Id.describe('Schedules of this unit and of the units above it'),
});
export type ReportingScheduleListQuery = z.infer<typeof ReportingScheduleListQuery>;

export const TargetKinds = z
  .array(z.string().regex(CATALOGUE_CODE, 'must be a unit kind code'))
  .min(1)
  .max(REPORTING_LIMITS.targetKinds)
  .transform((k) => [...new Set(k)]);

export const CreateReportingScheduleBody = z.object({
  unitId: Id,
  name: oneLineText(REPORTING_LIMITS.name),
  periodKind: z.enum(PERIOD_KINDS),
  cutoffDay: z.number().int().min(1).max(28).nullable().default(null),
  dueOffsetDays: z.number().int().min(-REPORTING_LIMITS.dueOffsetDays).max(REPORTING_LIMITS.dueOffsetDays),
  shiftToWorkingDay: z.boolean().default(true),
  remindDaysBefore: z
    .array(z.number().int().min(0).max(60))
    .max(REPORTING_LIMITS.remindDays)
    .default([7, 1])
    .transform((d) => [...new Set(d)].sort((a, b) => b - a)),
  templateId: Id,
  targetKinds: TargetKinds,
});
export type CreateReportingScheduleBody = z.infer<typeof CreateReportingScheduleBody>;

export const NextPeriodQuery = z.object({
  after: RoundDate.optional().describe('The first period whose due day is on or after this day (default: today in Viet Nam)'),
});
export type NextPeriodQuery = z.infer<typeof NextPeriodQuery>;

/** The calendar rule at work: the period to report on next and its due day. */
export const NextPeriod = z.object({
  periodFrom: IsoDate,
  periodTo: IsoDate,
  /** The due day after the working-day shift (when the schedule asks for it). */
  dueOn: IsoDate,
  /** The due day before the shift; equal to `dueOn` when no shift applied. */
  unshiftedDueOn: IsoDate,
  /** "Báo cáo quý III/2026": a title to start from. */
  suggestedTitle: z.string(),
});
export type NextPeriod = z.infer<typeof NextPeriod>;

// ---------------------------------------------------------------- rounds

export const ROUND_STATUSES = ['open', 'closed'] as const;
/** The work queue's two lists of rounds (`RoundListQuery.awaiting`). */
export const ROUND_AWAITING = ['my_report', 'missing_below'] as const;
export type RoundAwaiting = (typeof ROUND_AWAITING)[number];
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * A participant's state. `pending`: nothing started; `draft`: a submission is being written;
 * `submitted`; `returned` (to be corrected and submitted again); `accepted`; `excused` (the opening
 * unit let it off this round; shown apart, never counted as submitted).
 */
export const PARTICIPANT_STATES = ['pending', 'draft', 'submitted', 'returned', 'accepted', 'excused'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * The completeness columns (tình hình nộp báo cáo). A participant is in exactly one of onTime,
 * late, returned, missing, excused; `missingOverdue` is the part of `missing` whose due day has
 * passed (Viet Nam day). On time / late compare the Viet Nam day of submission with the
 * participant's due day (an extension moves it).
 */
export const COMPLETENESS_KEYS = ['onTime', 'late', 'returned', 'missing', 'missingOverdue', 'excused'] as const;
export type CompletenessKey = (typeof COMPLETENESS_KEYS)[number];

export const CompletenessCounts = z.object({
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  returned: z.number().int(),
  missing: z.number().int(),
  missingOverdue: z.number().int(),
  excused: z.number().int(),
});
export type CompletenessCounts = z.infer<typeof CompletenessCounts>;

/** One child of the viewed unit, with the participants at or under it. */
export const CompletenessRow = CompletenessCounts.extend({ unit: RoundUnit });
export type CompletenessRow = z.infer<typeof CompletenessRow>;

/** Counters kept by the database as participants change (the round's header; no query). */
export const RoundCounters = z.object({
  expected: z.number().int(),
  /** Submitted or accepted, on time or late. */
  submitted: z.number().int(),
  late: z.number().int(),
  returned: z.number().int(),
  excused: z.number().int(),
});
export type RoundCounters = z.infer<typeof RoundCounters>;

/** The viewed unit's own participation in a round, when it is a participant. */
export const OwnParticipation = z.object({
  state: z.enum(PARTICIPANT_STATES),
  dueOn: IsoDate,
  submittedOn: IsoDate.nullable(),
  submissionId: Id.nullable(),
});
export type OwnParticipation = z.infer<typeof OwnParticipation>;

export const RoundSummary = z.object({
  id: Id,
  openingUnit: RoundUnit,
  scheduleId: Id.nullable(),
  templateId: Id,
  title: z.string(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  dueOn: IsoDate,
  targetKinds: z.array(z.string()),
  status: z.enum(ROUND_STATUSES),
  closedAt: z.string().nullable(),
  counters: RoundCounters,
  /** The `unitId` of the query, when it takes part in the round; null otherwise. */
  own: OwnParticipation.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundPage = z.object({ items: z.array(RoundSummary), total: z.number().int() });
export type RoundPage = z.infer<typeof RoundPage>;

export const RoundListQuery = z.object({
  unitId: Id.describe('Rounds opened by this unit or a unit under it, and rounds in which this unit or a unit under it takes part'),
  status: z.enum(ROUND_STATUSES).optional(),
  awaiting: z
    .enum(ROUND_AWAITING)
    .optional()
    .describe(
      "The work queue's lists (open rounds only): 'my_report' — rounds in which unitId itself has not sent its report (pending, draft or returned) and it is due within DUE_SOON_DAYS days or overdue; 'missing_below' — rounds opened by unitId or a unit under it in which a participant has not sent and its due day has passed (Viet Nam time)",
    ),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RoundListQuery = z.infer<typeof RoundListQuery>;

export const RoundIdParams = z.object({ id: Id });

export const RoundDetailQuery = z.object({
  unitId: Id.optional().describe('The unit whose children the completeness is counted by: the opening unit (default) or a unit under it'),
});
export type RoundDetailQuery = z.infer<typeof RoundDetailQuery>;

export const RoundDetail = RoundSummary.extend({
  template: ReportTemplate,
  completeness: z.object({
    /** The unit the completeness is counted for (`unitId`). */
    unit: RoundUnit,
    /** Every participant at or under `unit`. */
    totals: CompletenessCounts,
    /** By child of `unit`, in name order; children without participants are left out. */
    children: z.array(CompletenessRow),
  }),
  /**
   * What the reader may do (the web hides the rest; the server decides). `manage`: data.write on
   * the opening unit (change, extend, excuse, return, accept); `close` / `reopen` add the status.
   */
  can: z.object({ manage: z.boolean(), close: z.boolean(), reopen: z.boolean() }),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const CreateRoundBody = z
  .object({
    openingUnitId: Id,
    templateId: Id,
    title: oneLineText(REPORTING_LIMITS.title).describe('"Báo cáo quý III/2026"'),
    periodFrom: RoundDate,
    periodTo: RoundDate,
    dueOn: RoundDate,
    targetKinds: TargetKinds.describe('Unit kinds under the opening unit that must report; each in-force unit of these kinds becomes a participant'),
    scheduleId: Id.nullish(),
  })
  .refine((b) => b.periodTo >= b.periodFrom, { message: 'must not be before the start of the period', path: ['periodTo'] });
export type CreateRoundBody = z.infer<typeof CreateRoundBody>;

export const UpdateRoundBody = z
  .object({
    title: oneLineText(REPORTING_LIMITS.title).optional(),
    dueOn: RoundDate.optional().describe('Moves the due day of every participant without an extension of its own'),
    version: Version,
  })
  .refine((b) => b.title !== undefined || b.dueOn !== undefined, { message: 'nothing to change' });
export type UpdateRoundBody = z.infer<typeof UpdateRoundBody>;

/** Close or reopen. */
export const RoundVersionBody = z.object({ version: Version });
export type RoundVersionBody = z.infer<typeof RoundVersionBody>;

// ---------------------------------------------------------------- participants

/** Completeness columns as a filter (a cell of the completeness table opens its list). */
export const PARTICIPANT_FILTERS = ['on_time', 'late', 'returned', 'missing', 'missing_overdue', 'excused'] as const;
export type ParticipantFilter = (typeof PARTICIPANT_FILTERS)[number];

export const ParticipantListQuery = z.object({
  unitId: Id.optional().describe('Participants at or under this unit (default: the opening unit)'),
  state: z.enum(PARTICIPANT_STATES).optional(),
  late: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: submitted after the due day, or not submitted and the due day has passed; false: the others'),
  completeness: z.enum(PARTICIPANT_FILTERS).optional().describe('The participants of one completeness column'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

export const Participant = z.object({
  unit: RoundUnit,
  /** The unit's parent (the province of a commune), for grouping and display. */
  parent: RoundUnit.nullable(),
  state: z.enum(PARTICIPANT_STATES),
  dueOn: IsoDate,
  /** Whether `dueOn` differs from the round's (an extension). */
  extended: z.boolean(),
  submittedOn: IsoDate.nullable(),
  /** Submitted after the due day, or still not submitted after it. */
  late: z.boolean(),
  submissionId: Id.nullable(),
  /** The submission's version (return and accept send it). */
  submissionVersion: z.number().int().nullable(),
  /** The submission's narrative: only for readers of the opening unit, and only once submitted. */
  narrative: z.string().nullable(),
  /** `submit`: the reader may write and submit this unit's submission (data.write on the unit). */
  can: z.object({ submit: z.boolean() }),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantPage = z.object({ items: z.array(Participant), total: z.number().int() });
export type ParticipantPage = z.infer<typeof ParticipantPage>;

export const ParticipantParams = z.object({ id: Id, unitId: Id });

/** An extension (`dueOn`) or an excuse (`excused`); at least one. */
export const UpdateParticipantBody = z
  .object({
    dueOn: RoundDate.optional(),
    excused: z.boolean().optional(),
  })
  .refine((b) => b.dueOn !== undefined || b.excused !== undefined, { message: 'nothing to change' });
export type UpdateParticipantBody = z.infer<typeof UpdateParticipantBody>;

// ---------------------------------------------------------------- submissions

export const CreateSubmissionBody = z.object({ unitId: Id.describe('The participant unit') });
export type CreateSubmissionBody = z.infer<typeof CreateSubmissionBody>;

export const SubmissionIdParams = z.object({ id: Id });

/** The text answers by section key (template sections of kind `text`). */
export const SubmissionSections = z.record(
  z.string().regex(SECTION_KEY),
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(REPORTING_LIMITS.sectionText)),
);

export const Submission = z.object({
  id: Id,
  round: z.object({
    id: Id,
    title: z.string(),
    openingUnit: RoundUnit,
    periodFrom: IsoDate,
    periodTo: IsoDate,
    status: z.enum(ROUND_STATUSES),
  }),
  unit: RoundUnit,
  template: ReportTemplate,
  status: z.enum(SUBMISSION_STATUSES),
  /** The participant's due day (the round's, or its extension). */
  dueOn: IsoDate,
  submittedOn: IsoDate.nullable(),
  late: z.boolean(),
  /**
   * The report engine's `Report` (common/reports.ts) for the unit's subtree and the round's
   * period, as it was when the draft was made or last refreshed.
   */
  figures: z.record(z.string(), z.unknown()),
  figuresAt: z.string(),
  narrative: z.string().nullable(),
  sections: z.record(z.string(), z.string()),
  returnReason: z.string().nullable(),
  /** The situation report of the template's `situation` section (edited through /api/situation-reports); null without one. */
  situationReportId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the reader may do: edit/refresh/submit the participant's draft; return/accept for the opening unit. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  version: z.number().int(),
});
export type Submission = z.infer<typeof Submission>;

export const UpdateSubmissionBody = z
  .object({
    narrative: z
      .string()
      .transform((s) => s.trim() || null)
      .pipe(z.string().max(REPORTING_LIMITS.narrative).nullable())
      .optional(),
    sections: SubmissionSections.optional().describe('Answers by section key; a key not in the template is refused'),
    version: Version,
  })
  .refine((b) => b.narrative !== undefined || b.sections !== undefined, { message: 'nothing to change' });
export type UpdateSubmissionBody = z.infer<typeof UpdateSubmissionBody>;

/** Refresh, submit or accept. */
export const SubmissionVersionBody = z.object({ version: Version });
export type SubmissionVersionBody = z.infer<typeof SubmissionVersionBody>;

export const ReturnSubmissionBody = z.object({ reason: oneLineText(REPORTING_LIMITS.returnReason), version: Version });
export type ReturnSubmissionBody = z.infer<typeof ReturnSubmissionBody>;
