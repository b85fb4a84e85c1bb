/**
 * The "Skilled Mass Mobilization" (Dân vận khéo) registry: enums, the lifecycle and the API
 * shapes of entries, shared by the server and the web app.
 */
import { z } from 'zod';
import { CatalogueCode, Id, IsoDate, UnitRef } from './units.js';

export const ENTRY_KINDS = ['model', 'typical_example'] as const;
export const ENTRY_FORMS = ['collective', 'individual'] as const;
export const ENTRY_LEVELS = ['province', 'district', 'commune'] as const;
export const ENTRY_STATUSES = ['draft', 'registered', 'accepted', 'returned', 'implementing', 'evaluated', 'recognised', 'withdrawn'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type EntryForm = (typeof ENTRY_FORMS)[number];
export type EntryLevel = (typeof ENTRY_LEVELS)[number];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * The order statuses are listed in wherever people choose or read them (the list's status filter,
 * facet counts, tables): the workflow's, from draft to recognised, withdrawn last — never the
 * alphabetical order of the codes, which put "accepted" first and "draft" in the middle.
 */
export const STATUS_ORDER: readonly EntryStatus[] = ['draft', 'registered', 'accepted', 'returned', 'implementing', 'evaluated', 'recognised', 'withdrawn'];

/** Districts were abolished on 1 July 2025: no district-level registration after 2025. */
export const LAST_DISTRICT_YEAR = 2025;

/**
 * The lifecycle. Each action moves an entry from one of `from` to `to`; `permission` is needed on
 * the registering unit (data.write) or on the unit of the entry's level — the steering committee
 * that accepts it (data.approve). Every transition records who, when and why.
 */
export const ENTRY_ACTIONS = {
  submit: { from: ['draft', 'returned'], to: 'registered', permission: 'data.write', reason: 'optional' },
  accept: { from: ['registered'], to: 'accepted', permission: 'data.approve', reason: 'optional' },
  return: { from: ['registered'], to: 'returned', permission: 'data.approve', reason: 'required' },
  start: { from: ['accepted'], to: 'implementing', permission: 'data.write', reason: 'optional' },
  evaluate: { from: ['accepted', 'implementing'], to: 'evaluated', permission: 'data.approve', reason: 'optional' },
  recognise: { from: ['evaluated'], to: 'recognised', permission: 'data.approve', reason: 'optional' },
  withdraw: { from: ['draft', 'registered', 'returned', 'accepted', 'implementing'], to: 'withdrawn', permission: 'data.write', reason: 'required' },
} as const satisfies Record<string, { from: readonly EntryStatus[]; to: EntryStatus; permission: 'data.write' | 'data.approve'; reason: 'optional' | 'required' }>;
export type EntryAction = keyof typeof ENTRY_ACTIONS;
export const ENTRY_ACTION_NAMES = Object.keys(ENTRY_ACTIONS) as EntryAction[];

export const ENTRY_LIMITS = {
  title: 500,
  text: 20_000,
  evidenceBytes: 10 * 1024 * 1024,
  evidencePerEntry: 30,
  moneyVnd: 1e15,
} as const;

export const EntryField = z.object({ code: z.string(), names: z.record(z.string(), z.string()), unitId: Id.nullable(), sortOrder: z.number().int(), builtin: z.boolean() });
export const EmulationPeriod = z.object({ id: Id, name: z.string(), startYear: z.number().int(), endYear: z.number().int() });

/** What a list row shows. */
export const EntrySummary = z.object({
  id: Id,
  title: z.string(),
  registeringUnit: UnitRef,
  level: z.enum(ENTRY_LEVELS),
  kind: z.enum(ENTRY_KINDS),
  form: z.enum(ENTRY_FORMS),
  fieldCode: z.string(),
  year: z.number().int(),
  periodId: Id.nullable(),
  status: z.enum(ENTRY_STATUSES),
  recognisedTypical: z.boolean(),
  replicationCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

export const Implementer = z.union([z.object({ unitId: Id, unitName: z.string().optional() }), z.object({ personName: z.string() })]);

export const EntryDetail = EntrySummary.extend({
  description: z.string().nullable(),
  goals: z.string().nullable(),
  results: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  participantsCount: z.number().int().nullable(),
  participants: z.string().nullable(),
  /** VND, as a string: amounts exceed 2^53 only in theory, but money is never a float. */
  moneyVnd: z.string().nullable(),
  workingDays: z.number().int().nullable(),
  landM2: z.string().nullable(),
  resourcesOther: z.string().nullable(),
  evaluationEffective: z.boolean().nullable(),
  evaluationScore: z.string().nullable(),
  implementers: z.array(Implementer),
  /** `importedFrom`: the file an Excel import recorded this step from (shown as "imported from <file>" in the reader's language). */
  transitions: z.array(
    z.object({ id: Id, action: z.string(), fromStatus: z.enum(ENTRY_STATUSES).nullable(), toStatus: z.enum(ENTRY_STATUSES), reason: z.string().nullable(), importedFrom: z.string().nullable(), actorName: z.string().nullable(), at: z.string() }),
  ),
  progress: z.array(z.object({ id: Id, onDate: IsoDate, note: z.string(), at: z.string() })),
  evidence: z.array(z.object({ id: Id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  /** Entries this one copies, and entries that copied it (within the reader's scope). */
  replicates: z.array(z.object({ id: Id, title: z.string(), unitName: z.string() })),
  replicatedBy: z.array(z.object({ id: Id, title: z.string(), unitName: z.string() })),
  /** Actions the reader may take now (the server checks again). */
  allowedActions: z.array(z.string()),
});
export type EntryDetail = z.infer<typeof EntryDetail>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any zod schema of one list item
const csv = <T extends z.ZodType<any, any>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

/**
 * The caller's work queues over entries ("Việc cần làm", docs/work-queue.md): registered entries
 * whose acceptance the caller may perform, and returned entries / unsent drafts of the units the
 * caller edits for or that the caller created.
 */
export const ENTRY_QUEUES = ['awaiting_my_approval', 'my_returned', 'my_drafts'] as const;
export type EntryQueue = (typeof ENTRY_QUEUES)[number];

/** Filters of the list, the facet counts and the exports (query string). */
export const EntryListQuery = z.object({
  unitId: Id.optional().describe('Only entries registered by this unit or units below it'),
  year: csv(z.coerce.number().int().min(2000).max(2100)).optional(),
  periodId: csv(Id).optional(),
  field: csv(z.string().max(41)).optional(),
  kind: csv(z.enum(ENTRY_KINDS)).optional(),
  form: csv(z.enum(ENTRY_FORMS)).optional(),
  level: csv(z.enum(ENTRY_LEVELS)).optional(),
  status: csv(z.enum(ENTRY_STATUSES)).optional(),
  typical: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  replicated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().min(2).max(100).optional().describe('Words of the title or description; accents and case do not matter'),
  queue: z.enum(ENTRY_QUEUES).optional().describe("One of the caller's work queues (docs/work-queue.md): registered entries the caller may accept, or returned entries / drafts of the caller's units and the caller's own"),
  sort: z.enum(['title', '-title', 'year', '-year', 'updated', '-updated']).default('-updated'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type EntryListQuery = z.infer<typeof EntryListQuery>;

export const FACETS = ['year', 'periodId', 'field', 'kind', 'form', 'level', 'status', 'typical', 'replicated'] as const;
export type Facet = (typeof FACETS)[number];

/** Each facet's values with their counts, under the other filters (a facet's own filter is not applied to its counts). */
export const FacetCounts = z.record(z.enum(FACETS), z.array(z.object({ value: z.string(), count: z.number().int() })));

/** A row of the list: the summary with where its registering unit lies (tables name it "Phường 5, Quận 3, TP Hồ Chí Minh"). */
export const EntryListItem = EntrySummary.extend({
  /** Names of the registering unit's ancestors below the root, top-down ("Thành phố Hồ Chí Minh", "Quận 3"). */
  unitParents: z.array(z.string()),
});
export type EntryListItem = z.infer<typeof EntryListItem>;

export const EntryPage = z.object({ items: z.array(EntryListItem), total: z.number().int(), facets: FacetCounts });

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** What a registration carries (create; PATCH takes a partial of it plus `version`). */
export const EntryInput = z
  .object({
    registeringUnitId: Id,
    level: z.enum(ENTRY_LEVELS),
    kind: z.enum(ENTRY_KINDS),
    form: z.enum(ENTRY_FORMS),
    fieldCode: CatalogueCode,
    year: z.number().int().min(2000).max(2100),
    periodId: Id.nullish(),
    title: z.string().trim().min(1).max(ENTRY_LIMITS.title),
    description: optionalText(ENTRY_LIMITS.text),
    goals: optionalText(ENTRY_LIMITS.text),
    results: optionalText(ENTRY_LIMITS.text),
    startDate: IsoDate.nullish(),
    endDate: IsoDate.nullish(),
    participantsCount: z.number().int().min(0).max(100_000_000).nullish(),
    participants: optionalText(ENTRY_LIMITS.text),
    moneyVnd: z.union([z.string().regex(/^\d{1,15}$/), z.number().int().min(0).max(ENTRY_LIMITS.moneyVnd)]).nullish(),
    workingDays: z.number().int().min(0).max(100_000_000).nullish(),
    landM2: z.union([z.string().regex(/^\d{1,12}(\.\d{1,2})?$/), z.number().min(0).max(1e12)]).nullish(),
    resourcesOther: optionalText(ENTRY_LIMITS.text),
    implementers: z
      .array(z.union([z.object({ unitId: Id }), z.object({ personName: z.string().trim().min(1).max(200) })]))
      .max(100)
      .default([]),
  })
  .refine((e) => !e.startDate || !e.endDate || e.endDate >= e.startDate, { message: 'the end date is before the start date', path: ['endDate'] });
export type EntryInput = z.infer<typeof EntryInput>;

/**
 * Problems of one row of an Excel import, as stable codes: the web app shows them in the user's
 * language (web/locales/*.json → "importErrors"); `params` fill the message's {{variables}}.
 */
export const IMPORT_ERROR_CODES = [
  'REQUIRED',
  'NOT_A_NUMBER',
  'NOT_A_DATE',
  'OUT_OF_RANGE',
  'TOO_LONG',
  'INVALID_VALUE',
  'UNKNOWN_VALUE',
  'UNKNOWN_UNIT',
  'AMBIGUOUS_UNIT',
  'OUT_OF_SCOPE',
  'LEVEL_NOT_ON_PATH',
  'DISTRICT_AFTER_2025',
  'UNIT_NOT_IN_FORCE',
  'YEAR_OUTSIDE_PERIOD',
  'END_BEFORE_START',
  'DUPLICATE_IN_FILE',
  'MISSING_COLUMN',
  'NO_ROWS',
  /** "1,250" in a field with decimals: 1250 or 1.25 (params grouped, decimal; docs/numbers.md). */
  'AMBIGUOUS_NUMBER',
  // History (docs/entries-excel.md, "History"): the lifecycle's dates of a row.
  /** A later step is dated but this one is not (params column: the later step's header). */
  'STEP_DATE_MISSING',
  /** This step is dated before the step before it (params column). */
  'DATE_ORDER',
  'DATE_IN_FUTURE',
  /** The registration date is not in the row's year (params year). */
  'DATE_OUTSIDE_YEAR',
  /** The registering unit was not in force on the registration date (params date). */
  'DATE_UNIT_NOT_IN_FORCE',
  /** The importer lacks the right a recorded step needs at the entry's unit (params permission). */
  'RIGHT_REQUIRED',
  /** Recognised, but the evaluation was not "effective". */
  'NOT_EFFECTIVE',
  /** An existing entry is further along than the file says, on a day after this step (params date). */
  'BEFORE_CURRENT_STATE',
  /** "Replicated from" names no entry the importer can read (params value). */
  'UNKNOWN_ENTRY',
  /** "Replicated from" names several entries (params count). */
  'AMBIGUOUS_ENTRY',
  'SOURCE_NOT_RECOGNISED',
  'REPLICATES_ITSELF',
  'REPLICATION_CYCLE',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** One problem of an import: `row` is the Excel row number, `column` the header text, `cell` e.g. "H7". */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  cell: z.string().nullable(),
  code: z.enum(IMPORT_ERROR_CODES),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** Import limits shared with the web app (which can refuse a file before sending it). */
export const IMPORT_LIMITS = { fileBytes: 20 * 1024 * 1024, rows: 100_000, exportRows: 200_000 } as const;

/**
 * The steps an import can record from a row's dates, in lifecycle order, and the state each
 * reaches (docs/entries-excel.md, "History"). Implementing, returned and withdrawn have no date
 * column: they are set in the app.
 */
export const HISTORY_STEPS = [
  { action: 'submit', to: 'registered' },
  { action: 'accept', to: 'accepted' },
  { action: 'evaluate', to: 'evaluated' },
  { action: 'recognise', to: 'recognised' },
] as const satisfies readonly { action: EntryAction; to: EntryStatus }[];
export type HistoryAction = (typeof HISTORY_STEPS)[number]['action'];

/** The answer of a successful import: every row was valid and has been written. */
export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rows: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * Bulk lifecycle actions: a selection of at most `items` entries (with the versions read), or
 * every entry matching the list's filters up to `filter` (with the count the user confirmed).
 */
export const BULK_LIMITS = { items: 500, filter: 5_000, listedFailures: 100 } as const;

/** One entry a bulk action refused (the whole batch is then refused); `title` so the web can name it off the page. */
export const BulkFailure = z.object({
  path: z.string(),
  id: Id,
  title: z.string().optional(),
  code: z.enum(['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'INVALID_TRANSITION']),
  message: z.string(),
  status: z.enum(ENTRY_STATUSES).optional(),
});
export type BulkFailure = z.infer<typeof BulkFailure>;
