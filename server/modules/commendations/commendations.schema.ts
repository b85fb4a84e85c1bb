/** Request and response shapes of commendations (khen thưởng) and their forms. */
import { z } from 'zod';
import { LOCALES } from '../../../common/access.js';
import { CatalogueCode, Id, IsoDate } from '../../../common/units.js';
import { Text, UnitName, Year } from '../conferences/conferences.schema.js';

export const RECIPIENT_KINDS = ['collective', 'individual'] as const;
export const COMMENDATION_LIMITS = { name: 200, position: 200, decisionNumber: 100, reason: 5000, entriesPerCommendation: 50, bulkRecipients: 1000 } as const;

const EntryIds = z.array(Id).max(COMMENDATION_LIMITS.entriesPerCommendation).describe('Entries (models, typical examples) the commendation rewards; each must be readable by the caller');

// ---- forms ----

export const CommendationForm = z.object({ code: z.string(), names: z.record(z.string(), z.string()), sortOrder: z.number().int(), builtin: z.boolean() });
export type CommendationForm = z.infer<typeof CommendationForm>;
export const CommendationFormList = z.object({ items: z.array(CommendationForm) });

export const CreateFormBody = z.object({
  code: CatalogueCode,
  names: z
    .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(100))
    .refine((names) => names.vi !== undefined, { message: 'the Vietnamese name (vi) is required', path: ['vi'] })
    .describe('Display names by language; `vi` is required'),
});
export type CreateFormBody = z.infer<typeof CreateFormBody>;

// ---- commendations ----

export const CommendationIdParams = z.object({ id: Id });

export const CommendationListQuery = z.object({
  unitId: Id.optional().describe('Only commendations of this unit and the units under it'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  periodId: Id.optional().describe('Emulation period'),
  conferenceId: Id.optional(),
  recipientKind: z.enum(RECIPIENT_KINDS).optional(),
  formCode: CatalogueCode.optional(),
  entryId: Id.optional().describe('Only commendations that reward this entry'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CommendationListQuery = z.infer<typeof CommendationListQuery>;

/** The list's filters for an export (everything matching, up to the export's limit). */
export const CommendationExportQuery = CommendationListQuery.omit({ limit: true, offset: true });
export type CommendationExportQuery = z.infer<typeof CommendationExportQuery>;

/** What the decision says, shared by a single commendation and a conference's batch. */
const Decision = {
  formCode: CatalogueCode,
  decisionNumber: Text(COMMENDATION_LIMITS.decisionNumber),
  decisionDate: IsoDate.describe('Not in the future'),
  year: Year.optional().describe('The year rewarded: the year of the decision or the one before; default: the year of the decision'),
  emulationPeriodId: Id.nullish().describe('Default: the emulation period that contains the year'),
};

const Common = {
  issuingUnitId: Id.describe('The unit that commends; its recipients lie in its subtree'),
  ...Decision,
  reason: Text(COMMENDATION_LIMITS.reason).nullish(),
  entryIds: EntryIds.optional(),
  conferenceId: Id.nullish().describe('The review conference where it was given'),
};

export const CreateCommendationBody = z.discriminatedUnion('recipientKind', [
  z.object({ recipientKind: z.literal('collective'), unitId: Id.describe('The commended collective (a unit)'), ...Common }),
  z.object({
    recipientKind: z.literal('individual'),
    name: Text(COMMENDATION_LIMITS.name),
    position: Text(COMMENDATION_LIMITS.position).nullish(),
    unitId: Id.describe('The unit the person belongs to'),
    ...Common,
  }),
]);
export type CreateCommendationBody = z.infer<typeof CreateCommendationBody>;

export const UpdateCommendationBody = z
  .object({
    name: Text(COMMENDATION_LIMITS.name).optional().describe('Individuals only'),
    position: Text(COMMENDATION_LIMITS.position).nullish().describe('Individuals only'),
    formCode: CatalogueCode.optional(),
    decisionNumber: Text(COMMENDATION_LIMITS.decisionNumber).optional(),
    decisionDate: IsoDate.optional(),
    year: Year.optional(),
    emulationPeriodId: Id.nullish(),
    reason: Text(COMMENDATION_LIMITS.reason).nullish(),
    entryIds: EntryIds.optional().describe('Replaces the linked entries'),
    conferenceId: Id.nullish(),
    version: z.number().int().min(1).describe('The version the change was made on; another one means someone changed the commendation meanwhile'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version' && b[k as keyof typeof b] !== undefined), { message: 'nothing to change' });
export type UpdateCommendationBody = z.infer<typeof UpdateCommendationBody>;

export const BulkCommendationBody = z
  .object({
    ...Decision,
    reason: Text(COMMENDATION_LIMITS.reason).nullish().describe('Reason of every recipient without its own'),
    collectives: z
      .array(z.object({ unitId: Id, entryIds: EntryIds.optional(), reason: Text(COMMENDATION_LIMITS.reason).nullish() }))
      .max(COMMENDATION_LIMITS.bulkRecipients)
      .default([]),
    individuals: z
      .array(
        z.object({
          name: Text(COMMENDATION_LIMITS.name),
          position: Text(COMMENDATION_LIMITS.position).nullish(),
          unitId: Id.describe('The unit the person belongs to'),
          entryIds: EntryIds.optional(),
          reason: Text(COMMENDATION_LIMITS.reason).nullish(),
        }),
      )
      .max(COMMENDATION_LIMITS.bulkRecipients)
      .default([]),
  })
  .refine((b) => b.collectives.length + b.individuals.length > 0, { message: 'name at least one collective or individual', path: ['collectives'] });
export type BulkCommendationBody = z.infer<typeof BulkCommendationBody>;

export const BulkCommendationResult = z.object({
  created: z.number().int(),
  collectives: z.number().int(),
  individuals: z.number().int(),
  /** Ids of the new commendations: collectives in the order given, then individuals. */
  ids: z.array(Id),
});

export const Commendation = z.object({
  id: Id,
  recipientKind: z.enum(RECIPIENT_KINDS),
  /** The collective, or the unit the individual belongs to. */
  unit: UnitName,
  /** Individuals: the name and position as published in the decision; null for collectives. */
  name: z.string().nullable(),
  position: z.string().nullable(),
  formCode: z.string(),
  formNames: z.record(z.string(), z.string()),
  issuingUnit: UnitName,
  decisionNumber: z.string(),
  decisionDate: IsoDate,
  year: z.number().int(),
  emulationPeriodId: Id.nullable(),
  conferenceId: Id.nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Commendation = z.infer<typeof Commendation>;

export const CommendationDetail = Commendation.extend({
  /** The rewarded entries the caller may read (others are left out). */
  entries: z.array(z.object({ id: Id, title: z.string(), year: z.number().int() })),
});
export type CommendationDetail = z.infer<typeof CommendationDetail>;

export const CommendationPage = z.object({
  items: z.array(Commendation),
  total: z.number().int(),
  /** Over the whole filtered set, not just the page. */
  summary: z.object({ collectives: z.number().int(), individuals: z.number().int() }),
});
