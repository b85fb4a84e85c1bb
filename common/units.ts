/**
 * The shapes of units as the API returns them (shared by server presenters and the web app).
 */
import { z } from 'zod';

export const Id = z.string().regex(/^\d{1,18}$/, 'must be a numeric id');
export const IsoDate = z.iso.date();
/**
 * The code of a catalogue row — a unit kind, an entry field, a commendation form, a petition
 * category — as the database's check constraints define it; the web forms test the same pattern.
 */
export const CATALOGUE_CODE = /^[a-z][a-z0-9_]{1,40}$/;
export const CatalogueCode = z.string().regex(CATALOGUE_CODE, 'must be a code (a-z, 0-9, _)');

/** Day the two-tier local government took effect: districts abolished, provinces and communes merged. */
export const RESTRUCTURE_DATE = '2025-07-01';

export const UnitKind = z.object({
  code: z.string(),
  category: z.enum(['administrative', 'organization']),
  /** Display names by language; `vi` always present; the web falls back to `vi`. */
  names: z.record(z.string(), z.string()),
  sortOrder: z.number().int(),
  builtin: z.boolean(),
});
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitRef = z.object({ id: Id, name: z.string(), kind: z.string(), code: z.string().nullable(), validFrom: IsoDate.nullable(), validTo: IsoDate.nullable() });
export type UnitRef = z.infer<typeof UnitRef>;

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  kind: z.string(),
  code: z.string().nullable(),
  /** Official type label as published: "Thành phố", "Tỉnh", "Huyện", "Thị xã", "Phường", "Xã", "Đặc khu", … */
  divisionType: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  /** First day no longer in force; null while in force. */
  validTo: IsoDate.nullable(),
  retired: z.boolean(),
  /** Children in force (retired children are counted in retiredChildCount). */
  childCount: z.number().int(),
  retiredChildCount: z.number().int(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const SuccessionLink = z.object({ unit: UnitRef, kind: z.enum(['whole', 'partial', 'unchanged']), effective: IsoDate });
export type SuccessionLink = z.infer<typeof SuccessionLink>;

export const UnitDetail = z.object({
  unit: Unit,
  /** From the root down to the parent. */
  ancestors: z.array(UnitRef),
  /** Units this one was formed from. */
  predecessors: z.array(SuccessionLink),
  /** Units that took over this one (a retired unit); for an old district: the province that now holds its area. */
  successors: z.array(SuccessionLink),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitSearchHit = Unit.extend({
  /** Names of the ancestors below the root, joined: "Tỉnh Ninh Bình › Thành phố Hoa Lư". */
  pathNames: z.string(),
  successors: z.array(SuccessionLink),
});
export type UnitSearchHit = z.infer<typeof UnitSearchHit>;

export const UnitPage = z.object({ items: z.array(Unit), total: z.number().int() });
export const UnitSearchResult = z.object({ items: z.array(UnitSearchHit), total: z.number().int() });

export const UNIT_NAME_MAX = 300;
export const SEARCH_QUERY_MAX = 100;
