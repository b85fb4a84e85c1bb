import { useTranslation } from 'react-i18next';

/** A calendar period a round usually covers: a month, a quarter, a half or a year. */
export type CalendarPeriod = { kind: 'month' | 'quarter' | 'half' | 'year'; n: number; year: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar period `from`–`to` is exactly (1/7/2026–30/9/2026: the third quarter of 2026), or
 * null for any other span (a schedule with a cut-off day, a custom range): the title is then typed.
 */
export function calendarPeriod(from: string, to: string): CalendarPeriod | null {
  const a = ISO.exec(from);
  const b = ISO.exec(to);
  if (!a || !b || a[1] !== b[1] || a[3] !== '01') return null;
  const year = Number(a[1]);
  const first = Number(a[2]);
  const last = Number(b[2]);
  if (Number(b[3]) !== lastDayOfMonth(year, last)) return null;
  const months = last - first + 1;
  if (months === 1) return { kind: 'month', n: first, year };
  if (months === 3 && first % 3 === 1) return { kind: 'quarter', n: (first + 2) / 3, year };
  if (months === 6 && first % 6 === 1) return { kind: 'half', n: (first + 5) / 6, year };
  if (months === 12) return { kind: 'year', n: 1, year };
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Báo cáo quý III/2026" for the third quarter, in the reader's language; null when the span is not a calendar period. */
export function useSuggestedTitle(): (from: string, to: string) => string | null {
  const { t } = useTranslation();
  return (from, to) => {
    const p = calendarPeriod(from, to);
    if (!p) return null;
    if (p.kind === 'month') return t('reportingRounds.suggestedTitle.month', { month: p.n, year: p.year });
    if (p.kind === 'quarter') return t('reportingRounds.suggestedTitle.quarter', { quarter: ROMAN[p.n - 1] ?? String(p.n), year: p.year });
    if (p.kind === 'half') return p.n === 1 ? t('reportingRounds.suggestedTitle.firstHalf', { year: p.year }) : t('reportingRounds.suggestedTitle.secondHalf', { year: p.year });
    return t('reportingRounds.suggestedTitle.year', { year: p.year });
  };
}
