import { AppError } from '../../errors.js';
import { type Actor, assertCan, isSystemAdmin, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { auditNames, auditRefs } from './audit.presenter.js';
import { findAudit, findAuditNames } from './audit.repository.js';
import type { AuditQuery } from './audit.schema.js';

/** Searches the audit trail within the actor's `audit.read` scope (system admins see all). */
export async function searchAudit(ctx: Ctx, actor: Actor, q: AuditQuery) {
  if (q.unitId) {
    const unit = await ctx.db.selectFrom('units').select(['path']).where('id', '=', q.unitId).executeTakeFirst();
    if (!unit) throw new AppError('NOT_FOUND', `Unit ${q.unitId} not found`);
    assertCan(actor, 'audit.read', unit.path);
  }
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from > to) throw new AppError('VALIDATION_FAILED', 'The start of the range is after its end', { from: q.from, to: q.to });
  const rows = await findAudit(ctx.db, {
    scopePaths: isSystemAdmin(actor) ? undefined : scopePaths(actor, 'audit.read'),
    actorId: q.userId,
    unitId: q.unitId,
    subtree: q.subtree,
    recordType: q.recordType,
    recordId: q.recordId,
    action: q.action,
    from,
    to,
    beforeId: q.before,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  // Every name the page refers to, in one query; shown only where the reader may read it.
  const names = auditNames(actor, await findAuditNames(ctx.db, auditRefs(items)));
  return { items, names, nextBefore: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
