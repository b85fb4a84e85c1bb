/**
 * The days off of a year (statutory ones from the calendar, compensatory days, the Government's
 * decisions) and the decisions themselves, which system administrators record. A decision changes
 * the due dates computed from then on; petitions already received keep theirs (a limit, once
 * announced to the citizen, is not moved silently).
 */
import { AppError } from '../../errors.js';
import { type Actor, isSystemAdmin } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { calendarOf, forgetReference } from './petitions-calendar.js';
import * as repo from './petitions.repository.js';

export async function holidayYear(ctx: Ctx, year: number) {
  const cal = await calendarOf(ctx.db);
  const adjustments = (await repo.findHolidayAdjustments(ctx.db)).filter((a) => a.date.startsWith(`${year}-`));
  return { year, daysOff: cal.holidaysOf(year), adjustments };
}

function assertAdmin(actor: Actor) {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', "Only a system administrator records the Government's holiday decisions");
}

export async function setAdjustment(ctx: Ctx, actor: Actor, date: string, input: { kind: 'day_off' | 'working_day'; note: string }) {
  assertAdmin(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.upsertHolidayAdjustment(trx, { date, ...input, userId: actor.userId });
    await recordAudit(trx, actor, { action: 'holiday.set', recordType: 'holiday', recordId: date, before: before ?? undefined, after: { date, ...input } });
  });
  forgetReference(ctx.db);
}

export async function deleteAdjustment(ctx: Ctx, actor: Actor, date: string) {
  assertAdmin(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.deleteHolidayAdjustment(trx, date);
    if (!before) throw new AppError('NOT_FOUND', `No holiday decision on ${date}`, { what: 'holiday', id: date });
    await recordAudit(trx, actor, { action: 'holiday.delete', recordType: 'holiday', recordId: date, before });
  });
  forgetReference(ctx.db);
}
