/**
 * Request and response shapes of the document reviews (sơ kết / tổng kết of a policy document,
 * docs/leadership-loop.md §6): the review of how a unit carried out a document over a period, its
 * ordinal ("N năm thực hiện"), the roll-up snapshot and the commended units.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../../../common/units.js';
import { Text, UnitName } from '../conferences/conferences.schema.js';

export const DOCUMENT_REVIEW_KINDS = ['so_ket', 'tong_ket'] as const;
export type DocumentReviewKind = (typeof DOCUMENT_REVIEW_KINDS)[number];
/** At most this many units commended in one review (a province's communes fit). */
/** The title's limit, as reviews.schema.ts's REVIEW_LIMITS.title (not imported: that file imports this one). */
export const DOCUMENT_REVIEW_TITLE_MAX = 500;
export const COMMENDED_UNITS_MAX = 200;
/** The overdue tasks kept in a snapshot (the total is kept too). */
export const SNAPSHOT_OVERDUE_MAX = 50;

export const CreateDocumentReviewBody = z
  .object({
    unitId: Id.describe('The reviewing unit: the issuing unit of the document or a unit with its plan or tasks'),
    policyDocumentId: Id,
    kind: z.enum(DOCUMENT_REVIEW_KINDS).describe('so_ket: a review midway; tong_ket: the final one'),
    from: IsoDate.describe('First day of the reviewed period: not before the document was issued'),
    to: IsoDate,
    joint: z.boolean().default(false).describe('A joint review (sơ kết liên tịch) of a coordination program, with its force'),
    ordinalYears: z.number().int().min(0).max(200).optional().describe('"N năm thực hiện"; default: the period\'s last year minus the year of issue'),
    title: Text(DOCUMENT_REVIEW_TITLE_MAX).optional().describe('Default: "Tổng kết N năm thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của …"'),
  })
  .superRefine((b, ctx) => {
    if (b.to < b.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });
export type CreateDocumentReviewBody = z.infer<typeof CreateDocumentReviewBody>;

const Counts = z.object({
  leaves: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  unitsTasked: z.number().int(),
  unitsReported: z.number().int(),
});

/** The document's roll-up under the reviewing unit on the day it was filled (stored as is). */
export const DocumentFigures = z.object({
  at: IsoDate.describe('The day (Viet Nam) the figures were read'),
  totals: Counts,
  own: Counts.describe("The reviewing unit's own tasks"),
  children: z.array(Counts.extend({ unit: UnitName })).describe('By child unit in today\'s tree, by name'),
  overdue: z.array(z.object({ taskId: Id, content: z.string(), owner: UnitName, deadline: IsoDate })).describe(`The first ${SNAPSHOT_OVERDUE_MAX} overdue tasks, oldest deadline first`),
  overdueTotal: z.number().int(),
});
export type DocumentFigures = z.infer<typeof DocumentFigures>;

export const CommendedUnit = z.object({
  unit: UnitName,
  form: z.string(),
  commendationId: Id.nullable(),
});
export type CommendedUnit = z.infer<typeof CommendedUnit>;

export const PutCommendedUnitsBody = z.object({
  items: z
    .array(
      z.object({
        unitId: Id.describe("The review's unit or a unit under it"),
        form: Text(300).describe('e.g. "Bằng khen của Ban Thường vụ Tỉnh ủy"'),
        commendationId: Id.nullish().describe('A recorded commendation of that unit'),
      }),
    )
    .max(COMMENDED_UNITS_MAX),
  version: z.number().int().min(1).describe("The review's version"),
});
export type PutCommendedUnitsBody = z.infer<typeof PutCommendedUnitsBody>;

/** The document part of a review (absent for periodic reviews). */
export const ReviewOfDocument = z.object({
  document: z.object({
    id: Id,
    kind: z.string(),
    kindNames: z.record(z.string(), z.string()),
    number: z.string().nullable(),
    symbol: z.string(),
    issuedOn: IsoDate.nullable(),
    issuingBody: z.string(),
    title: z.string(),
  }),
  kind: z.enum(DOCUMENT_REVIEW_KINDS),
  ordinalYears: z.number().int().nullable(),
  joint: z.boolean(),
  documentFigures: DocumentFigures.nullable(),
  commendedUnits: z.array(CommendedUnit),
});
export type ReviewOfDocument = z.infer<typeof ReviewOfDocument>;
