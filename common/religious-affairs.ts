/**
 * Ethnic and religious affairs (công tác dân tộc, tôn giáo; issue 15, docs/situation.md §9): the
 * registers of a unit and their figures. Dignitaries and prestigious persons are sensitive personal
 * data: their names, and the religion or ethnicity attached to them, leave the server masked unless
 * the caller holds situation.identity in the record's scope and asks through the audited route.
 */
import { z } from 'zod';
import { oneLineText } from './text-fields.js';
import { Id, IsoDate, Version } from './units.js';

export const RELIGIOUS_LIMITS = {
  name: 300,
  personName: 200,
  address: 500,
  rank: 200,
  village: 300,
  decision: 300,
  reason: 500,
  /** Support rows of one person (one a year and kind over decades). */
  support: 200,
  /** Entries of the movement linked to one subject. */
  entries: 50,
  amount: 1_000_000_000_000,
  attendance: 10_000_000,
  page: 200,
  /** Rows of a register export. */
  exportRows: 20_000,
} as const;

export const REGISTERS = ['organizations', 'places', 'dignitaries', 'persons', 'events'] as const;
export type Register = (typeof REGISTERS)[number];
/** The registers of named people: masked, audited, erased by retention. */
export const PERSONAL_REGISTERS = ['dignitaries', 'persons'] as const;
export type PersonalRegister = (typeof PERSONAL_REGISTERS)[number];

const Code = z.string().regex(/^[a-z0-9_]{1,40}$/, 'must be a catalogue code');
const Year = z.number().int().min(1990).max(2100);
const optionalLine = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim() || null)
    .pipe(z.string().max(max).nullable())
    .nullish();

// ---------------------------------------------------------------- catalogues

export const CatalogueItem = z.object({ code: z.string(), names: z.record(z.string(), z.string()) });
export type CatalogueItem = z.infer<typeof CatalogueItem>;
export const ReligiousCatalogues = z.object({
  religions: z.array(CatalogueItem),
  ethnicGroups: z.array(CatalogueItem),
  legalStatuses: z.array(CatalogueItem),
  supportKinds: z.array(CatalogueItem),
});
export type ReligiousCatalogues = z.infer<typeof ReligiousCatalogues>;

/** A catalogue name in the reader's language, Vietnamese when it has none. */
export const catalogueName = (item: CatalogueItem | undefined, lang: string): string => (item ? (item.names[lang] ?? item.names.vi ?? item.code) : '');

// ---------------------------------------------------------------- common shapes

const Ref = z.object({ id: Id, name: z.string() });
const Stamp = { unit: Ref, createdAt: z.string(), updatedAt: z.string(), version: z.number().int() };

