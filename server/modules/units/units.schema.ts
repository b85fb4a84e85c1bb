import { z } from 'zod';
import { LOCALES } from '../../../common/access.js';
import { CatalogueCode, FormerName, Id, IsoDate, SEARCH_QUERY_MAX, SuccessionLink, Unit, UNIT_NAME_MAX, UnitKind, Version } from '../../../common/units.js';
import { cleanText } from './units-names.js';

export { SuccessionReviewPage, Unit, UnitDetail, UnitKind, UnitPage, UnitResolution, UnitSearchResult } from '../../../common/units.js';

/** "true" / "false" in a query string. */
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');

/** A name as people type it: trimmed, inner runs of spaces made one. */
const Text = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, 'must not be empty').max(max));

const UnitCode = z.string().trim().regex(/^[\p{L}\p{N}._-]{1,40}$/u, 'letters, digits, ".", "_" or "-", at most 40');

export const UnitIdParams = z.object({ id: Id });

export const ChildrenQuery = z.object({
  includeRetired: flag(false).describe('Include units no longer in force (listed after those in force)'),
  kind: CatalogueCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ChildrenQuery = z.infer<typeof ChildrenQuery>;

export const SearchQuery = z.object({
  q: z.string().trim().min(2).max(SEARCH_QUERY_MAX).describe('Part of the name; accents and case do not matter ("kim bang" finds "Thị xã Kim Bảng")'),
  includeRetired: flag(true),
  kind: CatalogueCode.optional(),
  under: Id.optional().describe('Only units below this one'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const CreateUnitBody = z.object({
  parentId: Id,
  kind: CatalogueCode,
  name: Text(UNIT_NAME_MAX),
  nameEn: Text(UNIT_NAME_MAX).nullish(),
  code: UnitCode.nullish(),
  validFrom: IsoDate.nullable()
    .optional()
    .describe('Founding date. Omitted: today under a unit in force, the parent\'s first day under a retired one; null: the parent\'s first day. Within the parent\'s interval'),
  validTo: IsoDate.nullable().optional().describe('First day no longer in force. Omitted: the parent\'s (none while it is in force)'),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .object({
    name: Text(UNIT_NAME_MAX).optional(),
    nameEn: Text(UNIT_NAME_MAX).nullish(),
    code: UnitCode.nullish(),
    validFrom: IsoDate.nullable().optional().describe('An organization\'s founding date (null: as long as its parent); within the parent\'s interval'),
    version: Version.describe('The version the change was made on; another one means someone changed the unit meanwhile'),
  })
  .refine((b) => b.name !== undefined || b.nameEn !== undefined || b.code !== undefined || b.validFrom !== undefined, { message: 'nothing to change' });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const RetireUnitBody = z.object({
  validTo: IsoDate.describe('First day the unit is no longer in force'),
  version: Version,
});
export type RetireUnitBody = z.infer<typeof RetireUnitBody>;

export const UnitHistoryEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  refs: z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string()), z.null()])).describe('Names of the ids and codes in before/after, keyed "kind:id", as in the audit log'),
});

export const UnitHistory = z.object({
  unit: Unit,
  /** Former names, oldest first. */
  names: z.array(FormerName),
  predecessors: z.array(SuccessionLink),
  successors: z.array(SuccessionLink),
  /** Audit records about this unit, oldest first. */
  events: z.array(UnitHistoryEvent),
});
export type UnitHistory = z.infer<typeof UnitHistory>;

const KindName = z.string().trim().min(1).max(100);
export const CreateUnitKindBody = z.object({
  code: CatalogueCode,
  names: z
    .partialRecord(z.enum(LOCALES), KindName)
    .refine((names) => names.vi !== undefined, { message: 'the Vietnamese name (vi) is required', path: ['vi'] })
    .describe('Display names by language; `vi` is required'),
});
export type CreateUnitKindBody = z.infer<typeof CreateUnitKindBody>;

export const UnitKindList = z.object({ items: z.array(UnitKind) });

export const ResolveQuery = z.object({
  ref: z.string().trim().min(1).max(80).describe('An id, kind:code (district:374: in force today, else the latest) or kind:code@YYYY-MM-DD (in force that day)'),
  asOf: IsoDate.optional().describe('The day a reference without @date is read for (default: today)'),
});
export type ResolveQuery = z.infer<typeof ResolveQuery>;

export const SuccessorsBody = z.object({
  successors: z
    .array(z.object({ unitId: Id, kind: z.enum(['whole', 'partial', 'unchanged']) }))
    .min(1)
    .max(20)
    .describe('The units that took over this retired unit; several only in part (partial)'),
  mainId: Id.optional().describe('Of several, the one its records count under (default: the first)'),
});
export type SuccessorsBody = z.infer<typeof SuccessorsBody>;

export const SuccessionReviewQuery = z.object({
  basis: z.enum(['ambiguous', 'manual', 'inferred']).default('ambiguous').describe('ambiguous: the history rule\'s fallbacks; manual: corrections made; inferred: what the rule found'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SuccessionReviewQuery = z.infer<typeof SuccessionReviewQuery>;
