/**
 * Progress notes on an entry being carried out (accepted or implementing): dated, never in the
 * future or before the entry's year, added without taking the entry's version.
 */
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type EntryBundle, getWritableEntry, reloadDetail } from './entry-detail.service.js';
import { invalidTransition, problems } from './entry-errors.js';
import * as repo from './entries.repository.js';
import type { ProgressBody } from './entries.schema.js';

/** Today in Viet Nam (UTC+7), where the work happens: a note dated today there is not "in the future". */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Adds a progress note while the entry is accepted or implementing. Does not take the entry's version (notes only add). */
export async function addProgress(ctx: Ctx, actor: Actor, id: string, body: ProgressBody): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  if (entry.status !== 'accepted' && entry.status !== 'implementing') throw invalidTransition(entry.status, 'progress');
  if (body.onDate > todayInVietnam()) throw problems('The date is in the future', [{ path: 'body.onDate', message: 'must not be in the future', code: 'future' }]);
  if (body.onDate < `${entry.year}-01-01`) throw problems('The date is before the entry\'s year', [{ path: 'body.onDate', message: `must not be before ${entry.year}-01-01`, code: 'before_year' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const progressId = await repo.insertProgress(trx, id, body.onDate, body.note, actor.userId);
    await repo.touchEntry(trx, id);
    await recordAudit(trx, actor, { action: 'entry.progress', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, after: { progressId, onDate: body.onDate, note: body.note } });
  });
  return reloadDetail(ctx, actor, id);
}
