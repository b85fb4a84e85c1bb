/**
 * Dialogue conferences under the law's rules (issue 16, docs/grassroots-democracy.md §7): the rule
 * in force on a conference's day (data: `dialogue_rules`), the flags it raises, the communes that
 * have held none in a year, and the report engine's `grassroots` block. Shared by server and web.
 */
import { z } from 'zod';
import { addDaysIso, Id, IsoDate } from './units.js';

/** How the results were made public (the law names mass media, the commune's seat, village heads). */
export const RESULTS_FORMS = ['mass_media', 'notice_board', 'village_heads', 'portal', 'meeting', 'other'] as const;
export type ResultsForm = (typeof RESULTS_FORMS)[number];

export const DialogueRule = z.object({
  unitKind: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  minPerYear: z.number().int(),
  noticeDays: z.number().int(),
  publishDays: z.number().int(),
  legalSource: z.string(),
  toConfirm: z.boolean(),
});
export type DialogueRule = z.infer<typeof DialogueRule>;

/** `late`: after the rule's days; `missing`: past them and still not done; `pending`: not yet due. */
export const FLAG_STATES = ['ok', 'late', 'missing', 'pending'] as const;
export type FlagState = (typeof FLAG_STATES)[number];
export const DialogueFlags = z.object({
  notice: z.enum(FLAG_STATES).nullable().describe('Null when no rule was in force on the day'),
  results: z.enum(FLAG_STATES).nullable(),
  /** The last day the notice could be given and the results published, under the rule. */
  noticeBy: IsoDate.nullable(),
  resultsBy: IsoDate.nullable(),
});
export type DialogueFlags = z.infer<typeof DialogueFlags>;


/**
 * How many conferences a commune owes in a range: the rule's yearly number when the range is one
 * whole calendar year; one for any other range (a quarter cannot owe a yearly number), or when no
 * rule is stored.
 */
export function conferencesOwed(range: { from: string; to: string }, rule: Pick<DialogueRule, 'minPerYear'> | null): number {
  const wholeYear = range.from.slice(5) === '01-01' && range.to.slice(5) === '12-31' && range.from.slice(0, 4) === range.to.slice(0, 4);
  return wholeYear && rule ? Math.max(1, rule.minPerYear) : 1;
}

/**
 * The flags of a dialogue held on `heldOn` under `rule` (the one in force that day; none: no flags).
 * A notice never recorded counts as missing: the law asks for it before the day, so by the day it is due.
 */
export function dialogueFlags(d: { heldOn: string; noticeOn: string | null; resultsPublishedOn: string | null }, rule: Pick<DialogueRule, 'noticeDays' | 'publishDays'> | null, today: string): DialogueFlags {
  if (!rule) return { notice: null, results: null, noticeBy: null, resultsBy: null };
  const noticeBy = addDaysIso(d.heldOn, -rule.noticeDays);
  const resultsBy = addDaysIso(d.heldOn, rule.publishDays);
  const notice: FlagState = d.noticeOn ? (d.noticeOn <= noticeBy ? 'ok' : 'late') : today >= d.heldOn ? 'missing' : 'pending';
  const results: FlagState = d.resultsPublishedOn ? (d.resultsPublishedOn <= resultsBy ? 'ok' : 'late') : today > resultsBy ? 'missing' : 'pending';
  return { notice, results, noticeBy, resultsBy };
}

/**
 * The communes of one child unit of the area: how many, which held the conferences the rule asks in
 * the year (`minPerYear`, at least one), which did not — each with the number it did hold (0, or
 * fewer than the rule asks).
 */
export const MissingGroup = z.object({
  unit: z.object({ id: Id, name: z.string() }),
  communes: z.number().int(),
  held: z.number().int(),
  without: z.array(z.object({ id: Id, name: z.string(), code: z.string().nullable(), conferences: z.number().int() })),
});
export const MissingDialogues = z.object({
  year: z.number().int(),
  unit: z.object({ id: Id, name: z.string() }),
  /** The rule in force on 31 December of the year (or today in the current year); null: none stored. */
  rule: DialogueRule.nullable(),
  /** Conferences a commune owes in the year: the rule's `minPerYear`, or 1 when no rule is stored. */
  required: z.number().int(),
  communes: z.number().int(),
  held: z.number().int(),
  without: z.number().int(),
  groups: z.array(MissingGroup),
});
export type MissingDialogues = z.infer<typeof MissingDialogues>;

/**
 * The report engine's `grassroots` block (issue 16). `dialogue` is built here (helper F);
 * `publications` and `supervision` are the places the integrator fills from the publications and
 * boards/supervision modules' figure functions — null until then, never invented.
 */
export const ReportGrassroots = z.object({
  dialogue: z.object({
    /** Communes in force in the area today. */
    communes: z.number().int(),
    /**
     * Of them, those that held the conferences owed in the range: the rule's yearly number when the
     * range is a whole calendar year, at least one for a shorter range.
     */
    held: z.number().int(),
    without: z.number().int(),
    /** Conferences a commune owed in the range (`conferencesOwed`); absent in reports stored before it was kept. */
    required: z.number().int().optional(),
    conferences: z.number().int(),
    resultsLate: z.number().int().describe('Conferences whose results were published late or not at all (rule in force on the day)'),
  }),
  publications: z.object({ required: z.number().int().nullable(), published: z.number().int().nullable(), overdue: z.number().int().nullable() }).nullable(),
  supervision: z.object({ recommendations: z.number().int().nullable(), answered: z.number().int().nullable(), overdue: z.number().int().nullable() }).nullable(),
});
export type ReportGrassroots = z.infer<typeof ReportGrassroots>;
