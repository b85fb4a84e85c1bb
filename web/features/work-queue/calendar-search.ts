/**
 * The calendar of deadlines and the digest page in the URL: `/calendar?unitId=12&month=2026-12&day=2026-12-05`
 * and `/leadership-digest?unitId=12&day=2026-12-04`. A value the API would refuse is dropped, so
 * a stale link still shows a page.
 */
import { addDaysIso } from '../../../common/units';

export type CalendarSearch = { unitId?: string; month?: string; day?: string };
export type DigestSearch = { unitId?: string; day?: string };

const ID = /^\d{1,18}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** A real calendar day (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function validateCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const month = text(search.month);
  if (MONTH.test(month)) out.month = month;
  const day = text(search.day);
  // A chosen day belongs to the month shown; without a month, its own month is shown.
  if (isIsoDay(day) && (!out.month || day.startsWith(out.month))) out.day = day;
  return out;
}

export function validateDigestSearch(search: Record<string, unknown>): DigestSearch {
  const out: DigestSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const day = text(search.day);
  if (isIsoDay(day)) out.day = day;
  return out;
}

/** The month (YYYY-MM) of a day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The first and last day of a month (YYYY-MM). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDaysIso(next, -1) };
}

/** The month before or after (`step` −1 or +1). */
export function shiftMonth(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The month's grid, weeks from Monday (as Vietnamese calendars print them): each cell a day of the
 * month, or null for the days of the neighbouring months that fill the first and last week.
 */
export function monthGrid(month: string): (string | null)[][] {
  const { from, to } = monthRange(month);
  // getUTCDay: 0 Sunday … 6 Saturday; Monday first.
  const lead = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = from; d <= to; d = addDaysIso(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
