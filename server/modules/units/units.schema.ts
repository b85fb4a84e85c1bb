import { z } from 'zod';
import { LOCALES } from '../../../common/access.js';
import { CatalogueCode, Id, IsoDate, SEARCH_QUERY_MAX, SuccessionLink, Unit, UNIT_NAME_MAX, UnitKind } from '../../../common/units.js';
import { cleanText } from './units.seed.js';

export { Unit, UnitDetail, UnitKind, UnitPage, UnitSearchResult } from '../../../common/units.js';

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
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z
  .object({
    name: Text(UNIT_NAME_MAX).optional(),
    nameEn: Text(UNIT_NAME_MAX).nullish(),
    code: UnitCode.nullish(),
    version: z.number().int().min(1).describe('The version the change was made on; another one means someone changed the unit meanwhile'),
  })
  .refine((b) => b.name !== undefined || b.nameEn !== undefined || b.code !== undefined, { message: 'nothing to change' });
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const RetireUnitBody = z.object({
  validTo: IsoDate.describe('First day the unit is no longer in force'),
  version: z.number().int().min(1),
});
export type RetireUnitBody = z.infer<typeof RetireUnitBody>;

export const UnitHistoryEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const UnitHistory = z.object({
  unit: Unit,
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
