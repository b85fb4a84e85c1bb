/**
 * From what the caller asks for (a quarter, a year, an emulation period, two days) to the range a
 * report covers, its Vietnamese label, and the previous range of the same length. Pure: the
 * emulation period is looked up by the caller.
 *
 * Whole calendar years count entries by their registration year (`basis: 'year'`); anything else
 * by the day they were first registered (`registration_date`). See docs/reports.md.
 */
import { REPORT_MAX_YEARS, type ReportQuery, type ReportRange } from '../../../common/reports.js';
import { AppError } from '../../errors.js';

export type EmulationPeriodSpan = { id: string; startYear: number; endYear: number };

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** "15/05/2024", as dates are written in Vietnamese documents. */
export const vnDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

const missing = (...fields: string[]) =>
  new AppError(
    'VALIDATION_FAILED',
    `The report period needs ${fields.join(' and ')}`,
    fields.map((f) => ({ path: `querystring.${f}`, message: 'required for this period' })),
  );

function yearsRange(period: ReportRange['period'], from: number, to: number): ReportRange {
  const label = period === 'year' || from === to ? `Năm ${from}` : `Giai đoạn ${from}–${to}`;
  return { period, from: iso(from, 1, 1), to: iso(to, 12, 31), basis: 'year', label };
}

function quarterRange(year: number, quarter: number): ReportRange {
  const startMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
  return { period: 'quarter', from: iso(year, startMonth, 1), to: iso(year, startMonth + 2, lastDay), basis: 'registration_date', label: `Quý ${ROMAN[quarter - 1]}/${year}` };
}

const DAY = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY;
const fromDayNumber = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const isWholeYears = (from: string, to: string) => from.endsWith('-01-01') && to.endsWith('-12-31');

function customRange(from: string, to: string): ReportRange {
  // Whole calendar years (1 January – 31 December) count like a year; anything else by registration day.
  return { period: 'custom', from, to, basis: isWholeYears(from, to) ? 'year' : 'registration_date', label: `${vnDate(from)} – ${vnDate(to)}` };
}

/** The range before `r`, of the same length: the year, quarter or period before; for days, as many days before. */
export function previousRange(r: ReportRange): ReportRange {
  const fromYear = Number(r.from.slice(0, 4));
  const toYear = Number(r.to.slice(0, 4));
  if (r.period === 'quarter') {
    const q = Math.floor((Number(r.from.slice(5, 7)) - 1) / 3) + 1;
    return q === 1 ? quarterRange(fromYear - 1, 4) : quarterRange(fromYear, q - 1);
  }
  if (r.basis === 'year') {
    const years = toYear - fromYear + 1;
    const prev = yearsRange(r.period, fromYear - years, toYear - years);
    return r.period === 'custom' ? customRange(prev.from, prev.to) : prev;
  }
  const days = dayNumber(r.to) - dayNumber(r.from) + 1;
  const to = dayNumber(r.from) - 1;
  return customRange(fromDayNumber(to - days + 1), fromDayNumber(to));
}

/**
 * The range of a query. Throws VALIDATION_FAILED when the period's parameters are missing and
 * INVALID_RANGE when a custom range is inverted or longer than REPORT_MAX_YEARS years.
 */
export function resolveRange(q: ReportQuery, emulationPeriod?: EmulationPeriodSpan): ReportRange {
  switch (q.period) {
    case 'year':
      if (q.year === undefined) throw missing('year');
      return yearsRange('year', q.year, q.year);
    case 'quarter':
      if (q.year === undefined || q.quarter === undefined) throw missing(...(['year', 'quarter'] as const).filter((f) => q[f] === undefined));
      return quarterRange(q.year, q.quarter);
    case 'emulation_period':
      if (!emulationPeriod) throw missing('periodId');
      return yearsRange('emulation_period', emulationPeriod.startYear, emulationPeriod.endYear);
    case 'custom': {
      if (q.from === undefined || q.to === undefined) throw missing(...(['from', 'to'] as const).filter((f) => q[f] === undefined));
      if (q.to < q.from) throw new AppError('INVALID_RANGE', `The range ends (${q.to}) before it starts (${q.from})`, { from: q.from, to: q.to });
      const limit = `${Number(q.from.slice(0, 4)) + REPORT_MAX_YEARS}${q.from.slice(4)}`;
      if (q.to >= limit) {
        throw new AppError('INVALID_RANGE', `A report covers at most ${REPORT_MAX_YEARS} years`, { from: q.from, to: q.to, maxYears: REPORT_MAX_YEARS });
      }
      return customRange(q.from, q.to);
    }
  }
}

/** The years of a year-basis range, for `entries.year`. */
export const rangeYears = (r: ReportRange): [number, number] => [Number(r.from.slice(0, 4)), Number(r.to.slice(0, 4))];
