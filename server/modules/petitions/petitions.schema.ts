/** Request and response shapes of the petitions API beyond the shared ones of common/petitions.ts. */
import { z } from 'zod';
import {
  DigestRow,
  PETITION_CHANNELS,
  PETITION_KINDS,
  PETITION_LIMITS,
  PETITION_STATUSES,
  PetitionCategory,
  PetitionSummary,
} from '../../../common/petitions.js';
import { CatalogueCode, Id, IsoDate } from '../../../common/units.js';

export const PetitionIdParams = z.object({ id: Id });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });

/** The longest text search (`q`); web/features/petitions/petition-search.ts cuts the box's text to it. */
export const PETITION_SEARCH_MAX = 100;

const Filters = {
  unitId: Id.optional().describe('Only petitions handled at this unit or below it'),
  view: z.enum(['all', 'queue']).default('all').describe('queue: handled by the unit itself, plus overdue ones below it (escalated); needs unitId'),
  status: z.enum(PETITION_STATUSES).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  kind: z.enum(PETITION_KINDS).optional(),
  channel: z.enum(PETITION_CHANNELS).optional(),
  categoryCode: z.string().max(41).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  due: z.enum(['overdue', 'due_soon']).optional(),
  q: z
    .string()
    .trim()
    .max(PETITION_SEARCH_MAX)
    .transform((v) => v || undefined)
    .optional()
    .describe('Text search: a number ("12" or "12/2026"), or words of the title, a tracking code, and the submitter\'s name only where the caller holds petitions.identity (each petition matched by name is audited). Accents and case do not matter'),
};

export const PetitionListQuery = z.object({
  ...Filters,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

export const PetitionExportQuery = z.object({
  ...Filters,
  includeIdentity: z.enum(['true', 'false']).transform((v) => v === 'true').default(false).describe('Needs petitions.identity on unitId; the export is written to the audit trail'),
});
export type PetitionExportQuery = z.infer<typeof PetitionExportQuery>;

export const PetitionPage = z.object({
  items: z.array(PetitionSummary),
  total: z.number().int(),
  /** True when there are more than `total` (counting stops at 10,000). */
  totalCapped: z.boolean(),
  today: IsoDate,
  dueSoonUntil: IsoDate,
});

export const HandlingUnitsQuery = z.object({
  action: z.enum(['assign', 'transfer']).default('assign'),
  q: z.string().trim().max(100).optional().describe('Part of a name (2 characters or more); without it, the units directly below'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type HandlingUnitsQuery = z.infer<typeof HandlingUnitsQuery>;

const CandidateUnit = z.object({ id: Id, name: z.string() });
export const HandlingUnits = z.object({
  /** The handling unit: assign may pick it; every other choice lies below it. */
  root: CandidateUnit,
  /** The unit directly above, in force (transfer only). */
  parent: CandidateUnit.nullable(),
  items: z.array(CandidateUnit.extend({ kind: z.string(), pathNames: z.string().nullable() })),
});

export const DigestQuery = z.object({ unitId: Id.optional() });
export const DigestResult = z.object({ date: IsoDate, dueSoonUntil: IsoDate, items: z.array(DigestRow) });

export const PetitionSettings = z.object({
  categories: z.array(PetitionCategory),
  timeLimits: z.array(z.object({ kind: z.enum(PETITION_KINDS), days: z.number().int(), basis: z.enum(['working', 'calendar']), maxExtensionDays: z.number().int(), source: z.string() })),
});

const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(PETITION_LIMITS.reason);

/** The body each action takes. */
export const ACTION_BODIES = {
  classify: z.object({ version, kind: z.enum(PETITION_KINDS).optional(), categoryCode: CatalogueCode.optional(), reason: reason.optional() }),
  assign: z.object({ version, handlingUnitId: Id, reason: reason.optional() }),
  transfer: z.object({ version, handlingUnitId: Id, reason }),
  start: z.object({ version, reason: reason.optional() }),
  progress: z.object({ version, note: reason }),
  extend: z.object({ version, days: z.number().int().min(1).max(365), reason }),
  resolve: z.object({ version, result: reason, publicReply: reason }),
  reject: z.object({ version, reason, publicReply: reason.optional() }),
  transfer_out: z.object({ version, reason: reason.describe('Which body it was sent to, and why'), publicReply: reason.optional() }),
} as const;
export type ActionBody = { [K in keyof typeof ACTION_BODIES]: z.infer<(typeof ACTION_BODIES)[K]> };

// ---- holidays ----

export const HolidayYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const HolidayDateParams = z.object({ date: IsoDate });
export const HolidayAdjustmentBody = z.object({ kind: z.enum(['day_off', 'working_day']), note: z.string().trim().min(1).max(500) });
export const HolidayYear = z.object({
  year: z.number().int(),
  /** Days off of the year: statutory, compensatory and the Government's added days. */
  daysOff: z.array(z.object({ date: IsoDate, name: z.string(), compensatory: z.boolean() })),
  /** The Government's decisions recorded for the year (days off added, weekend days worked). */
  adjustments: z.array(z.object({ date: IsoDate, kind: z.enum(['day_off', 'working_day']), note: z.string() })),
});
