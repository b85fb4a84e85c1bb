import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS, isLocale } from '../app/i18n';

export type Formatters = {
  /** A calendar date (`2025-07-01`) as the language writes it: 01/07/2025 in Vietnamese. */
  date: (isoDate: string | null | undefined) => string;
  /** An instant, in the browser's time zone. */
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
};

/** Date and number formatting in the current interface language (Intl). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const tag = INTL_TAGS[isLocale(language) ? language : 'vi'];
    // Calendar dates carry no time zone: format them as UTC so no one sees the day before.
    const dateFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const numberFormat = new Intl.NumberFormat(tag);
    return {
      date: (iso) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : ''),
      number: (value) => numberFormat.format(value),
    };
  }, [language]);
}
