/**
 * Numbers as people type them, for every numeric field of the web app and the Excel import: one
 * reading of "1.500.000", "1 500 000", "120,5", "1.250,75", "١٢٠٫٥" (docs/numbers.md).
 *
 * The rule that matters: a value is never silently changed. When a string has two sensible
 * readings the field cannot settle ("1.250" where decimals are allowed and the language does not
 * say which mark groups thousands), the answer is `ambiguous` with both readings, for the user to
 * choose by retyping; a decimal typed into a whole-number field is `too_many_decimals`, never
 * rounded.
 */
import { INTL_TAGS, type Locale } from './access.js';

export type NumberOptions = {
  /** The interface language: it says which of "." and "," groups thousands when only that settles it. */
  locale: Locale;
  /** Most digits after the decimal mark: 0 for a whole-number field (a count, a year, VND). */
  scale: number;
  /** Inclusive bounds. A minus sign is read whenever typed; below `min` it is out of range. */
  min?: number;
  max?: number;
  /** Also accept the currency's sign before or after the number: "1.500.000 đ", "₫1.500.000", "1.500.000 VND". */
  currency?: 'VND';
};

/** Why a string is not a number of the field. */
export type NumberProblem =
  | { error: 'empty' }
  | { error: 'invalid' }
  /**
   * One "." or "," followed by exactly three digits, where the field allows decimals and the
   * language's convention does not settle it: `grouped` reads the mark as a thousands separator,
   * `decimal` as the decimal mark; `decimalFits` says whether the decimal reading fits the scale.
   */
  | { error: 'ambiguous'; grouped: number; decimal: number; decimalFits: boolean }
  | { error: 'too_many_decimals'; scale: number }
  | { error: 'out_of_range'; min?: number; max?: number };

/** `value` and its canonical text ("-1250.75": no grouping, "." as the decimal mark, no trailing zeros). */
export type NumberParse = { ok: true; value: number; text: string } | ({ ok: false } & NumberProblem);

/** Which character each language groups thousands with and marks decimals with, as Intl writes them (a space stands for U+00A0 / U+202F). */
export const NUMBER_CONVENTIONS: Record<Locale, { group: '.' | ',' | ' ' | '٬'; decimal: ',' | '.' | '٫' }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
  ru: { group: ' ', decimal: ',' },
  sv: { group: ' ', decimal: ',' },
  id: { group: '.', decimal: ',' },
  pl: { group: ' ', decimal: ',' },
  ar: { group: '٬', decimal: '٫' },
};

/** More significant digits than a double holds exactly (and than any field here needs). */
const MAX_DIGITS = 15;
/** Longer input is not a number anyone typed; refusing it early keeps the work bounded. */
const MAX_INPUT = 100;

const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CURRENCY_BEFORE = /^(?:₫|đ|vnđ|vnd)\s*/iu;
const CURRENCY_AFTER = /\s*(?:₫|đ|vnđ|vnd)$/iu;
/** Marks that can only group: spaces (every kind, folded to " "), apostrophes, the Arabic thousands separator. */
const GROUP_ONLY = new Set([' ', "'", '’', '٬']);

