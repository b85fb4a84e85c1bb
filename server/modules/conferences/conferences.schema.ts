/** Request and response shapes of the review conferences (hội nghị sơ kết / tổng kết). */
import { z } from 'zod';
import { Id, IsoDate } from '../../../common/units.js';
import { cleanText } from '../units/units.seed.js';

export const PERIOD_KINDS = ['quarter', 'year', 'emulation_period', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const CONFERENCE_LIMITS = { title: 500, participants: 5000, notes: 20000 } as const;

/** Text as people type it: trimmed, runs of spaces made one; empty is refused. */
export const Text = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, 'must not be empty').max(max));

export const Year = z.number().int().min(2000).max(2100);

/** A unit as a record names it. */
export const UnitName = z.object({ id: Id, name: z.string(), kind: z.string() });

/**
 * The period a conference reviews. For a quarter, a year or an emulation period the server
 * computes the first and last day; a custom period gives them.
 */
export const PeriodInput = z.discriminatedUnion('periodKind', [
  z.object({ periodKind: z.literal('quarter'), year: Year, quarter: z.number().int().min(1).max(4) }),
  z.object({ periodKind: z.literal('year'), year: Year }),
  z.object({ periodKind: z.literal('emulation_period'), emulationPeriodId: Id }),
  z
    .object({ periodKind: z.literal('custom'), periodStart: IsoDate, periodEnd: IsoDate })
    .refine((p) => p.periodEnd >= p.periodStart, { message: 'must not be before the start of the period', path: ['periodEnd'] }),
]);
export type PeriodInput = z.infer<typeof PeriodInput>;

export const ConferenceIdParams = z.object({ id: Id });

export const ConferenceListQuery = z.object({
  unitId: Id.optional().describe('Only conferences of this unit and the units under it'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Conferences whose reviewed period covers (part of) this year'),
  periodKind: z.enum(PERIOD_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ConferenceListQuery = z.infer<typeof ConferenceListQuery>;

/** The list's filters for an export (everything matching, up to the export's limit). */
export const ConferenceExportQuery = ConferenceListQuery.omit({ limit: true, offset: true });
export type ConferenceExportQuery = z.infer<typeof ConferenceExportQuery>;

export const CreateConferenceBody = z.object({
  unitId: Id.describe('The organizing unit'),
  title: Text(CONFERENCE_LIMITS.title),
  heldOn: IsoDate,
  period: PeriodInput,
  participantsCount: z.number().int().min(0).max(10_000_000).nullish(),
  participants: Text(CONFERENCE_LIMITS.participants).nullish(),
  notes: Text(CONFERENCE_LIMITS.notes).nullish(),
});
export type CreateConferenceBody = z.infer<typeof CreateConferenceBody>;

export const UpdateConferenceBody = z
  .object({
    title: Text(CONFERENCE_LIMITS.title).optional(),
    heldOn: IsoDate.optional(),
    period: PeriodInput.optional(),
    participantsCount: z.number().int().min(0).max(10_000_000).nullish(),
    participants: Text(CONFERENCE_LIMITS.participants).nullish(),
    notes: Text(CONFERENCE_LIMITS.notes).nullish(),
    version: z.number().int().min(1).describe('The version the change was made on; another one means someone changed the conference meanwhile'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && b[k as keyof typeof b] !== undefined), { message: 'nothing to change' });
export type UpdateConferenceBody = z.infer<typeof UpdateConferenceBody>;

export const ReviewConference = z.object({
  id: Id,
  unit: UnitName,
  title: z.string(),
  heldOn: IsoDate,
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** For a quarter or a year: the year; otherwise null. */
  year: z.number().int().nullable(),
  /** For a quarter: 1–4; otherwise null. */
  quarter: z.number().int().nullable(),
  emulationPeriod: z.object({ id: Id, name: z.string() }).nullable(),
  participantsCount: z.number().int().nullable(),
  participants: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ReviewConference = z.infer<typeof ReviewConference>;

/** How many were commended at a conference: collectives, individuals, and both by form. */
export const ConferenceCommendationCounts = z.object({
  total: z.number().int(),
  collectives: z.number().int(),
  individuals: z.number().int(),
  byForm: z.array(z.object({ formCode: z.string(), collectives: z.number().int(), individuals: z.number().int() })),
});

export const ReviewConferenceDetail = ReviewConference.extend({ commendations: ConferenceCommendationCounts });
export type ReviewConferenceDetail = z.infer<typeof ReviewConferenceDetail>;

export const ReviewConferencePage = z.object({ items: z.array(ReviewConference), total: z.number().int() });
