/**
 * Dates, times and numbers as each interface language writes them: the one place the web app turns
 * a date into text. Vietnamese writes dates day first with slashes (05/12/2026), never the ISO form
 * the API carries (2026-12-05); each other language keeps its own convention (05.12.2026 in
 * Russian and Polish, 2026-12-05 in Swedish, Arabic-Indic digits in Arabic). Date pickers type and
 * show the same pattern (DATE_INPUT_FORMATS in app/i18n.ts; use-format.test.ts keeps the two equal).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS, LOCALES, type Locale, RTL_LOCALES } from '../../common/access';

export type Formatters = {
  /** A calendar date (`2025-07-01`) as the language writes it: 01/07/2025 in Vietnamese; '' for none. */
  date: (isoDate: string | null | undefined) => string;
  /** An instant, in the browser's time zone: 05/12/2026 10:04:05 in Vietnamese; '' for none. */
  dateTime: (iso: string | null | undefined) => string;
  /** Two calendar dates as a span: 01/01/2026 – 31/03/2026 (breaks, if it must, only after the dash). */
  dateRange: (from: string | null | undefined, to: string | null | undefined) => string;
  number: (value: number) => string;
  /** The month of a calendar date, as a heading: "Tháng 12 năm 2026", "December 2026". */
  month: (isoDate: string) => string;
};

const NBSP = '\u00a0';
/** Forbids a line break where it stands without showing anything. */
const WORD_JOINER = '\u2060';

/**
 * A date or time that never breaks across lines: spaces become no-break spaces, and in a
 * right-to-left language a word joiner follows each separator (Arabic dates carry right-to-left
 * marks between their parts, where Chromium otherwise breaks "٠٥‏/١٢‏/٢٠٢٦" in a narrow cell).
 */
function unbroken(text: string, rtl: boolean): string {
  const spaced = text.replace(/\s/g, NBSP);
  return rtl ? spaced.replace(/([/.:,،\-\u200f\u200e])(?!\u2060)/g, `$1${WORD_JOINER}`) : spaced;
}

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The formatters of one language. `timeZone` is for tests; the app shows instants in the
 * browser's zone (the officers' own).
 */
export function formatters(locale: Locale, timeZone?: string): Formatters {
  const tag = INTL_TAGS[locale];
  const rtl = RTL_LOCALES.includes(locale);
  // Calendar dates carry no time zone: format them as UTC so no one sees the day before.
  const dateFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const instantDate = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const instantTime = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone });
  const instantFull = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone });
  const numberFormat = new Intl.NumberFormat(tag);
  const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const date = (iso: string | null | undefined) => (iso ? unbroken(dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)), rtl) : '');
  const dateTime = (iso: string | null | undefined) => {
    if (!iso) return '';
    const at = new Date(iso);
    // Vietnamese writes the day, then the hour (CLDR puts the hour first: "10:04:05 05/12/2026").
    return unbroken(locale === 'vi' ? `${instantDate.format(at)} ${instantTime.format(at)}` : instantFull.format(at), rtl);
  };
  return {
    date,
    dateTime,
    dateRange: (from, to) => `${date(from) || '…'}${NBSP}– ${date(to) || '…'}`,
    number: (value) => numberFormat.format(value),
    month: (iso) => {
      const text = monthFormat.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
      return text.charAt(0).toLocaleUpperCase(tag) + text.slice(1);
    },
  };
}

/** The formatters of the current interface language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => formatters(isLocale(language) ? language : 'vi'), [language]);
}
