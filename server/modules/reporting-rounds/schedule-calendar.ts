/**
 * A reporting schedule's calendar rule at work (docs/leadership-loop.md §3): which period comes
 * next and when it is due. Pure, on ISO dates; the working-day calendar (weekends, public holidays
 * and the Government's decisions in `holidays`) is passed in.
 */
import type { PeriodKind } from '../../../common/reporting-rounds.js';
import type { WorkingCalendar } from '../../../common/working-days.js';

export type CalendarRule = { periodKind: PeriodKind; cutoffDay: number | null; dueOffsetDays: number; shiftToWorkingDay: boolean };
export type SchedulePeriod = { periodFrom: string; periodTo: string; dueOn: string; unshiftedDueOn: string; suggestedTitle: string };

type MonthKind = Exclude<PeriodKind, 'week'>;
const MONTHS: Record<MonthKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
/** Monday 5 January 1970: week 0 of a weekly rule. */
const FIRST_MONDAY = Date.UTC(1970, 0, 5);
const DAY = 86_400_000;
const ROMAN = ['I', 'II', 'III', 'IV'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** Day `day` of month `m` counted from year 0 (m = year * 12 + month - 1); day 0 is the last day of the month before. */
const dayOf = (m: number, day: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, day));
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

/** "Báo cáo quý III/2026": named after the calendar period its last month belongs to. */
function titleOf(kind: MonthKind, lastMonth: number): string {
  const year = Math.floor(lastMonth / 12);
  const month = (lastMonth % 12) + 1;
  switch (kind) {
    case 'month':
      return `Báo cáo tháng ${month}/${year}`;
    case 'quarter':
      return `Báo cáo quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
    case 'half':
      return month <= 6 ? `Báo cáo 6 tháng đầu năm ${year}` : `Báo cáo 6 tháng cuối năm ${year}`;
    case 'year':
      return `Báo cáo năm ${year}`;
  }
}

/**
 * Period `n` of the rule (its last month is month `(n + 1) * length - 1` from year 0). Calendar
 * periods run from the first day of their first month to the last day of their last month; with a
 * cut-off day d they end on day d of their last month and start the day after the previous one ends.
 */
export function periodAt(rule: CalendarRule, n: number, calendar: WorkingCalendar): SchedulePeriod {
  if (rule.periodKind === 'week') return weekAt(rule, n, calendar);
  const length = MONTHS[rule.periodKind];
  const lastMonth = (n + 1) * length - 1;
  const firstMonth = n * length;
  const periodFrom = rule.cutoffDay === null ? iso(dayOf(firstMonth, 1)) : iso(dayOf(firstMonth - 1, rule.cutoffDay + 1));
  const periodTo = rule.cutoffDay === null ? iso(dayOf(lastMonth + 1, 0)) : iso(dayOf(lastMonth, rule.cutoffDay));
  return { periodFrom, periodTo, ...dueOf(rule, periodTo, calendar), suggestedTitle: titleOf(rule.periodKind, lastMonth) };
}

function dueOf(rule: CalendarRule, periodTo: string, calendar: WorkingCalendar) {
  const unshiftedDueOn = addDays(periodTo, rule.dueOffsetDays);
  let dueOn = unshiftedDueOn;
  if (rule.shiftToWorkingDay) while (!calendar.isWorkingDay(dueOn)) dueOn = addDays(dueOn, 1);
  return { dueOn, unshiftedDueOn };
}

const dm = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;

/** Week `n` of a weekly rule: Monday to Sunday, titled as officers date it ("từ ngày 30/11 đến ngày 06/12/2026"). */
function weekAt(rule: CalendarRule, n: number, calendar: WorkingCalendar): SchedulePeriod {
  const periodFrom = iso(new Date(FIRST_MONDAY + n * 7 * DAY));
  const periodTo = addDays(periodFrom, 6);
  const suggestedTitle = `Báo cáo tuần từ ngày ${dm(periodFrom)}${periodFrom.slice(0, 4) === periodTo.slice(0, 4) ? '' : `/${periodFrom.slice(0, 4)}`} đến ngày ${dm(periodTo)}/${periodTo.slice(0, 4)}`;
  return { periodFrom, periodTo, ...dueOf(rule, periodTo, calendar), suggestedTitle };
}

/** The first period whose due day (after the shift) is on or after `after`. */
export function nextPeriod(rule: CalendarRule, after: string, calendar: WorkingCalendar): SchedulePeriod {
  const [y, m] = after.split('-').map(Number) as [number, number];
  // Start the longest offset (120 days) and a period back: a period ending then may still be due.
  let n =
    rule.periodKind === 'week'
      ? Math.floor((Date.parse(`${after}T00:00:00Z`) - FIRST_MONDAY) / DAY / 7) - 19
      : Math.floor((y * 12 + m - 1 - 17) / MONTHS[rule.periodKind]);
  for (;;) {
    const p = periodAt(rule, n, calendar);
    if (p.dueOn >= after) return p;
    n++;
  }
}
