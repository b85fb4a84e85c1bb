/**
 * Implementation plans (kế hoạch thực hiện): one unit's plan for one issued, implementable policy
 * document (docs/leadership-loop.md §3). Read with units.read on the plan's unit; created with
 * data.write there, for a document that unit reads.
 */
import { TASK_LIMITS, type CreateImplementationPlanBody } from '../../../common/tasks.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, pathCovers, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findKind } from '../policy-documents/policy-documents.repository.js';
import { getReadableDocument } from '../policy-documents/policy-documents.service.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './tasks.repository.js';

const planNotFound = (id: string) => new AppError('NOT_FOUND', `Implementation plan ${id} not found`, { what: 'implementation_plan', id });
const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);

/** The plan, when it exists and the actor reads its unit; NOT_FOUND otherwise (both alike). */
export async function getReadablePlan(ctx: Ctx, actor: Actor, id: string): Promise<repo.PlanRecord> {
  const plan = await repo.findPlanById(ctx.db, id);
  if (!plan || !can(actor, 'units.read', plan.unit_path)) throw planNotFound(id);
  return plan;
}

/** The plans of a document the actor reads, on units the actor reads. */
export async function listPlans(ctx: Ctx, actor: Actor, documentId: string): Promise<repo.PlanRecord[]> {
  await getReadableDocument(ctx, actor, documentId);
  return repo.findPlansOfDocument(ctx.db, documentId, readScopes(actor));
}

/**
 * A unit's plan for a document. The document is issued and of an implementable kind, and the unit
 * reads it (issued on the unit, above it or below it); one plan per document and unit
 * (ALREADY_EXISTS with the first's id).
 */
export async function createPlan(ctx: Ctx, actor: Actor, documentId: string, input: CreateImplementationPlanBody, today = todayInVietnam()): Promise<string> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  if (doc.status !== 'issued') throw new AppError('INVALID_TRANSITION', 'Only an issued document is implemented by plans', { status: doc.status, action: 'plan' });
  if (!(await findKind(ctx.db, doc.kind))?.implementable) throw fieldError('document.kind', 'documents of this kind are not implemented by plans', { kind: doc.kind });
  if (!pathCovers(doc.issuing_path, unit.path) && !pathCovers(unit.path, doc.issuing_path)) {
    throw new AppError('UNIT_OUTSIDE_SUBTREE', 'The unit does not read this document', [{ path: 'body.unitId', message: 'must be the issuing unit, a unit under it or above it' }]);
  }
  if (unit.valid_to !== null && unit.valid_to <= today) throw new AppError('UNIT_NOT_IN_FORCE', 'The unit is no longer in force', [{ path: 'body.unitId', message: 'retired unit' }]);
  if (input.planDocumentId) {
    let planDoc;
    try {
      planDoc = await getReadableDocument(ctx, actor, input.planDocumentId);
    } catch {
      throw fieldError('body.planDocumentId', 'unknown document', { code: 'unknown' });
    }
    if (planDoc.kind !== 'plan') throw fieldError('body.planDocumentId', 'must be a document of kind "plan"', { kind: planDoc.kind });
  }
  const existing = await repo.findPlanId(ctx.db, documentId, unit.id);
  if (existing) throw new AppError('ALREADY_EXISTS', 'The unit already has a plan for this document', { planId: existing });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await repo.insertPlan(trx, {
        documentId,
        unitId: unit.id,
        unitPath: unit.path,
        planDocumentId: input.planDocumentId ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        userId: actor.userId,
      });
      await recordAudit(trx, actor, {
        action: 'task_plan.create',
        recordType: 'implementation_plan',
        recordId: id,
        unitId: unit.id,
        after: { documentId, unitId: unit.id, planDocumentId: input.planDocumentId ?? null, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return id;
    });
  } catch (err) {
    // Two editors creating the same plan at once: the unique index decides, the loser gets the winner's id.
    if ((err as { code?: string }).code !== '23505') throw err;
    const winner = await repo.findPlanId(ctx.db, documentId, unit.id);
    if (!winner) throw err;
    throw new AppError('ALREADY_EXISTS', 'The unit already has a plan for this document', { planId: winner });
  }
}

/** A plan with its first root tasks, its leaf figures and whether the reader may give tasks. */
export async function getPlanDetail(ctx: Ctx, actor: Actor, id: string) {
  const plan = await getReadablePlan(ctx, actor, id);
  const [tasks, totals] = await Promise.all([
    repo.findTasks(ctx.db, { planId: id, rootsOnly: true, limit: TASK_LIMITS.planTasksPage, offset: 0 }),
    repo.findPlanTotals(ctx.db, id),
  ]);
  return { plan, tasks, totals, can: { assign: can(actor, 'data.write', plan.unit_path) } };
}

/**
 * Writes a coordination program's yearly plan inside the caller's transaction (the program's rules
 * — period, one per year — are the coordination service's): the plan row with its year and its
 * audit entry. Its items are then given as any plan's tasks.
 */
export async function insertYearlyPlan(
  trx: Ctx['db'],
  actor: Actor,
  p: { documentId: string; unitId: string; unitPath: string; year: number; startsOn: string; endsOn: string },
): Promise<string> {
  const id = await repo.insertPlan(trx, { ...p, planDocumentId: null, userId: actor.userId });
  await recordAudit(trx, actor, {
    action: 'task_plan.create',
    recordType: 'implementation_plan',
    recordId: id,
    unitId: p.unitId,
    after: { documentId: p.documentId, unitId: p.unitId, year: p.year, startsOn: p.startsOn, endsOn: p.endsOn },
  });
  return id;
}
