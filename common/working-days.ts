/**
 * Working days in Viet Nam, for statutory time limits: Monday to Friday, minus public holidays
 * (Labour Code 2019, art. 112) and the compensatory days off they bring, adjusted by the
 * Government's yearly decisions (days swapped or added), which are data (`adjustments`).
 *
 * Rules chosen where the Code leaves the date to the Government (documented in docs/petitions.md):
 * - Tết: 5 days = the last day of the lunar year and the first 4 days of the new year.
 * - National Day: 2/9 plus one adjacent day. The adjacent day is the neighbour that is a weekday
 *   and joins the holiday to a weekend (Tue → Mon 1/9, Thu → Fri 3/9); when only one neighbour is
 *   a weekday, that one (Fri → Thu 1/9, Sat → Fri 1/9, Sun → Mon 3/9, Mon → Tue 3/9); on a
 *   Wednesday, 1/9. This reproduces the Government's choices of 2021–2025.
 * - A holiday on a Saturday or Sunday gives a compensatory day off on the next working day after
 *   it (art. 112(3)), for civil servants whose weekly rest is Saturday and Sunday.
 * Government decisions override all of this: a `day_off` adds a day off, a `working_day` makes a
 * day a working day (a Saturday worked in exchange for a bridge day, say).
 */
import { hungKingsDayOf, isoOfJd, jdOfIso, tetOf } from './lunar-calendar.js';

export type HolidayAdjustment = { date: string; kind: 'day_off' | 'working_day'; note?: string };
export type Holiday = { date: string; name: HolidayName; compensatory: boolean };
export type HolidayName = 'new_year' | 'tet' | 'hung_kings' | 'reunification' | 'labour' | 'national_day' | 'government';

/** 0 = Sunday … 6 = Saturday. */
const weekdayOfJd = (jd: number) => (jd + 1) % 7;
const isWeekendJd = (jd: number) => weekdayOfJd(jd) === 0 || weekdayOfJd(jd) === 6;

function nationalDayNeighbour(year: number): number {
  const jd = jdOfIso(`${year}-09-02`);
  const before = jd - 1;
  const after = jd + 1;
  const weekday = (d: number) => !isWeekendJd(d);
  const joinsWeekend = (d: number) => weekday(d) && (isWeekendJd(d - 1) || isWeekendJd(d + 1));
  if (joinsWeekend(before)) return before;
  if (joinsWeekend(after)) return after;
  if (weekday(before) && !weekday(after)) return before;
  if (weekday(after) && !weekday(before)) return after;
  return before;
}

/** The statutory public holidays of a Gregorian year with their compensatory days, before Government adjustments. */
export function statutoryHolidays(year: number): Holiday[] {
  const days: { jd: number; name: HolidayName }[] = [];
  days.push({ jd: jdOfIso(`${year}-01-01`), name: 'new_year' });
  const tet = jdOfIso(tetOf(year));
  for (let i = -1; i <= 3; i++) days.push({ jd: tet + i, name: 'tet' });
  days.push({ jd: jdOfIso(hungKingsDayOf(year)), name: 'hung_kings' });
  days.push({ jd: jdOfIso(`${year}-04-30`), name: 'reunification' });
  days.push({ jd: jdOfIso(`${year}-05-01`), name: 'labour' });
  const nd = jdOfIso(`${year}-09-02`);
  days.push({ jd: Math.min(nd, nationalDayNeighbour(year)), name: 'national_day' });
  days.push({ jd: Math.max(nd, nationalDayNeighbour(year)), name: 'national_day' });
  days.sort((a, b) => a.jd - b.jd);
  const off = new Set(days.map((d) => d.jd));
  const result: Holiday[] = days.map((d) => ({ date: isoOfJd(d.jd), name: d.name, compensatory: false }));
  for (const d of days) {
    if (!isWeekendJd(d.jd)) continue;
    // The next day that is neither a weekend, a holiday nor an earlier compensatory day.
    let c = d.jd + 1;
    while (isWeekendJd(c) || off.has(c)) c++;
    off.add(c);
    result.push({ date: isoOfJd(c), name: d.name, compensatory: true });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}

export type WorkingCalendar = {
  isWorkingDay(date: string): boolean;
  /** The date `n` working days after `start` (the start day itself not counted: a limit runs from the day after receipt). */
  addWorkingDays(start: string, n: number): string;
  /** Working days in (from, to]: 0 when `to` is not after `from`; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number;
  holidaysOf(year: number): Holiday[];
};

/** A working-day calendar with the Government's decisions applied. */
export function workingCalendar(adjustments: readonly HolidayAdjustment[] = []): WorkingCalendar {
  const byYear = new Map<number, { off: Set<number>; list: Holiday[] }>();
  const extra = new Map(adjustments.map((a) => [jdOfIso(a.date), a.kind]));
  const year = (y: number) => {
    let entry = byYear.get(y);
    if (!entry) {
      const list = statutoryHolidays(y);
      for (const a of adjustments) if (a.kind === 'day_off' && a.date.startsWith(`${y}-`)) list.push({ date: a.date, name: 'government', compensatory: false });
      entry = { off: new Set(list.map((h) => jdOfIso(h.date))), list: list.sort((a, b) => a.date.localeCompare(b.date)) };
      byYear.set(y, entry);
    }
    return entry;
  };
  const workingJd = (jd: number): boolean => {
    const adjusted = extra.get(jd);
    if (adjusted) return adjusted === 'working_day';
    if (isWeekendJd(jd)) return false;
    const y = Number(isoOfJd(jd).slice(0, 4));
    return !year(y).off.has(jd);
  };
  return {
    isWorkingDay: (date) => workingJd(jdOfIso(date)),
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
      let jd = jdOfIso(start);
      for (let left = n; left > 0; ) {
        jd++;
        if (workingJd(jd)) left--;
      }
      return isoOfJd(jd);
    },
    workingDaysBetween(from, to) {
      const a = jdOfIso(from);
      const b = jdOfIso(to);
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let n = 0;
      for (let jd = lo + 1; jd <= hi; jd++) if (workingJd(jd)) n++;
      return sign * n;
    },
    holidaysOf: (y) => year(y).list,
  };
}