/** Arabic-Indic and Persian digits to ASCII, U+2212 to "-", bidi marks dropped, spaces folded. */
function normalize(input: string): string {
  return input
    .normalize('NFKC')
    .replace(BIDI_MARKS, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const fail = <P extends NumberProblem>(p: P): { ok: false } & P => ({ ok: false, ...p });

/**
 * Reads a number typed by a person. Accepts thousands grouped with ".", ",", spaces (U+0020,
 * U+00A0, U+202F), apostrophes or "٬"; the decimal mark "," or "." (or "٫"); a leading "-" or
 * "−"; Arabic-Indic digits; spaces around. How "." and "," are told apart:
 * - both present: the last one is the decimal mark and occurs once ("1.250,75", "1,250.75");
 * - one of them several times: it groups ("1.500.000", "2,000,000,000");
 * - one of them once, besides space or apostrophe groups: it is the decimal mark ("1 250,5");
 * - one of them once, alone: followed by other than three digits, or after "0" or more than
 *   three digits, it can only be the decimal mark ("120,5", "1.25", "0,250"); followed by
 *   exactly three digits ("1.250"), it groups in a whole-number field or where it is the
 *   language's group mark, is the decimal mark where it is the language's decimal mark and the
 *   field takes three decimals or more, and is `ambiguous` otherwise.
 */
export function parseNumber(input: string, options: NumberOptions): NumberParse {
  if (input.length > MAX_INPUT) return fail({ error: 'invalid' });
  let s = normalize(input);
  if (options.currency === 'VND') s = s.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  if (s === '') return fail({ error: 'empty' });
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  if (!/^[0-9][0-9., '’٬٫]*$|^[.,٫][0-9]+$/.test(body) || !/[0-9]$/.test(body)) return fail({ error: 'invalid' });

  // body = digits (sep digits)*: odd entries are the separators.
  const parts = body.split(/([^0-9])/);
  const chunks = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  if (chunks.some((c, i) => c === '' && i > 0)) return fail({ error: 'invalid' });

  const decimalAt = decimalIndex(chunks, seps, options, negative ? -1 : 1);
  if (typeof decimalAt !== 'number') return decimalAt;
  const groupSeps = decimalAt < 0 ? seps : seps.slice(0, decimalAt);
  if (decimalAt >= 0 && decimalAt !== seps.length - 1) return fail({ error: 'invalid' });
  const intChunks = decimalAt < 0 ? chunks : chunks.slice(0, decimalAt + 1);
  if (groupSeps.length && !validGroups(intChunks, groupSeps)) return fail({ error: 'invalid' });

  const int = intChunks.join('').replace(/^0+/, '');
  const fraction = decimalAt < 0 ? '' : chunks.at(-1)!.replace(/0+$/, '');
  return finish(negative, int, fraction, options);
}

/** The index in `seps` of the decimal mark, -1 when there is none, or the problem that stops the reading. */
function decimalIndex(chunks: string[], seps: string[], options: NumberOptions, sign: 1 | -1): number | ({ ok: false } & NumberProblem) {
  if (chunks[0] === '') return 0; // ",5": a leading mark can only be decimal
  const arabicDecimal = seps.filter((c) => c === '٫').length;
  if (arabicDecimal > 1) return fail({ error: 'invalid' });
  if (arabicDecimal === 1) return seps.indexOf('٫');
  const marks = seps.filter((c) => c === '.' || c === ',');
  if (marks.length === 0) return -1;
  const kinds = new Set(marks);
  if (kinds.size === 2) {
    const last = seps.at(-1)!;
    if ((last !== '.' && last !== ',') || marks.filter((c) => c === last).length !== 1) return fail({ error: 'invalid' });
    // "1.500,000" in a whole-number field: 1500 by the rule, 1500000 to whoever grouped with both marks.
    const fraction = chunks.at(-1)!;
    if (options.scale === 0 && fraction.length === 3 && validGroups(chunks, seps.map(() => '.'))) {
      return ambiguous(sign * Number(chunks.join('')), sign * Number(`${chunks.slice(0, -1).join('')}.${fraction}`), /^0+$/.test(fraction), options);
    }
    return seps.length - 1;
  }
  if (marks.length > 1) return -1;
  const mark = marks[0]!;
  const at = seps.indexOf(mark);
  if (at !== seps.length - 1) return -1; // "1.250 000": a mark before other groups can only group (and mixing fails later)
  if (seps.some((c) => GROUP_ONLY.has(c))) return at; // "1 250,5"
  const [before, after] = [chunks[0]!, chunks[1]!];
  if (after.length !== 3 || before.length > 3 || before.startsWith('0')) return at;
  const convention = NUMBER_CONVENTIONS[options.locale];
  if (options.scale === 0 || mark === convention.group) return -1;
  if (mark === convention.decimal && options.scale >= 3) return at;
  return ambiguous(sign * Number(before + after), sign * Number(`${before}.${after}`), after.replace(/0+$/, '').length <= options.scale, options);
}

/**
 * Two readings: `ambiguous`, for the user to choose, even when the field's range excludes one of
 * them (a range never picks a reading silently). When neither reading is a value of the field,
 * what is wrong with the decimal one is the answer.
 */
function ambiguous(grouped: number, decimal: number, decimalFits: boolean, options: NumberOptions): { ok: false } & NumberProblem {
  const inRange = (n: number) => (options.min === undefined || n >= options.min) && (options.max === undefined || n <= options.max);
  if (!inRange(grouped) && !(decimalFits && inRange(decimal))) {
    return decimalFits ? fail({ error: 'out_of_range', min: options.min, max: options.max }) : fail({ error: 'too_many_decimals', scale: options.scale });
  }
  return fail({ error: 'ambiguous', grouped, decimal, decimalFits });
}

/** Grouped digits: one kind of group mark, 1–3 digits not starting with 0 first, then groups of three. */
function validGroups(chunks: string[], seps: string[]): boolean {
  const kind = (c: string) => (c === '’' ? "'" : c);
  if (new Set(seps.map(kind)).size !== 1) return false;
  const [first, ...rest] = chunks;
  return !!first && first.length <= 3 && !first.startsWith('0') && rest.every((c) => c.length === 3);
}

function finish(negative: boolean, int: string, fraction: string, options: NumberOptions): NumberParse {
  if (fraction.length > options.scale) return fail({ error: 'too_many_decimals', scale: options.scale });
  if (int.length + fraction.length > MAX_DIGITS) return fail({ error: 'out_of_range', min: options.min, max: options.max });
  const zero = int === '' && fraction === '';
  const text = `${negative && !zero ? '-' : ''}${int || '0'}${fraction ? `.${fraction}` : ''}`;
  const value = Number(text);
  if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
    return fail({ error: 'out_of_range', min: options.min, max: options.max });
  }
  return { ok: true, value, text };
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the language writes it, grouped: 1.500.000 and 120,5 in Vietnamese, 1,500,000 and
 * 120.5 in English, "1 500 000" (U+00A0) and 120,5 in Russian, Swedish and Polish, ١٬٥٠٠٬٠٠٠ and
 * ١٢٠٫٥ in Arabic. At most `scale` decimals, no trailing zeros; `grouping: false` for years
 * (2025, not 2.025). `parseNumber` reads it back.
 */
export function formatNumber(value: number, locale: Locale, options: { scale?: number; grouping?: boolean } = {}): string {
  const { scale = 3, grouping = true } = options;
  const key = `${locale}:${scale}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits: scale, useGrouping: grouping });
    formats.set(key, format);
  }
  return format.format(value === 0 ? 0 : value); // not "-0"
}
