/**
 * A task's status: its owner marks it done (a container only when its children are all done: the
 * owner's own closing is the evidence the assigning unit reads, so nothing closes by itself); the
 * assigning unit reopens it, with a reason, or deletes it while it holds no reports and no children.
 */
import type { MarkTaskDoneBody, ReopenTaskBody } from '../../../common/tasks.js';
import { sql } from 'kysely';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './tasks.repository.js';
import { getWritableTask, taskConflict, taskNotFound } from './tasks.service.js';

export async function markDone(ctx: Ctx, actor: Actor, id: string, input: MarkTaskDoneBody): Promise<void> {
  const task = await getWritableTask(ctx, actor, id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw taskNotFound(id);
    if (row.version !== input.version) throw taskConflict(row.version);
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'The task is already done', { status: row.status, action: 'done' });
    // Children are locked too: a child reopened at this moment cannot slip under a closed container.
    const open = (await repo.lockChildren(trx, id)).filter((c) => c.status === 'open').map((c) => c.id);
    if (open.length) throw new AppError('INVALID_TRANSITION', 'A task is done once all its children are done', { status: row.status, action: 'done', openChildIds: open.slice(0, 100) });
    if (!(await repo.updateTask(trx, id, input.version, { status: 'done', done_at: sql<Date>`now()`, done_by: actor.userId, note: input.note ?? null }))) throw taskConflict(row.version);
    await recordAudit(trx, actor, { action: 'task.done', recordType: 'task', recordId: id, unitId: task.owner_unit_id, before: { status: 'open' }, after: { status: 'done', note: input.note ?? null } });
  });
}

export async function reopen(ctx: Ctx, actor: Actor, id: string, input: ReopenTaskBody): Promise<void> {
  const task = await getWritableTask(ctx, actor, id, 'assigning');
  await ctx.db.transaction().execute(async (trx) => {
    // The parent first (locks top-down, as a close takes them): a done parent keeps its children done.
    const parent = task.parent_id ? await repo.lockTask(trx, task.parent_id) : undefined;
    const row = await repo.lockTask(trx, id);
    if (!row) throw taskNotFound(id);
    if (row.version !== input.version) throw taskConflict(row.version);
    if (row.status !== 'done') throw new AppError('INVALID_TRANSITION', 'The task is open', { status: row.status, action: 'reopen' });
    if (parent?.status === 'done') throw new AppError('INVALID_TRANSITION', 'The parent task is done; reopen it first', { status: row.status, action: 'reopen', parentId: parent.id });
    if (!(await repo.updateTask(trx, id, input.version, { status: 'open', done_at: null, done_by: null, note: null }))) throw taskConflict(row.version);
    await recordAudit(trx, actor, { action: 'task.reopen', recordType: 'task', recordId: id, unitId: task.owner_unit_id, before: { status: 'done' }, after: { status: 'open', reason: input.reason } });
  });
}

/** Deletes a task given by mistake: refused (TASK_WOULD_BE_LOST) while it holds progress reports or children. */
export async function deleteTask(ctx: Ctx, actor: Actor, id: string, version: number): Promise<void> {
  const task = await getWritableTask(ctx, actor, id, 'assigning');
  await ctx.db.transaction().execute(async (trx) => {
    const parent = task.parent_id ? await repo.lockTask(trx, task.parent_id) : undefined;
    const row = await repo.lockTask(trx, id);
    if (!row) throw taskNotFound(id);
    if (row.version !== version) throw taskConflict(row.version);
    if (row.child_count > 0 || row.last_report_on !== null || (await repo.findReported(trx, [id])).size) {
      throw new AppError('TASK_WOULD_BE_LOST', 'A task holding progress reports or children cannot be deleted', { taskIds: [id] });
    }
    await repo.deleteTasks(trx, [id]);
    if (parent) await repo.setChildCount(trx, parent.id, parent.child_count - 1);
    await recordAudit(trx, actor, {
      action: 'task.delete',
      recordType: 'task',
      recordId: id,
      unitId: task.owner_unit_id,
      before: { planId: task.plan_id, parentId: task.parent_id, ownerUnitId: task.owner_unit_id, content: task.content, deadline: task.deadline, status: task.status },
    });
  });
}
