import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTL_TAGS, LOCALES, type Locale } from './access.js';
import { formatNumber, NUMBER_CONVENTIONS, type NumberOptions, parseNumber } from './numbers.js';

const vi = (scale: number, extra: Partial<NumberOptions> = {}): NumberOptions => ({ locale: 'vi', scale, ...extra });
const value = (input: string, options: NumberOptions) => {
  const r = parseNumber(input, options);
  return r.ok ? r.value : r.error;
};

describe('numbers typed the Vietnamese way', () => {
  it('reads the strings the registration form used to change, as the user meant them', () => {
    expect(value('1.500.000', vi(0))).toBe(1_500_000);
    expect(value('2.000.000.000', vi(0))).toBe(2_000_000_000);
    expect(value('120,5', vi(2))).toBe(120.5);
    expect(value('1.250', vi(2))).toBe(1250);
    expect(value('1.200', vi(0))).toBe(1200);
    expect(value('1.250,75', vi(2))).toBe(1250.75);
    expect(value('1 500 000', vi(0))).toBe(1_500_000);
    expect(value('1\u00A0500\u202F000', vi(0))).toBe(1_500_000);
    expect(parseNumber('  1.250,75 ', vi(2))).toEqual({ ok: true, value: 1250.75, text: '1250.75' });
  });

  it('never rounds: a decimal in a whole-number field or more decimals than the field holds is refused', () => {
    expect(parseNumber('1,5', vi(0))).toEqual({ ok: false, error: 'too_many_decimals', scale: 0 });
    expect(parseNumber('1.5', vi(0))).toEqual({ ok: false, error: 'too_many_decimals', scale: 0 });
    expect(parseNumber('120,555', vi(2))).toMatchObject({ ok: false, error: 'ambiguous' });
    expect(parseNumber('120,5555', vi(2))).toEqual({ ok: false, error: 'too_many_decimals', scale: 2 });
    // Trailing zeros add nothing: 120,50 is 120,5.
    expect(value('120,50', vi(1))).toBe(120.5);
  });

  it('flags "1.250" where decimals are allowed and the language does not say which mark groups', () => {
    expect(parseNumber('1,250', vi(2))).toEqual({ ok: false, error: 'ambiguous', grouped: 1250, decimal: 1.25, decimalFits: true });
    expect(parseNumber('1,255', vi(2))).toEqual({ ok: false, error: 'ambiguous', grouped: 1255, decimal: 1.255, decimalFits: false });
    expect(parseNumber('1.250', { locale: 'en', scale: 2 })).toMatchObject({ error: 'ambiguous', grouped: 1250, decimal: 1.25 });
    expect(parseNumber('1.250', { locale: 'ru', scale: 2 })).toMatchObject({ error: 'ambiguous' });
    expect(parseNumber('-1,250', { locale: 'ar', scale: 2 })).toMatchObject({ error: 'ambiguous', grouped: -1250, decimal: -1.25 });
    // Settled by the language's group mark, by a whole-number field, or by a scale that holds three decimals.
    expect(value('1,250', { locale: 'en', scale: 2 })).toBe(1250);
    expect(value('1.250', { locale: 'id', scale: 2 })).toBe(1250);
    expect(value('1,250', vi(0))).toBe(1250);
    expect(value('1,250', vi(3))).toBe(1.25);
    // Not three digits after the mark, a leading 0, or more than three before: only the decimal reading exists.
    expect(value('1.25', vi(2))).toBe(1.25);
    expect(value('0,250', vi(3))).toBe(0.25);
    expect(value('1250,5', { locale: 'en', scale: 2 })).toBe(1250.5);
    // A range never picks a reading; when it rules out both, the decimal reading's fault is the answer.
    expect(parseNumber('1.250', { locale: 'en', scale: 2, min: 0, max: 100 })).toMatchObject({ error: 'ambiguous', grouped: 1250, decimal: 1.25 });
    expect(parseNumber('87.555', { locale: 'ar', scale: 2, min: 0, max: 100 })).toEqual({ ok: false, error: 'too_many_decimals', scale: 2 });
    expect(parseNumber('-1.250', { locale: 'en', scale: 2, min: 0 })).toEqual({ ok: false, error: 'out_of_range', min: 0, max: undefined });
    // Mixed marks in a whole-number field: "1.500,000" is 1500 by the rule, 1500000 to whoever grouped with both.
    expect(parseNumber('1.500,000', vi(0))).toEqual({ ok: false, error: 'ambiguous', grouped: 1_500_000, decimal: 1500, decimalFits: true });
  });

  it('reads both marks, Arabic-Indic digits, minus signs, bidi marks and a VND sign', () => {
    expect(value('1,250.75', vi(2))).toBe(1250.75);
    expect(value('١٢٠٫٥', { locale: 'ar', scale: 2 })).toBe(120.5);
    expect(value('١٬٥٠٠٬٠٠٠', { locale: 'ar', scale: 0 })).toBe(1_500_000);
    expect(value('۱۲۳', { locale: 'ar', scale: 0 })).toBe(123);
    expect(value('\u061C-١٬٢٣٤', { locale: 'ar', scale: 0 })).toBe(-1234);
    expect(value('−1 234,5', { locale: 'sv', scale: 1 })).toBe(-1234.5);
    expect(value("1'500'000", vi(0))).toBe(1_500_000);
    expect(value(',5', vi(2))).toBe(0.5);
    expect(value('007', vi(0))).toBe(7);
    expect(value('-0', vi(0))).toBe(0);
    for (const s of ['1.500.000 đ', '1.500.000đ', '₫1.500.000', '1.500.000 VND', '1.500.000 vnđ']) expect(value(s, vi(0, { currency: 'VND' })), s).toBe(1_500_000);
    expect(value('1.500.000 đ', vi(0))).toBe('invalid');
  });

  it('answers empty, invalid and out of range', () => {
    for (const s of ['', '   ', '\u00A0']) expect(value(s, vi(0))).toBe('empty');
    for (const s of ['abc', '1.', '1..5', '1.2.3', '12.34.567', '1.250 000,5', '1,2,3', '1e5', '--1', '1-', '0.500.000', '1 2345', '1.500. 000', '½', 'x'.repeat(200), '1,5.3']) {
      expect(value(s, vi(2)), s).toBe('invalid');
    }
    expect(parseNumber('-5', vi(0, { min: 0 }))).toEqual({ ok: false, error: 'out_of_range', min: 0, max: undefined });
    expect(parseNumber('101', vi(2, { min: 0, max: 100 }))).toEqual({ ok: false, error: 'out_of_range', min: 0, max: 100 });
    expect(value('100', vi(2, { min: 0, max: 100 }))).toBe(100);
    expect(value('9.999.999.999.999.999', vi(0))).toBe('out_of_range');
    expect(value('999.999.999.999.999', vi(0))).toBe(999_999_999_999_999);
  });

  // What the Excel import (server/modules/entries/entries-import-cells.ts) reads today from text
  // cells, with the import's options: whole numbers { vi, scale 0, currency VND }, areas { vi, scale 2 }.
  it('reads what the Excel import reads, alike, and flags (never changes) the few it read another way', () => {
    const whole = vi(0, { currency: 'VND' });
    const same: [string, NumberOptions, number][] = [
      ['1.500.000', whole, 1_500_000],
      ['1,500,000', whole, 1_500_000],
      ['1 500 000', whole, 1_500_000],
      ['1.500.000 đ', whole, 1_500_000],
      ['1.500.000VNĐ', whole, 1_500_000],
      ['2500', whole, 2500],
      ['-5', whole, -5],
      ['1,500', whole, 1500],
      ['12,5', vi(2), 12.5],
      ['1.250', vi(2), 1250],
      ['1.250,75', vi(2), 1250.75],
      ['1,250.75', vi(2), 1250.75],
      ['1.25', vi(2), 1.25],
      ['1.250.500', vi(2), 1_250_500],
      ['1,250,500', vi(2), 1_250_500],
      ['120', vi(2), 120],
    ];
    for (const [s, options, expected] of same) expect(value(s, options), s).toBe(expected);
    // The import read these as 1500000, 1250 and 12345: flagged or refused here instead.
    expect(value('1.500,000', whole)).toBe('ambiguous');
    expect(value('1,250', vi(2))).toBe('ambiguous');
    expect(value('1 2345', whole)).toBe('invalid');
    // …and "0,250" as 250, which no one means: a group never follows a lone 0.
    expect(value('0,250', vi(2))).toBe(0.25);
  });

  it('writes years ungrouped when asked, and reads them back', () => {
    expect([formatNumber(2025, 'vi'), formatNumber(2025, 'vi', { grouping: false }), formatNumber(2025, 'ar', { grouping: false })]).toEqual(['2.025', '2025', '٢٠٢٥']);
    expect(value(formatNumber(2025, 'ar', { grouping: false }), { locale: 'ar', scale: 0 })).toBe(2025);
  });

  it('uses, for each language, the marks Intl writes', () => {
    for (const locale of LOCALES) {
      const parts = new Intl.NumberFormat(INTL_TAGS[locale]).formatToParts(1234567.5);
      const group = parts.find((p) => p.type === 'group')!.value.replace(/[\u00A0\u202F]/, ' ');
      const decimal = parts.find((p) => p.type === 'decimal')!.value;
      expect({ locale, group, decimal }).toEqual({ locale, ...NUMBER_CONVENTIONS[locale] });
    }
  });
});

