/**
 * Replication links: entry A copies recognised entry B. The links form no cycle, and the source's
 * replication_count moves with them (kept by the repository in the same transaction).
 */
import { AppError } from '../../errors.js';
import { type Actor, canReadRecord } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type EntryBundle, getWritableEntry, reloadDetail } from './entry-detail.service.js';
import { problems } from './entry-errors.js';
import * as repo from './entries.repository.js';

/**
 * Records that entry `id` copies `sourceId`: the source must be recognised, readable by the
 * actor, not the entry itself and not (through other links) a copy of it. The source's
 * replication_count moves in the same transaction.
 */
export async function addReplicate(ctx: Ctx, actor: Actor, id: string, sourceId: string): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  const problem = (message: string, code: string) => problems(message, [{ path: 'body.sourceEntryId', message, code }]);
  if (sourceId === id) throw problem('an entry cannot copy itself', 'self');
  const found = await repo.findEntryToRead(ctx.db, sourceId);
  if (!found || !canReadRecord(actor, found.entry.unit_path, found.currentPath)) throw problem('unknown entry', 'unknown_entry');
  const source = found.entry;
  if (source.status !== 'recognised') throw problem('only a recognised entry can be copied', 'not_recognised');
  if (await repo.replicationExists(ctx.db, id, sourceId)) throw new AppError('ALREADY_EXISTS', 'The entry already copies this one', { sourceEntryId: sourceId });
  if (await repo.sourceReaches(ctx.db, sourceId, id)) throw problem('the source already copies this entry: the link would close a cycle', 'cycle');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertReplication(trx, id, sourceId);
    await recordAudit(trx, actor, { action: 'entry.replicate', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, after: { sourceEntryId: sourceId } });
  });
  return reloadDetail(ctx, actor, id);
}

export async function removeReplicate(ctx: Ctx, actor: Actor, id: string, sourceId: string): Promise<EntryBundle> {
  const entry = await getWritableEntry(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteReplication(trx, id, sourceId))) throw new AppError('NOT_FOUND', 'The entry does not copy this one', { what: 'replication', id: sourceId });
    await recordAudit(trx, actor, { action: 'entry.replicate.remove', recordType: 'entry', recordId: id, unitId: entry.registering_unit_id, before: { sourceEntryId: sourceId } });
  });
  return reloadDetail(ctx, actor, id);
}
