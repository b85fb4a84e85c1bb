/**
 * Tasks of an implementation plan (docs/leadership-loop.md §3–§5): who reads a task (units.read on
 * its owner or its assigning unit), who gives and edits it (data.write on the assigning unit), the
 * root tasks of a plan given to many owners at once (all or nothing), the list and the detail.
 * Splitting, progress reports and the lifecycle live in their own files; this one holds the rules
 * they share.
 */
import { type CreateTasksBody, type TaskListQuery, type UpdateTaskBody } from '../../../common/tasks.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError, deadlineInPast } from '../../errors.js';
import { type Actor, assertCan, can, pathCovers, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit, recordAudits } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import { findUnitsByIds } from '../units/units.repository.js';
import { getReadablePlan } from './plans.service.js';
import * as repo from './tasks.repository.js';

export const taskNotFound = (id: string) => new AppError('NOT_FOUND', `Task ${id} not found`, { what: 'task', id });
export const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);
export const taskConflict = (current: number) => new AppError('CONFLICT', 'The task was changed by someone else; reload it and try again', { currentVersion: current });

export function canReadTask(actor: Actor, task: { owner_path: string; assigning_path: string }): boolean {
  return can(actor, 'units.read', task.owner_path) || can(actor, 'units.read', task.assigning_path);
}

/** The task, when it exists and the actor reads it; NOT_FOUND otherwise (both alike). */
export async function getReadableTask(ctx: Ctx, actor: Actor, id: string): Promise<repo.TaskRecord> {
  const task = await repo.findTaskById(ctx.db, id);
  if (!task || !canReadTask(actor, task)) throw taskNotFound(id);
  return task;
}

/** A readable task the actor holds data.write on, on the unit `side` names: NOT_FOUND, then FORBIDDEN. */
export async function getWritableTask(ctx: Ctx, actor: Actor, id: string, side: 'owner' | 'assigning'): Promise<repo.TaskRecord> {
  const task = await getReadableTask(ctx, actor, id);
  assertCan(actor, 'data.write', side === 'owner' ? task.owner_path : task.assigning_path);
  return task;
}

/**
 * The owners of new tasks, in the order given: each must lie in `within` (strictly below it when
 * `strictly`) and be in force on `today`. An unknown unit is told like one outside, so ids of other
 * provinces reveal nothing. Throws for the first problem found, naming the field.
 */
export async function checkOwners(
  ctx: Ctx,
  ids: string[],
  within: string,
  today: string,
  field: (i: number) => string,
  strictly = false,
): Promise<Map<string, { id: string; path: string }>> {
  const units = new Map((await findUnitsByIds(ctx.db, [...new Set(ids)])).map((u) => [u.id, u]));
  const outside: { path: string; message: string }[] = [];
  const retired: { path: string; message: string }[] = [];
  ids.forEach((id, i) => {
    const u = units.get(id);
    if (!u || !pathCovers(within, u.path) || (strictly && u.path === within)) outside.push({ path: field(i), message: strictly ? 'must be a unit under the owner' : "must be the plan's unit or a unit under it" });
    else if (u.valid_to !== null && u.valid_to <= today) retired.push({ path: field(i), message: 'retired unit' });
  });
  if (outside.length) throw new AppError('UNIT_OUTSIDE_SUBTREE', `${outside.length} unit(s) lie outside the units this task may be given to`, outside.slice(0, 100));
  if (retired.length) throw new AppError('UNIT_NOT_IN_FORCE', `${retired.length} unit(s) are no longer in force`, retired.slice(0, 100));
  return new Map([...units].map(([id, u]) => [id, { id, path: u.path }]));
}

