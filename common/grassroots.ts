/**
 * Democracy at the grassroots, slice D (issue 16, docs/grassroots-democracy.md §5): what a commune
 * makes public (Luật 10/2022/QH15 art. 11–12) and what its citizens discuss and decide (art. 15),
 * with the review that lets a record reach the public page. Catalogues are data with their legal
 * source; nothing the law sets is a constant here.
 */
import { z } from 'zod';
import { EvidenceFile } from './grassroots-files.js';
import { oneLineText, optionalLongText } from './text-fields.js';
import { Id, IsoDate, Version } from './units.js';

export const GRASSROOTS_LIMITS = {
  title: 500,
  village: 300,
  evidence: 4000,
  approvalNumber: 200,
  forms: 10,
  households: 1_000_000,
  page: 200,
  /** Records of a commune on the public page. */
  publicRows: 50,
} as const;

export const DECISION_METHODS = ['meeting', 'household_ballot', 'online'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];
export const PUBLIC_STATES = ['private', 'pending', 'approved'] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];
/** A required item's state in a year: published on time, published late, not published. */
export const ITEM_STATES = ['published', 'overdue', 'never'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

const Code = z.string().regex(/^[a-z0-9_]{1,40}$/, 'must be a catalogue code');
const Year = z.coerce.number().int().min(2000).max(2100);
const Count = z.number().int().min(0).max(GRASSROOTS_LIMITS.households);
const Names = z.record(z.string(), z.string());
const Ref = z.object({ id: Id, name: z.string() });
const Stamp = { unit: Ref, publicState: z.enum(PUBLIC_STATES), createdAt: z.string(), updatedAt: z.string(), version: z.number().int() };

// ---------------------------------------------------------------- catalogues

const Sourced = { code: z.string(), names: Names, legalSource: z.string(), toConfirm: z.boolean() };
export const PublicationItem = z.object({ ...Sourced, requiredYearly: z.boolean(), deadlineDays: z.number().int().nullable() });
export type PublicationItem = z.infer<typeof PublicationItem>;
export const PublicationForm = z.object(Sourced);
export type PublicationForm = z.infer<typeof PublicationForm>;
export const CitizenMatter = z.object({ ...Sourced, isCovenant: z.boolean() });
export type CitizenMatter = z.infer<typeof CitizenMatter>;
export const DecisionThreshold = z.object({
  id: Id,
  matterCode: z.string().nullable(),
  method: z.enum(DECISION_METHODS).nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  attendancePct: z.number(),
  approvalPct: z.number(),
  approvalBasis: z.enum(['eligible', 'taking_part']),
  strict: z.boolean(),
  legalSource: z.string(),
  toConfirm: z.boolean(),
});
export type DecisionThreshold = z.infer<typeof DecisionThreshold>;
export const GrassrootsCatalogues = z.object({
  items: z.array(PublicationItem),
  forms: z.array(PublicationForm),
  matters: z.array(CitizenMatter),
  thresholds: z.array(DecisionThreshold),
});
export type GrassrootsCatalogues = z.infer<typeof GrassrootsCatalogues>;

/** A catalogue name in the reader's language, Vietnamese when it has none. */
export const grassrootsName = (item: { names: Record<string, string>; code: string } | undefined, lang: string): string => (item ? (item.names[lang] ?? item.names.vi ?? item.code) : '');

// ---------------------------------------------------------------- queries

export const CommuneYearQuery = z.object({
  unitId: Id.describe('The commune (or any administrative unit) whose records are listed'),
  year: Year.describe('Calendar year of publication or decision'),
});
export type CommuneYearQuery = z.infer<typeof CommuneYearQuery>;
export const GrassrootsIdParams = z.object({ id: Id });
export const ReviewBody = z.object({ approve: z.boolean().describe('true: shown on the public page; false: back to private'), version: Version });
export type ReviewBody = z.infer<typeof ReviewBody>;

// ---------------------------------------------------------------- publications

export const Publication = z.object({
  id: Id,
  ...Stamp,
  itemCode: z.string(),
  documentTitle: z.string(),
  documentDate: IsoDate,
  forms: z.array(z.string()),
  publishedOn: IsoDate,
  postedUntil: IsoDate.nullable(),
  evidence: z.string().nullable(),
  /** Published after the item's deadline (days from the document's date, as the catalogue sets). */
  late: z.boolean(),
  /** Evidence files (photo of the notice board, scan of the minutes, the document posted): never on the public page. */
  files: z.array(EvidenceFile),
});
export type Publication = z.infer<typeof Publication>;
export const PublicationBody = z.object({
  unitId: Id,
  itemCode: Code,
  documentTitle: oneLineText(GRASSROOTS_LIMITS.title),
  documentDate: IsoDate,
  forms: z.array(Code).min(1).max(GRASSROOTS_LIMITS.forms),
  publishedOn: IsoDate.describe('Must not be before documentDate'),
  postedUntil: IsoDate.nullish().describe('End of the posting; not before publishedOn'),
  evidence: optionalLongText(GRASSROOTS_LIMITS.evidence).nullish().describe('Where and how it was published (the evidence as text)'),
  public: z.boolean().optional().describe('Ask for the public page: the record waits for a review by data.approve'),
});
export type PublicationBody = z.infer<typeof PublicationBody>;
export const PublicationUpdate = PublicationBody.omit({ unitId: true }).partial().extend({ version: Version });
export type PublicationUpdate = z.infer<typeof PublicationUpdate>;

/** A catalogue item's state for a commune and year: the register of what is required. */
export const ItemYear = z.object({
  itemCode: z.string(),
  requiredYearly: z.boolean(),
  state: z.enum(ITEM_STATES),
  publications: z.number().int(),
  lastPublishedOn: IsoDate.nullable(),
  lastDocumentTitle: z.string().nullable(),
});
export type ItemYear = z.infer<typeof ItemYear>;
export const ItemYearList = z.object({ year: z.number().int(), items: z.array(ItemYear) });
export type ItemYearList = z.infer<typeof ItemYearList>;

// ---------------------------------------------------------------- citizens' decisions

export const CitizenDecision = z.object({
  id: Id,
  ...Stamp,
  village: z.string(),
  matterCode: z.string(),
  subject: z.string(),
  method: z.enum(DECISION_METHODS),
  decidedOn: IsoDate,
  eligibleHouseholds: z.number().int(),
  householdsTakingPart: z.number().int(),
  inFavour: z.number().int(),
  against: z.number().int(),
  /** Computed from the threshold in force on decidedOn (null: no threshold in force, not passed). */
  passed: z.boolean(),
  thresholdId: Id.nullable(),
  resultPublishedOn: IsoDate.nullable(),
  resultForm: z.string().nullable(),
  approvedOn: IsoDate.nullable(),
  approvalNumber: z.string().nullable(),
});
export type CitizenDecision = z.infer<typeof CitizenDecision>;
export const DecisionBody = z.object({
  unitId: Id,
  village: oneLineText(GRASSROOTS_LIMITS.village),
  matterCode: Code,
  subject: oneLineText(GRASSROOTS_LIMITS.title),
  method: z.enum(DECISION_METHODS),
  decidedOn: IsoDate,
  eligibleHouseholds: Count.min(1),
  householdsTakingPart: Count.describe('Not more than eligibleHouseholds'),
  inFavour: Count,
  against: Count.describe('inFavour + against not more than householdsTakingPart'),
  resultPublishedOn: IsoDate.nullish(),
  resultForm: Code.nullish(),
  approvedOn: IsoDate.nullish().describe('Village covenants: the commune\'s approval'),
  approvalNumber: oneLineText(GRASSROOTS_LIMITS.approvalNumber).nullish(),
  public: z.boolean().optional().describe('Ask for the public page (the result): waits for a review by data.approve'),
});
export type DecisionBody = z.infer<typeof DecisionBody>;
export const DecisionUpdate = DecisionBody.omit({ unitId: true }).partial().extend({ version: Version });
export type DecisionUpdate = z.infer<typeof DecisionUpdate>;

/** Records waiting for review under a unit. */
export const PendingQuery = z.object({ unitId: Id.describe('Records of this unit\'s subtree waiting for review') });
export const PendingList = z.object({ publications: z.array(Publication), decisions: z.array(CitizenDecision) });
export type PendingList = z.infer<typeof PendingList>;

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

// ---------------------------------------------------------------- figures

export const FigureRow = z.object({
  /** Null: the unit's own records (a unit with records of its own besides its children's). */
  unit: Ref.nullable(),
  communes: z.number().int(),
  itemsPublished: z.number().int(),
  itemsOverdue: z.number().int(),
  itemsNever: z.number().int(),
  decisions: z.number().int(),
  decisionsPassed: z.number().int(),
  covenants: z.number().int(),
});
export type FigureRow = z.infer<typeof FigureRow>;
export const GrassrootsFigures = z.object({ unit: Ref, year: z.number().int(), total: FigureRow, children: z.array(FigureRow) });
export type GrassrootsFigures = z.infer<typeof GrassrootsFigures>;

// ---------------------------------------------------------------- public page

export const PublicGrassrootsQuery = z.object({ unitId: Id });
export const PublicGrassroots = z.object({
  unit: Ref,
  publications: z.array(z.object({ itemCode: z.string(), itemName: z.string(), documentTitle: z.string(), documentDate: IsoDate, publishedOn: IsoDate, postedUntil: IsoDate.nullable() })),
  decisions: z.array(z.object({ matterName: z.string(), village: z.string(), subject: z.string(), decidedOn: IsoDate, passed: z.boolean(), householdsTakingPart: z.number().int(), eligibleHouseholds: z.number().int(), inFavour: z.number().int() })),
});
export type PublicGrassroots = z.infer<typeof PublicGrassroots>;