export const RegisterListQuery = z.object({
  unitId: Id.describe('Records of this unit\'s subtree (and of retired units counting under it)'),
  q: z.string().max(200).optional().describe('Words of the name, village or place; names of people only where the caller holds situation.identity'),
  religionCode: Code.optional(),
  limit: z.coerce.number().int().min(1).max(RELIGIOUS_LIMITS.page).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RegisterListQuery = z.infer<typeof RegisterListQuery>;
export const RegisterIdParams = z.object({ id: Id });

const entryIds = z.array(Id).max(RELIGIOUS_LIMITS.entries).describe('Entries of the movement the subject took part in (the whole list)');

// ---------------------------------------------------------------- organizations

export const ReligiousOrganization = z.object({
  id: Id,
  ...Stamp,
  name: z.string(),
  religionCode: z.string(),
  denomination: z.string().nullable(),
  legalStatus: z.string(),
  entryIds: z.array(Id),
});
export type ReligiousOrganization = z.infer<typeof ReligiousOrganization>;
export const OrganizationBody = z.object({
  unitId: Id,
  name: oneLineText(RELIGIOUS_LIMITS.name),
  religionCode: Code,
  denomination: optionalLine(RELIGIOUS_LIMITS.name).describe('Hệ phái, giáo phận…'),
  legalStatus: Code,
  entryIds: entryIds.optional(),
});
export type OrganizationBody = z.infer<typeof OrganizationBody>;

// ---------------------------------------------------------------- places of worship

export const WorshipPlace = z.object({
  id: Id,
  ...Stamp,
  name: z.string(),
  organization: Ref.nullable(),
  religionCode: z.string(),
  address: z.string(),
  legalStatus: z.string(),
});
export type WorshipPlace = z.infer<typeof WorshipPlace>;
export const PlaceBody = z.object({
  unitId: Id,
  name: oneLineText(RELIGIOUS_LIMITS.name),
  organizationId: Id.nullish(),
  religionCode: Code,
  address: oneLineText(RELIGIOUS_LIMITS.address),
  legalStatus: Code,
});
export type PlaceBody = z.infer<typeof PlaceBody>;

// ---------------------------------------------------------------- named persons

const Leaving = {
  leftOn: IsoDate.nullish().describe('The day the person left the register (deceased, no longer recognized, left the clergy): retention counts from it'),
  leftReason: optionalLine(RELIGIOUS_LIMITS.reason),
};
const PersonMask = {
  /** Masked ("N*** V*** A***") for everyone: the full name only through the identity route. */
  name: z.string().nullable(),
  /** True once retention erased the name. */
  identityErased: z.boolean(),
  /** The caller may reveal the name (situation.identity in the record's scope; audited). */
  canReadIdentity: z.boolean(),
  leftOn: IsoDate.nullable(),
  leftReason: z.string().nullable(),
};

export const Dignitary = z.object({
  id: Id,
  ...Stamp,
  ...PersonMask,
  religiousName: z.string().nullable(),
  /** Null for callers without situation.identity: a named person's religion is sensitive. */
  religionCode: z.string().nullable(),
  rank: z.string(),
  organization: Ref.nullable(),
  place: Ref.nullable(),
  birthYear: z.number().int().nullable(),
  entryIds: z.array(Id),
});
export type Dignitary = z.infer<typeof Dignitary>;
export const DignitaryBody = z.object({
  unitId: Id,
  name: oneLineText(RELIGIOUS_LIMITS.personName),
  religiousName: optionalLine(RELIGIOUS_LIMITS.personName).describe('Pháp danh, tên thánh…'),
  religionCode: Code,
  rank: oneLineText(RELIGIOUS_LIMITS.rank).describe('Phẩm trật, chức vụ: Hòa thượng, Linh mục, Mục sư…'),
  organizationId: Id.nullish(),
  placeId: Id.nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  ...Leaving,
  entryIds: entryIds.optional(),
});
export type DignitaryBody = z.infer<typeof DignitaryBody>;

export const SupportRow = z.object({
  year: Year,
  kind: Code,
  amount: z.number().int().min(0).max(RELIGIOUS_LIMITS.amount).describe('Đồng'),
  note: optionalLine(RELIGIOUS_LIMITS.reason),
});
export type SupportRow = z.infer<typeof SupportRow>;

export const PrestigiousPerson = z.object({
  id: Id,
  ...Stamp,
  ...PersonMask,
  /** Null for callers without situation.identity: a named person's ethnicity is sensitive. */
  ethnicCode: z.string().nullable(),
  village: z.string(),
  recognizedYear: z.number().int(),
  decision: z.string(),
  /** The unit that decided (a district before 1 July 2025 keeps its district). */
  decidingUnit: Ref,
  support: z.array(z.object({ year: z.number().int(), kind: z.string(), amount: z.number(), note: z.string().nullable() })),
  entryIds: z.array(Id),
});
export type PrestigiousPerson = z.infer<typeof PrestigiousPerson>;
export const PersonBody = z.object({
  unitId: Id,
  name: oneLineText(RELIGIOUS_LIMITS.personName),
  ethnicCode: z.string().regex(/^\d{2}$/, 'must be an ethnic group code (01–54)'),
  village: oneLineText(RELIGIOUS_LIMITS.village),
  recognizedYear: Year,
  decision: oneLineText(RELIGIOUS_LIMITS.decision).describe('"Quyết định số 1234/QĐ-UBND ngày 15/3/2024 của UBND huyện Nho Quan"'),
  decidingUnitId: Id,
  ...Leaving,
  support: z.array(SupportRow).max(RELIGIOUS_LIMITS.support).optional().describe('The whole list, replacing the old one'),
  entryIds: entryIds.optional(),
});
export type PersonBody = z.infer<typeof PersonBody>;

export const PersonIdentity = z.object({
  name: z.string().nullable(),
  religiousName: z.string().nullable(),
  religionCode: z.string().nullable(),
  ethnicCode: z.string().nullable(),
  erased: z.boolean(),
});
export type PersonIdentity = z.infer<typeof PersonIdentity>;

// ---------------------------------------------------------------- events

export const ReligiousEvent = z.object({
  id: Id,
  ...Stamp,
  name: z.string(),
  religionCode: z.string().nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: z.string(),
  expectedAttendance: z.number().int().nullable(),
});
export type ReligiousEvent = z.infer<typeof ReligiousEvent>;
export const EventBody = z.object({
  unitId: Id,
  name: oneLineText(RELIGIOUS_LIMITS.name),
  religionCode: Code.nullish(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: oneLineText(RELIGIOUS_LIMITS.name),
  expectedAttendance: z.number().int().min(0).max(RELIGIOUS_LIMITS.attendance).nullish(),
});
export type EventBody = z.infer<typeof EventBody>;

/** An update: any fields of the register's body but the unit (a record does not move), and the version read. */
export const withVersion = <T extends z.ZodObject>(body: T) =>
  body
    .omit({ unitId: true } as never)
    .partial()
    .extend({ version: Version });

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

// ---------------------------------------------------------------- figures

export const FigureCell = z.object({
  key: z.string(),
  n: z.number().int().nullable(),
  amount: z.number().nullable(),
  suppressed: z.enum(['small', 'secondary']).nullable(),
});
export const FigureTable = z.object({
  cells: z.array(FigureCell),
  other: z.object({ n: z.number().int().nullable(), amount: z.number().nullable() }),
  total: z.object({ n: z.number().int(), amount: z.number() }),
  suppressedAny: z.boolean(),
});
export type FigureTable = z.infer<typeof FigureTable>;

export const ReligiousFiguresQuery = z.object({
  unitId: Id,
  year: z.coerce.number().int().min(1990).max(2100),
  exact: z.enum(['true', 'false']).optional().describe('Exact figures, without small-cell suppression: only for holders of situation.identity on the unit'),
});
export type ReligiousFiguresQuery = z.infer<typeof ReligiousFiguresQuery>;

export const ReligiousFigures = z.object({
  unit: Ref,
  year: z.number().int(),
  exact: z.boolean(),
  /** Organizations and places are not persons: never suppressed. */
  organizationsByReligion: FigureTable,
  placesByReligion: FigureTable,
  dignitariesByReligion: FigureTable,
  personsByEthnicity: FigureTable,
  /** Support given in the year by kind: persons supported and the amount. */
  supportByKind: FigureTable,
  events: z.object({ count: z.number().int(), expectedAttendance: z.number().int() }),
  /** Subjects linked to entries of the movement; counts of persons of 1–2 are null ("< 3") unless exact. */
  participation: z.object({ organizations: z.number().int(), dignitaries: z.number().int().nullable(), persons: z.number().int().nullable() }),
});
export type ReligiousFigures = z.infer<typeof ReligiousFigures>;

// ---------------------------------------------------------------- exports and retention

export const RegisterExportQuery = z.object({
  unitId: Id,
  includeNames: z.enum(['true', 'false']).optional().describe('Names in clear: situation.identity on the unit and a reason (audited)'),
  reason: z.string().max(RELIGIOUS_LIMITS.reason).optional().describe('Why the names are exported; required with includeNames'),
});
export type RegisterExportQuery = z.infer<typeof RegisterExportQuery>;

export const RetentionRule = z.object({ register: z.enum(['dignitary', 'prestigious_person']), years: z.number().int().min(1).max(100), version: z.number().int() });
export const RetentionRules = z.object({ items: z.array(RetentionRule) });
export const RetentionBody = z.object({ register: z.enum(['dignitary', 'prestigious_person']), years: z.number().int().min(1).max(100), version: Version });
export type RetentionBody = z.infer<typeof RetentionBody>;


/**
 * The report engine's `religiousAffairs` block (server/modules/religious-affairs/religious-report.ts):
 * the registers of the report unit's area in the year its range ends in. Persons are always
 * suppressed (a report goes to wide audiences); organizations and places are not persons.
 */
export const ReportReligiousAffairs = z.object({
  year: z.number().int(),
  /** Vietnamese names of the religions and ethnic groups the tables name. */
  names: z.record(z.string(), z.string()),
  organizations: z.number().int(),
  places: z.number().int(),
  dignitariesByReligion: FigureTable,
  personsByEthnicity: FigureTable,
  supportAmount: z.number(),
  events: z.number().int(),
});
export type ReportReligiousAffairs = z.infer<typeof ReportReligiousAffairs>;
