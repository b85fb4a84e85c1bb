/**
 * Coordination programs (chương trình phối hợp) between a Party commission and a force — army,
 * police, border guard, coast guard (docs/leadership-loop.md, slice 6). A program is a policy
 * document of kind `coordination_program` plus its force and period; each year has its yearly plan
 * (an implementation plan with `year` set) whose items are tasks and whose results are the tasks'
 * progress reports. Request and response shapes shared by the server and the web app.
 */
import { z } from 'zod';
import { oneLineText, optionalLongText } from './text-fields.js';
import { LOCALES } from './access.js';
import { PolicyDocumentDate, POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_STATUSES, POLICY_DOCUMENT_NUMBER, POLICY_DOCUMENT_SYMBOL } from './policy-documents.js';
import { TaskSummary, TaskTotals, TaskUnit } from './tasks.js';
import { CATALOGUE_CODE, Id, IsoDate, Version } from './units.js';

/** The forces seeded by the migration (more are data: `POST /api/forces`). */
export const SEEDED_FORCES = ['army', 'police', 'border_guard', 'coast_guard'] as const;

export const COORDINATION_LIMITS = {
  forceName: 200,
  forceBody: 300,
  /** Programs run a few years (2016–2020, 2023–2027); a yearly plan is one calendar year. */
  minYear: 1990,
  maxYear: 2100,
} as const;


// ---------------------------------------------------------------- forces

/** Names by locale; Vietnamese is required, the others fall back to it. */
const ForceNames = z
  .partialRecord(z.enum(LOCALES), oneLineText(COORDINATION_LIMITS.forceName))
  .refine((n) => typeof n.vi === 'string', { message: 'the Vietnamese name is required', path: ['vi'] });

export const Force = z.object({
  code: z.string(),
  /** Display names by language; `vi` always present; the web falls back to `vi`. */
  names: z.record(z.string(), z.string()),
  sortOrder: z.number().int(),
  /** Seeded by the migration. */
  builtin: z.boolean(),
});
export type Force = z.infer<typeof Force>;
export const ForceList = z.object({ items: z.array(Force) });
export type ForceList = z.infer<typeof ForceList>;