/** Root tasks of a plan, one per owner, in one transaction and one insert (data.write on the plan's unit). */
export async function createTasks(ctx: Ctx, actor: Actor, planId: string, input: CreateTasksBody, today = todayInVietnam()): Promise<string[]> {
  const plan = await getReadablePlan(ctx, actor, planId);
  assertCan(actor, 'data.write', plan.unit_path);
  if (input.deadline < input.startsOn) throw new AppError('INVALID_RANGE', 'The deadline must not be before the start', [{ path: 'body.deadline', message: 'must not be before startsOn' }]);
  if (input.deadline < today) throw deadlineInPast('body.deadline', today);
  if (input.startsOn < plan.starts_on) throw fieldError('body.startsOn', `must not be before the plan's start (${plan.starts_on})`, { min: plan.starts_on });
  if (input.deadline > plan.ends_on) throw fieldError('body.deadline', `must not be after the plan's end (${plan.ends_on})`, { max: plan.ends_on });
  const owners = await checkOwners(ctx, input.ownerUnitIds, plan.unit_path, today, (i) => `body.ownerUnitIds[${i}]`);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockPlan(trx, planId);
    const created = await repo.insertTasks(
      trx,
      { planId, documentId: plan.document_id, parentId: null, parentPath: null, assigningUnitId: plan.unit_id, assigningPath: plan.unit_path, startsOn: input.startsOn, userId: actor.userId },
      input.ownerUnitIds.map((id) => ({ ownerUnitId: id, ownerPath: owners.get(id)!.path, content: input.content, expectedOutput: input.expectedOutput, deadline: input.deadline })),
    );
    await recordAudits(
      trx,
      actor,
      created.map((c) => ({
        action: 'task.create',
        recordType: 'task',
        recordId: c.id,
        unitId: c.owner_unit_id,
        after: { planId, documentId: plan.document_id, ownerUnitId: c.owner_unit_id, content: input.content, expectedOutput: input.expectedOutput, startsOn: input.startsOn, deadline: input.deadline },
      })),
    );
    // In the order the owners were given.
    const byOwner = new Map(created.map((c) => [c.owner_unit_id, c.id]));
    return input.ownerUnitIds.map((id) => byOwner.get(id)!);
  });
}

/** Tasks just created, for the answer (the creator reads them). */
export async function findCreatedTasks(ctx: Ctx, ids: string[]): Promise<repo.TaskRecord[]> {
  return repo.findTasksByIds(ctx.db, ids);
}

/** The list's filter for the reader: under `ownerUnitId` (units.read there) or anywhere in the reader's scope. */
async function taskFilter(ctx: Ctx, actor: Actor, q: Omit<TaskListQuery, 'limit' | 'offset'>): Promise<Omit<repo.TaskFilter, 'limit' | 'offset'>> {
  let ownerPath: string | undefined;
  if (q.ownerUnitId) ownerPath = (await getReadableUnit(ctx, actor, q.ownerUnitId)).path;
  return { scopes: readScopes(actor), documentId: q.documentId, planId: q.planId, ownerPath, assigningUnitId: q.assigningUnitId, status: q.status, due: q.due, leaf: q.leaf };
}

/** Tasks the reader reads: under `ownerUnitId` (units.read there) or anywhere in the reader's scope. */
export async function listTasks(ctx: Ctx, actor: Actor, q: TaskListQuery) {
  return repo.findTasks(ctx.db, { ...(await taskFilter(ctx, actor, q)), limit: q.limit, offset: q.offset });
}

/**
 * The work queue's two figures of a unit: its subtree's open leaves due soon and overdue, each the
 * total `GET /api/tasks?ownerUnitId=…&leaf=true&due=…` gives the same reader (the same filter).
 */
export async function countTasksDue(ctx: Ctx, actor: Actor, ownerUnitId: string): Promise<{ dueSoon: number; overdue: number }> {
  const filter = await taskFilter(ctx, actor, { ownerUnitId, leaf: true });
  const [dueSoon, overdue] = await Promise.all([repo.countTasks(ctx.db, { ...filter, due: 'due_soon' }), repo.countTasks(ctx.db, { ...filter, due: 'overdue' })]);
  return { dueSoon, overdue };
}

