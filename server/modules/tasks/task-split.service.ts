/**
 * Splitting a task (phân giao tiếp): its owner gives it on to units below (data.write on the owner).
 * The request carries the whole list of children: those with an id are kept (and updated), new ones
 * created, the others dropped. A child that holds progress reports, children of its own or its
 * closing is never dropped (TASK_WOULD_BE_LOST), nor is the whole list emptied while children
 * exist. The parent becomes a container: the roll-up counts leaves only.
 */
import type { SplitTaskBody } from '../../../common/tasks.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError, deadlineInPast } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './tasks.repository.js';
import { checkOwners, fieldError, getWritableTask, taskConflict, taskNotFound } from './tasks.service.js';

const wouldBeLost = (taskIds: string[]) =>
  new AppError('TASK_WOULD_BE_LOST', 'Tasks holding progress reports, children or their closing cannot be dropped', { taskIds });

export async function splitTask(ctx: Ctx, actor: Actor, id: string, input: SplitTaskBody, today = todayInVietnam()): Promise<void> {
  const task = await getWritableTask(ctx, actor, id, 'owner');
  if (task.status !== 'open') throw new AppError('INVALID_TRANSITION', 'A done task is not split; reopen it first', { status: task.status, action: 'split' });
  const wanted = input.children;
  // Owners and dates are checked before the transaction; ids against the locked children inside it.
  const owners = await checkOwners(
    ctx,
    wanted.map((c) => c.ownerUnitId),
    task.owner_path,
    today,
    (i) => `body.children[${i}].ownerUnitId`,
    true,
  );
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw taskNotFound(id);
    if (row.version !== input.version) throw taskConflict(row.version);
    const current = await repo.lockChildren(trx, id);
    const byId = new Map(current.map((c) => [c.id, c]));
    if (!wanted.length) {
      if (current.length) throw wouldBeLost(current.map((c) => c.id));
      throw fieldError('body.children', 'must name at least one unit', { code: 'too_small' });
    }
    const seen = new Set<string>();
    const problems: { path: string; message: string }[] = [];
    const past: string[] = [];
    wanted.forEach((c, i) => {
      const kept = c.id ? byId.get(c.id) : undefined;
      if (c.id && (!kept || seen.has(c.id))) problems.push({ path: `body.children[${i}].id`, message: 'not a child of this task' });
      if (kept && kept.owner_unit_id !== c.ownerUnitId) problems.push({ path: `body.children[${i}].ownerUnitId`, message: 'a kept child keeps its owner' });
      if (c.id) seen.add(c.id);
      const deadline = c.deadline ?? kept?.deadline ?? row.deadline;
      if (deadline > row.deadline) problems.push({ path: `body.children[${i}].deadline`, message: `must not be after the task's deadline (${row.deadline})` });
      if (c.deadline !== undefined && c.deadline !== kept?.deadline) {
        if (c.deadline < row.starts_on) throw new AppError('INVALID_RANGE', 'A deadline must not be before the start', [{ path: `body.children[${i}].deadline`, message: `must not be before ${row.starts_on}` }]);
        if (c.deadline < today) past.push(`body.children[${i}].deadline`);
      }
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems.slice(0, 100));
    if (past.length) throw deadlineInPast(past, today);
    const dropped = current.filter((c) => !seen.has(c.id));
    const reported = await repo.findReported(trx, dropped.map((c) => c.id));
    const lost = dropped.filter((c) => c.child_count > 0 || c.status === 'done' || c.last_report_on !== null || reported.has(c.id)).map((c) => c.id);
    if (lost.length) throw wouldBeLost(lost);

    await repo.deleteTasks(trx, dropped.map((c) => c.id));
    const updated: string[] = [];
    for (const c of wanted) {
      const kept = c.id ? byId.get(c.id) : undefined;
      if (!kept) continue;
      const changes: repo.TaskChanges = {};
      if (c.content !== undefined && c.content !== kept.content) changes.content = c.content;
      if (c.expectedOutput !== undefined && c.expectedOutput !== kept.expected_output) changes.expected_output = c.expectedOutput;
      if (c.deadline !== undefined && c.deadline !== kept.deadline) changes.deadline = c.deadline;
      if (Object.keys(changes).length) {
        await repo.updateTask(trx, kept.id, kept.version, changes);
        updated.push(kept.id);
      }
    }
    const fresh = wanted.filter((c) => !c.id);
    const created = await repo.insertTasks(
      trx,
      { planId: task.plan_id, documentId: task.document_id, parentId: id, parentPath: row.path, assigningUnitId: row.owner_unit_id, assigningPath: row.owner_path, startsOn: row.starts_on, userId: actor.userId },
      fresh.map((c) => ({
        ownerUnitId: c.ownerUnitId,
        ownerPath: owners.get(c.ownerUnitId)!.path,
        content: c.content ?? row.content,
        expectedOutput: c.expectedOutput ?? row.expected_output,
        deadline: c.deadline ?? row.deadline,
      })),
    );
    if (!(await repo.updateTask(trx, id, input.version, { child_count: wanted.length }))) throw taskConflict(row.version);
    await recordAudit(trx, actor, {
      action: 'task.split',
      recordType: 'task',
      recordId: id,
      unitId: row.owner_unit_id,
      before: { childIds: current.map((c) => c.id) },
      after: { created: created.map((c) => ({ id: c.id, ownerUnitId: c.owner_unit_id })), updated, dropped: dropped.map((c) => c.id) },
    });
  });
}
