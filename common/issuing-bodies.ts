/**
 * Who issues a unit's Party documents over time (the heading of its reports and reviews): shapes
 * and checks shared by the API (GET/PUT /api/units/:id/issuing-bodies) and the web form, so both
 * refuse the same input. The defaults for units without data: server/documents/party-issuing-body.ts.
 */
import { z } from 'zod';
import { IsoDate } from './units.js';

export const ISSUING_BODY_LIMITS = { superior: 200, name: 200, symbol: 30, signer: 100, periods: 20 } as const;

/** A document symbol's abbreviation: letters (Đ included), digits, "-", "&", "."; no spaces. */
export const ISSUING_SYMBOL_PATTERN = /^[\p{L}\p{N}&.-]+$/u;

const line = (max: number) => z.string().trim().max(max);

/** The heading lines and signer's title (upper case is applied when typeset). */
export const IssuingBody = z.object({
  /** The line above the issuing body: "TỈNH ỦY NINH BÌNH", "ĐẢNG BỘ TỈNH NINH BÌNH"; empty: none. */
  superior: z.string(),
  /** The issuing body: "BAN TUYÊN GIÁO VÀ DÂN VẬN", "ĐẢNG ỦY XÃ GIA VIỄN". */
  name: z.string(),
  /** After "-BC/" in the number and symbol: "BTGDVTU", "ĐU"; empty: none known. */
  symbol: z.string(),
  /** The signer's block: "T/M ĐẢNG ỦY" (empty when the head signs in the body's own name), then "TRƯỞNG BAN", "BÍ THƯ". */
  signerAuthority: z.string(),
  signerPosition: z.string(),
});
export type IssuingBody = z.infer<typeof IssuingBody>;

export const IssuingBodyPeriod = IssuingBody.extend({
  /** First day in force; null: since always. */
  validFrom: IsoDate.nullable(),
  /** First day no longer in force; null: still in force. */
  validTo: IsoDate.nullable(),
});
export type IssuingBodyPeriod = z.infer<typeof IssuingBodyPeriod>;

/** Index of the first period that ends before it starts or overlaps another; undefined when the list is sound. */
export function badPeriod(items: readonly Pick<IssuingBodyPeriod, 'validFrom' | 'validTo'>[]): { index: number; reason: 'ends_before_start' | 'overlaps' } | undefined {
  for (const [index, p] of items.entries()) if (p.validFrom && p.validTo && p.validTo <= p.validFrom) return { index, reason: 'ends_before_start' };
  const sorted = items.map((p, index) => ({ ...p, index })).sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : (a.validFrom ?? '') > (b.validFrom ?? '') ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const p = sorted[i]!;
    // `validTo` is the first day out of force: [from, to) intervals touching at a day do not overlap.
    if (before.validTo === null || (p.validFrom ?? '') < before.validTo) return { index: p.index, reason: 'overlaps' };
  }
  return undefined;
}

const PeriodInput = z.object({
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  superior: line(ISSUING_BODY_LIMITS.superior),
  name: line(ISSUING_BODY_LIMITS.name).min(1, 'must not be empty'),
  symbol: line(ISSUING_BODY_LIMITS.symbol).min(1, 'must not be empty').regex(ISSUING_SYMBOL_PATTERN, 'letters, digits, "-", "&" or "." only').transform((s) => s.toLocaleUpperCase('vi')),
  signerAuthority: line(ISSUING_BODY_LIMITS.signer),
  signerPosition: line(ISSUING_BODY_LIMITS.signer).min(1, 'must not be empty'),
});

/** PUT body: the unit's whole list, which replaces the one stored. */
export const IssuingBodiesBody = z
  .object({ items: z.array(PeriodInput).max(ISSUING_BODY_LIMITS.periods) })
  .superRefine((body, ctx) => {
    const bad = badPeriod(body.items);
    if (bad) ctx.addIssue({ code: 'custom', path: ['items', bad.index, bad.reason === 'overlaps' ? 'validFrom' : 'validTo'], message: bad.reason === 'overlaps' ? 'overlaps another period' : 'must be after the start' });
  });
export type IssuingBodiesBody = z.infer<typeof IssuingBodiesBody>;

/** The unit's periods, and the heading that applies on a day (its own data or the default). */
export const IssuingBodies = z.object({
  items: z.array(IssuingBodyPeriod),
  at: z.object({ date: IsoDate, source: z.enum(['unit', 'default']), body: IssuingBody }),
});
export type IssuingBodies = z.infer<typeof IssuingBodies>;