/** What the reader may do with a task, as the routes check it. */
export function taskAbilities(actor: Actor, task: repo.TaskRecord, facts: { openChildren: number; reported: boolean; parentDone: boolean }) {
  const onOwner = can(actor, 'data.write', task.owner_path);
  const onAssigning = can(actor, 'data.write', task.assigning_path);
  const open = task.status === 'open';
  return {
    edit: onAssigning,
    split: onOwner && open,
    report: onOwner && open,
    done: onOwner && open && facts.openChildren === 0,
    reopen: onAssigning && !open && !facts.parentDone,
    delete: onAssigning && task.child_count === 0 && !facts.reported,
  };
}

/** A task with its breadcrumb, children, progress reports and evidence, and what the reader may do. */
export async function getTaskDetail(ctx: Ctx, actor: Actor, id: string) {
  const task = await getReadableTask(ctx, actor, id);
  const [ancestors, children, reports, parent, plan] = await Promise.all([
    repo.findAncestors(ctx.db, task.path),
    task.child_count ? repo.findChildren(ctx.db, id) : Promise.resolve([]),
    repo.findReports(ctx.db, id),
    task.parent_id ? repo.findTaskById(ctx.db, task.parent_id) : Promise.resolve(undefined),
    repo.findPlanById(ctx.db, task.plan_id),
  ]);
  const evidence = await repo.findEvidenceOfReports(
    ctx.db,
    reports.map((r) => r.id),
  );
  const openChildren = children.filter((c) => c.status === 'open').length;
  return {
    task,
    plan: plan!,
    ancestors,
    parentDeadline: parent?.deadline ?? null,
    children,
    reports: reports.map((r) => ({ ...r, evidence: evidence.filter((e) => e.report_id === r.id) })),
    can: taskAbilities(actor, task, { openChildren, reported: reports.length > 0, parentDone: parent?.status === 'done' }),
  };
}

/**
 * Changes a task's content, expected output or deadline (data.write on the assigning unit), with
 * optimistic concurrency on `version`. A deadline stays within the parent's and above the children's.
 */
export async function updateTask(ctx: Ctx, actor: Actor, id: string, input: UpdateTaskBody, today = todayInVietnam()): Promise<void> {
  const task = await getWritableTask(ctx, actor, id, 'assigning');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw taskNotFound(id);
    if (row.version !== input.version) throw taskConflict(row.version);
    const changes: repo.TaskChanges = {};
    if (input.content !== undefined && input.content !== row.content) changes.content = input.content;
    if (input.expectedOutput !== undefined && input.expectedOutput !== row.expected_output) changes.expected_output = input.expectedOutput;
    if (input.deadline !== undefined && input.deadline !== row.deadline) {
      if (input.deadline < row.starts_on) throw new AppError('INVALID_RANGE', 'The deadline must not be before the start', [{ path: 'body.deadline', message: `must not be before ${row.starts_on}` }]);
      if (input.deadline < today) throw deadlineInPast('body.deadline', today);
      if (row.parent_id) {
        const parent = await repo.findTaskById(trx, row.parent_id);
        if (parent && input.deadline > parent.deadline) throw fieldError('body.deadline', `must not be after the parent task's deadline (${parent.deadline})`, { max: parent.deadline });
      } else {
        const plan = await repo.findPlanById(trx, task.plan_id);
        if (plan && input.deadline > plan.ends_on) throw fieldError('body.deadline', `must not be after the plan's end (${plan.ends_on})`, { max: plan.ends_on });
      }
      const latestChild = (await repo.lockChildren(trx, id)).reduce<string | null>((m, c) => (m === null || c.deadline > m ? c.deadline : m), null);
      if (latestChild && input.deadline < latestChild) throw fieldError('body.deadline', `must not be before a child task's deadline (${latestChild})`, { min: latestChild });
      changes.deadline = input.deadline;
    }
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateTask(trx, id, input.version, changes))) throw taskConflict(row.version);
    const names: Record<string, string> = { content: 'content', expected_output: 'expectedOutput', deadline: 'deadline' };
    await recordAudit(trx, actor, {
      action: 'task.update',
      recordType: 'task',
      recordId: id,
      unitId: task.owner_unit_id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [names[k], row[k as keyof typeof row]])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [names[k], v])),
    });
  });
}
