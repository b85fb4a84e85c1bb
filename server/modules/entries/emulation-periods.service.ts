/** Emulation periods: read by everyone, added by system admins (one per span of years). */
import { AppError } from '../../errors.js';
import { type Actor, isSystemAdmin } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './emulation-periods.repository.js';

export const listPeriods = (ctx: Ctx) => repo.findPeriods(ctx.db);

export async function createPeriod(ctx: Ctx, actor: Actor, input: { name: string; startYear: number; endYear: number }) {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator adds emulation periods');
  if (await repo.findPeriodByYears(ctx.db, input.startYear, input.endYear)) {
    throw new AppError('ALREADY_EXISTS', `A period ${input.startYear}–${input.endYear} already exists`, { startYear: input.startYear, endYear: input.endYear });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const period = await repo.insertPeriod(trx, input);
    await recordAudit(trx, actor, { action: 'emulation_period.create', recordType: 'emulation_period', recordId: period.id, after: input });
    return period;
  });
}