export const CreateForceBody = z.object({
  code: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)'),
  names: ForceNames,
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export type CreateForceBody = z.infer<typeof CreateForceBody>;

export const UpdateForceBody = z
  .object({
    names: ForceNames.optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });
export type UpdateForceBody = z.infer<typeof UpdateForceBody>;

export const ForceParams = z.object({ code: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)') });

// ---------------------------------------------------------------- programs

export const CoordinationProgramIdParams = z.object({ id: Id.describe('The program\'s policy document id') });

export const CoordinationProgramListQuery = z.object({
  unitId: Id.optional().describe('Programs of this unit, of units under it and of units above it (as documents are read)'),
  force: z.string().regex(CATALOGUE_CODE).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CoordinationProgramListQuery = z.infer<typeof CoordinationProgramListQuery>;

/** The program's document as the program shows it. */
export const CoordinationDocument = z.object({
  id: Id,
  number: z.string().nullable(),
  symbol: z.string(),
  /** "12-CTrPH/TU". */
  numberAndSymbol: z.string(),
  issuedOn: IsoDate.nullable(),
  title: z.string(),
  /** A draft is issued on the document's page (`POST /api/policy-documents/:id/issue`); only then are yearly plans added. */
  status: z.enum(POLICY_DOCUMENT_STATUSES),
});
export type CoordinationDocument = z.infer<typeof CoordinationDocument>;

export const CoordinationProgramSummary = z.object({
  /** The program's policy document id (the program has no id of its own). */
  id: Id,
  document: CoordinationDocument,
  /** The commission's unit (the party side). */
  partyUnit: TaskUnit,
  force: Force,
  /** The force's body that signed ("Bộ Tư lệnh Vùng Cảnh sát biển 1"). */
  forceBody: z.string(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  /** Years that have a yearly plan, ascending. */
  years: z.array(z.number().int()),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CoordinationProgramSummary = z.infer<typeof CoordinationProgramSummary>;

export const CoordinationProgramPage = z.object({ items: z.array(CoordinationProgramSummary), total: z.number().int() });
export type CoordinationProgramPage = z.infer<typeof CoordinationProgramPage>;

/** The latest progress report of an item: its result so far. */
export const CoordinationItemResult = z.object({ reportedOn: IsoDate, text: z.string(), percent: z.number().int().nullable() });
export type CoordinationItemResult = z.infer<typeof CoordinationItemResult>;

/** An item of a yearly plan: a root task of the plan and its latest result. */
export const CoordinationPlanItem = TaskSummary.extend({ latestResult: CoordinationItemResult.nullable() });
export type CoordinationPlanItem = z.infer<typeof CoordinationPlanItem>;

export const CoordinationYearlyPlan = z.object({
  /** The implementation plan's id: items are added with `POST /api/implementation-plans/:id/tasks`. */
  id: Id,
  year: z.number().int(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  totals: TaskTotals.pick({ leaves: true, done: true, open: true, overdue: true }),
  items: z.array(CoordinationPlanItem),
  version: z.number().int(),
});
export type CoordinationYearlyPlan = z.infer<typeof CoordinationYearlyPlan>;

export const CoordinationProgramDetail = CoordinationProgramSummary.extend({
  summary: z.string().nullable(),
  /** Yearly plans, ascending by year. */
  yearlyPlans: z.array(CoordinationYearlyPlan),
  /** What the reader may do (the web hides the rest; the server decides). */
  can: z.object({ edit: z.boolean(), addYear: z.boolean() }),
});
export type CoordinationProgramDetail = z.infer<typeof CoordinationProgramDetail>;

const ProgramPeriod = PolicyDocumentDate;

export const CreateCoordinationProgramBody = z
  .object({
    partyUnitId: Id.describe('The commission\'s unit; it issues the program\'s document'),
    forceCode: z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)'),
    forceBody: oneLineText(COORDINATION_LIMITS.forceBody).describe('"Bộ Tư lệnh Vùng Cảnh sát biển 1", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"'),
    periodFrom: ProgramPeriod,
    periodTo: ProgramPeriod,
    document: z.object({
      issuingBody: oneLineText(POLICY_DOCUMENT_LIMITS.issuingBody).optional().describe('"Ban Thường vụ Tỉnh ủy"; default: the party unit\'s issuing body on the date of issue'),
      number: z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.number).regex(POLICY_DOCUMENT_NUMBER, 'letters and digits only').nullish(),
      symbol: z.string().trim().min(1).max(POLICY_DOCUMENT_LIMITS.symbol).regex(POLICY_DOCUMENT_SYMBOL, 'letters, digits, "/", "-", "." and "&" only').describe('"CTrPH/TU"'),
      issuedOn: PolicyDocumentDate.nullish(),
      title: oneLineText(POLICY_DOCUMENT_LIMITS.title),
      summary: optionalLongText(POLICY_DOCUMENT_LIMITS.summary).optional(),
    }),
  })
  .refine((b) => b.periodTo > b.periodFrom, { message: 'must be after the start of the period', path: ['periodTo'] });
export type CreateCoordinationProgramBody = z.infer<typeof CreateCoordinationProgramBody>;

export const UpdateCoordinationProgramBody = z
  .object({
    forceBody: oneLineText(COORDINATION_LIMITS.forceBody).optional(),
    periodFrom: ProgramPeriod.optional(),
    periodTo: ProgramPeriod.optional(),
    version: Version.describe('The version the change was made on; another one means someone changed the program meanwhile'),
  })
  .refine((b) => b.forceBody !== undefined || b.periodFrom !== undefined || b.periodTo !== undefined, { message: 'nothing to change' });
export type UpdateCoordinationProgramBody = z.infer<typeof UpdateCoordinationProgramBody>;

export const CreateYearlyPlanBody = z.object({
  year: z.number().int().min(COORDINATION_LIMITS.minYear).max(COORDINATION_LIMITS.maxYear).describe('A year within the program\'s period'),
});
export type CreateYearlyPlanBody = z.infer<typeof CreateYearlyPlanBody>;
