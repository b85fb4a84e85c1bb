/**
 * The period after a review's: the one its key tasks are for. A review lists the events and
 * anniversaries of its own period and of this next one, each labelled, so that a Q3 review shows
 * the 15 October anniversaries its tasks must prepare (docs/reviews.md).
 */
import type { ReportPeriod } from '../../../common/reports.js';
import { periodDates } from '../conferences/conferences.service.js';
import { viDate } from './anniversaries.js';

/** A period as reviews name it; `emulationPeriod` is null for a next emulation period the catalogue does not hold yet. */
export type PeriodSpan = {
  period: ReportPeriod;
  year: number | null;
  quarter: number | null;
  emulationPeriod: { id: string; name: string } | null;
  from: string;
  to: string;
};

/** Which of a review's two periods a day falls in. */
export type PeriodWhich = 'current' | 'next';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** "quý III năm 2024", "năm 2024", "giai đoạn 2021–2025", "từ ngày 01/03/2024 đến ngày 15/05/2024". */
export function periodPhrase(p: PeriodSpan): string {
  switch (p.period) {
    case 'quarter':
      return `quý ${ROMAN[p.quarter! - 1]} năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    case 'emulation_period':
      return `giai đoạn ${p.emulationPeriod?.name ?? `${p.from.slice(0, 4)}–${p.to.slice(0, 4)}`}`;
    case 'custom':
      return `từ ngày ${viDate(p.from)} đến ngày ${viDate(p.to)}`;
  }
}

/**
 * The next quarter (Q4 → Q1 of the next year), the next year, the emulation period starting the
 * year after (`following`, from the catalogue; as long as the reviewed one when the catalogue has
 * none yet), or, after a custom range, the range of the same number of days that follows it.
 */
export function nextPeriod(current: PeriodSpan, following?: { id: string; name: string; start_year: number; end_year: number }): PeriodSpan {
  const none = { year: null, quarter: null, emulationPeriod: null };
  switch (current.period) {
    case 'quarter': {
      const [year, quarter] = current.quarter === 4 ? [current.year! + 1, 1] : [current.year!, current.quarter! + 1];
      const { start, end } = periodDates(year, quarter);
      return { ...none, period: 'quarter', year, quarter, from: start, to: end };
    }
    case 'year': {
      const { start, end } = periodDates(current.year! + 1);
      return { ...none, period: 'year', year: current.year! + 1, from: start, to: end };
    }
    case 'emulation_period': {
      if (following) return { ...none, period: 'emulation_period', emulationPeriod: { id: following.id, name: following.name }, from: `${following.start_year}-01-01`, to: `${following.end_year}-12-31` };
      const first = Number(current.to.slice(0, 4)) + 1;
      const years = Number(current.to.slice(0, 4)) - Number(current.from.slice(0, 4));
      return { ...none, period: 'emulation_period', from: `${first}-01-01`, to: `${first + years}-12-31` };
    }
    case 'custom': {
      const days = (msOf(current.to) - msOf(current.from)) / DAY_MS + 1;
      const from = msOf(current.to) + DAY_MS;
      return { ...none, period: 'custom', from: isoDay(from), to: isoDay(from + (days - 1) * DAY_MS) };
    }
  }
}

/** The first year of the emulation period that follows `current`, to look it up in the catalogue. */
export const followingStartYear = (current: PeriodSpan) => Number(current.to.slice(0, 4)) + 1;

export const periodOfDay = (day: string, current: { to: string }): PeriodWhich => (day <= current.to ? 'current' : 'next');