describe('properties', () => {
  const locale = fc.constantFrom<Locale>(...LOCALES);
  const scale = fc.integer({ min: 0, max: 3 });
  /** A decimal as text (exact), at most 12 integer digits and `scale` decimals, maybe negative. */
  const decimalText = (s: number) =>
    fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.bigInt({ min: 0n, max: 10n ** BigInt(s) - 1n })).map(([neg, int, frac]) => {
      const fraction = s ? `.${frac.toString().padStart(s, '0')}` : '';
      return `${neg ? '-' : ''}${int}${fraction}`;
    });

  it('reads back every number it formats, in every language and scale', () => {
    fc.assert(
      fc.property(
        locale,
        scale.chain((s) => fc.tuple(fc.constant(s), decimalText(s))),
        (loc, [s, text]) => {
          const n = Number(text) + 0; // -0 is 0
          const shown = formatNumber(n, loc, { scale: s });
          const back = parseNumber(shown, { locale: loc, scale: s });
          expect(back, `${text} shown as ${JSON.stringify(shown)} in ${loc}`).toMatchObject({ ok: true, value: n });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a whole number the same whatever mark groups it', () => {
    const marks = ['.', ',', ' ', '\u00A0', '\u202F', "'", '٬'];
    fc.assert(
      fc.property(locale, fc.integer({ min: 0, max: 999_999_999_999 }), fc.constantFrom(...marks), (loc, n, mark) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, mark);
        expect(parseNumber(grouped, { locale: loc, scale: 0 }), grouped).toMatchObject({ ok: true, value: n });
        // Where decimals are allowed too, the language's own group mark, a space, an apostrophe or "٬" still only groups.
        if (mark === NUMBER_CONVENTIONS[loc].group || !['.', ','].includes(mark)) {
          expect(parseNumber(grouped, { locale: loc, scale: 2 }), `${grouped} in ${loc}`).toMatchObject({ ok: true, value: n });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('flags every one-mark, three-digit string the field and the language do not settle', () => {
    fc.assert(
      fc.property(
        locale,
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('.', ','),
        fc.integer({ min: 1, max: 3 }),
        (loc, before, after, mark, s) => {
          const input = `${before}${mark}${String(after).padStart(3, '0')}`;
          const r = parseNumber(input, { locale: loc, scale: s });
          const { group, decimal } = NUMBER_CONVENTIONS[loc];
          if (mark === group) expect(r, input).toMatchObject({ ok: true, value: before * 1000 + after });
          else if (mark === decimal && s >= 3) expect(r, input).toMatchObject({ ok: true, value: Number(`${before}.${String(after).padStart(3, '0')}`) });
          else expect(r, `${input} in ${loc}, scale ${s}`).toMatchObject({ ok: false, error: 'ambiguous', grouped: before * 1000 + after });
        },
      ),
      { numRuns: 1000 },
    );
  });

  /** Digits of a string with leading and trailing zeros dropped: what no reading may change. */
  const digitsOf = (s: string) =>
    s
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/\D/g, '')
      .replace(/^0+/, '')
      .replace(/0+$/, '');

  it('never throws on anything typed, never drops or invents a digit, and what it accepts reads back the same', () => {
    const typed = fc.string({ unit: fc.constantFrom(...'0123456789012345.,  -−\u00A0\u202F\'٫٬١٢٥đa'.split('')), maxLength: 18 });
    fc.assert(
      fc.property(typed, locale, scale, (input, loc, s) => {
        const r = parseNumber(input, { locale: loc, scale: s });
        if (!r.ok) return;
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(digitsOf(r.text), input).toBe(digitsOf(input));
        expect(r.value < 0, input).toBe(/[-−]/.test(input) && r.value !== 0);
        expect(parseNumber(formatNumber(r.value, loc, { scale: s }), { locale: loc, scale: s }), input).toMatchObject({ ok: true, value: r.value });
      }),
      { numRuns: 3000 },
    );
  });
});
