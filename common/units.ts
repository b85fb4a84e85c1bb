/**
 * The shapes of units as the API returns them (shared by server presenters and the web app).
 */
import { z } from 'zod';

const BIGINT_MAX = 9223372036854775807n;
/**
 * A record id: PostgreSQL bigint's positive range (1 … 9223372036854775807), decimal, no sign and
 * no leading zero, so no id a client sends can overflow a query.
 */
export const Id = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, 'must be a numeric id')
  .refine((s) => !/^\d{19}$/.test(s) || BigInt(s) <= BIGINT_MAX, 'must be a numeric id');
/** The version of a record a client last read (an `integer` column): PostgreSQL integer's positive range. */
export const Version = z.number().int().min(1).max(2_147_483_647);
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

/** Where a succession comes from: the official files, the history rule (inferred, or its fallback when ambiguous), or a system administrator. */
export const SUCCESSION_BASES = ['official', 'inferred', 'ambiguous', 'manual'] as const;
export type SuccessionBasis = (typeof SUCCESSION_BASES)[number];

export const SuccessionLink = z.object({
  unit: UnitRef,
  kind: z.enum(['whole', 'partial', 'unchanged']),
  effective: IsoDate,
  basis: z.enum(SUCCESSION_BASES),
  /** The successor this unit's records count under (the main one of several). */
  main: z.boolean(),
});
export type SuccessionLink = z.infer<typeof SuccessionLink>;

/** A name a unit bore before its current one (a renamed or upgraded unit keeps its identity). */
export const FormerName = z.object({ name: z.string(), divisionType: z.string().nullable(), validFrom: IsoDate.nullable(), validTo: IsoDate });
export type FormerName = z.infer<typeof FormerName>;

/**
 * "Huyện Kim Bảng (nay là Thị xã Kim Bảng)": a unit named by a former name, with the name it bears
 * now. `now` is the word for "now" in the reader's language ("nay là" in Vietnamese).
 */
export function formerNameLabel(former: string, current: string, now = 'nay là'): string {
  return former === current ? current : `${former} (${now} ${current})`;
}

export const UnitDetail = z.object({
  unit: Unit,
  /** Former names, oldest first. */
  names: z.array(FormerName),
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
  /** The same ancestors one by one, top-down: ["Tỉnh Ninh Bình", "Thành phố Hoa Lư"] (pickers name a unit from them). */
  parentNames: z.array(z.string()),
  successors: z.array(SuccessionLink),
  /** The former name the query matched, when it matched a former name rather than the current one. */
  matchedName: z.string().nullable(),
  /** The name to show: "Huyện Kim Bảng (nay là Thị xã Kim Bảng)" for a former name, else the name. */
  label: z.string(),
});
export type UnitSearchHit = z.infer<typeof UnitSearchHit>;

export const UnitPage = z.object({ items: z.array(Unit), total: z.number().int() });

/** A unit named by reference (`kind:code@date`, `kind:code`, an id), with its name on that date. */
export const UnitResolution = z.object({
  unit: Unit,
  /** The day the reference was read for (the `@date`, `asOf`, or today). */
  asOf: IsoDate,
  /** Its name on that day (a former name when it was renamed since). */
  nameAsOf: z.string(),
  label: z.string(),
});
export type UnitResolution = z.infer<typeof UnitResolution>;

/** A retired unit whose successors a system administrator may review: the history's fallbacks, the corrections made. */
export const SuccessionReviewItem = z.object({
  unit: UnitRef,
  pathNames: z.string(),
  successors: z.array(SuccessionLink),
});
export const SuccessionReviewPage = z.object({ items: z.array(SuccessionReviewItem), total: z.number().int() });
export type SuccessionReviewItem = z.infer<typeof SuccessionReviewItem>;
export const UnitSearchResult = z.object({ items: z.array(UnitSearchHit), total: z.number().int() });

export const UNIT_NAME_MAX = 300;
export const SEARCH_QUERY_MAX = 100;

/** Today's date in Viet Nam (YYYY-MM-DD), whatever the machine's time zone: the day units come into and go out of force. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The calendar day `days` after (or, negative, before) an ISO day; days are counted in UTC so no clock change moves them. */
export function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
