/**
 * Reference data every intake needs: the working-day calendar with the Government's decisions
 * (`holidays`), the statutory time limits and the category codes. They change a few times a year,
 * so they are kept per database for a minute (and the calendar is dropped at once when this
 * process records a holiday decision): intake at hundreds a second then costs no extra query.
 * A time limit or category changed in the database directly takes effect within that minute.
 */
import { isoOfJd, jdOfIso } from '../../../common/lunar-calendar.js';
import type { PetitionKind } from '../../../common/petitions.js';
import { type WorkingCalendar, workingCalendar } from '../../../common/working-days.js';
import type { Db } from '../../db/database.js';
import * as repo from './petitions.repository.js';

const TTL_MS = 60_000;

export type TimeLimitRow = { kind: PetitionKind; days: number; basis: 'working' | 'calendar'; max_extension_days: number; source: string };
type Reference = { calendar: WorkingCalendar; limits: Map<PetitionKind, TimeLimitRow>; categories: Set<string> };

const cache = new WeakMap<Db, { at: number; reference: Promise<Reference> }>();

async function load(db: Db): Promise<Reference> {
  const [adjustments, limits, categories] = await Promise.all([repo.findHolidayAdjustments(db), repo.findTimeLimits(db), repo.findCategories(db)]);
  return { calendar: workingCalendar(adjustments), limits: new Map(limits.map((l) => [l.kind, l])), categories: new Set(categories.map((c) => c.code)) };
}

export function referenceOf(db: Db): Promise<Reference> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.reference;
  const reference = load(db);
  reference.catch(() => cache.delete(db));
  cache.set(db, { at: Date.now(), reference });
  return reference;
}

export async function calendarOf(db: Db): Promise<WorkingCalendar> {
  return (await referenceOf(db)).calendar;
}

export async function timeLimitOf(db: Db, kind: PetitionKind): Promise<TimeLimitRow> {
  const limit = (await referenceOf(db)).limits.get(kind);
  if (!limit) throw new Error(`no time limit for petitions of kind ${kind}`);
  return limit;
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  return (await referenceOf(db)).categories.has(code);
}

/** Drops the cached reference data (after this process changed a holiday decision). */
export function forgetReference(db: Db): void {
  cache.delete(db);
}

export type TimeLimit = { days: number; basis: 'working' | 'calendar' };

/**
 * The last day to answer: `days` working days after the day of receipt; on a calendar-day basis,
 * `days` days after it, moved to the next working day when it falls on a day off (the usual rule
 * for a time limit that ends on a holiday).
 */
export function dueDate(cal: WorkingCalendar, receivedOn: string, limit: TimeLimit, extraDays = 0): string {
  const days = limit.days + extraDays;
  if (limit.basis === 'working') return cal.addWorkingDays(receivedOn, days);
  let jd = jdOfIso(receivedOn) + days;
  while (!cal.isWorkingDay(isoOfJd(jd))) jd++;
  return isoOfJd(jd);
}
