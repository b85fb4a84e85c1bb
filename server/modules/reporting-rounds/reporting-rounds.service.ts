/**
 * Reporting rounds (docs/leadership-loop.md §3–§5): a unit's editors open a round (data.write on
 * the opening unit), which makes every in-force unit of the target kinds under it a participant in
 * the same transaction; they change its title and due day, extend or excuse a participant, add a
 * unit created later, close it once nobody is pending, and reopen it. Readers of a unit at or under
 * the opening unit follow the completeness by child of their unit. Every write is audited in its
 * transaction; concurrent edits of a round give CONFLICT {currentVersion}.
 */
import { sql } from 'kysely';
import { type CreateRoundBody, type ParticipantListQuery, REPORTING_LIMITS, type RoundListQuery, type UpdateParticipantBody, type UpdateRoundBody } from '../../../common/reporting-rounds.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnitById, type UnitRecord } from '../units/units.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import { assertUnitKinds, getUsableTemplate } from './report-templates.service.js';
import * as repo from './reporting-rounds.repository.js';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const roundNotFound = (id: string) => new AppError('NOT_FOUND', `Reporting round ${id} not found`, { what: 'reporting_round', id });
const versionConflict = (current: number) => new AppError('CONFLICT', 'The round was changed by someone else; reload it and try again', { currentVersion: current });
const closedRound = (action: string) => new AppError('INVALID_TRANSITION', 'The round is closed; reopen it first', { status: 'closed', action });
const fieldError = (path: string, message: string, code: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);
const invalidRange = (path: string, message: string) => new AppError('INVALID_RANGE', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message }]);

/** The due day of a round or a participant is not before the period starts. */
function assertDueOn(dueOn: string, periodFrom: string, path = 'body.dueOn'): void {
  if (dueOn < periodFrom) throw invalidRange(path, `must not be before the start of the period (${periodFrom})`);
}

/** The round, when the actor reads its opening unit (at it or above); NOT_FOUND otherwise. */
export async function getReadableRound(ctx: Ctx, actor: Actor, id: string, ownUnitId: string | null = null): Promise<repo.RoundRecord> {
  const round = await repo.findRound(ctx.db, id, ownUnitId);
  if (!round || !can(actor, 'units.read', round.opening_path)) throw roundNotFound(id);
  return round;
}

/** The round the actor manages (data.write on the opening unit): NOT_FOUND, then FORBIDDEN. */
export async function getManagedRound(ctx: Ctx, actor: Actor, id: string): Promise<repo.RoundRecord> {
  const round = await getReadableRound(ctx, actor, id);
  assertCan(actor, 'data.write', round.opening_path);
  return round;
}

/**
 * The round seen from a unit at or under its opening unit (the opening unit by default), which the
 * actor reads: a commune's readers follow a round their province opened, for their commune.
 */
export async function roundSeenFrom(ctx: Ctx, actor: Actor, id: string, unitId: string | undefined): Promise<{ round: repo.RoundRecord; unit: UnitRecord }> {
  const round = await repo.findRound(ctx.db, id, unitId ?? null);
  if (!round) throw roundNotFound(id);
  const unit = await findUnitById(ctx.db, unitId ?? round.opening_unit_id);
  if (!unit || !can(actor, 'units.read', unit.path)) {
    if (unitId && can(actor, 'units.read', round.opening_path)) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
    throw roundNotFound(id);
  }
  if (!pathCovers(round.opening_path, unit.path)) {
    if (!can(actor, 'units.read', round.opening_path)) throw roundNotFound(id);
    throw new AppError('UNIT_OUTSIDE_SUBTREE', `Unit ${unit.id} is not under the round's opening unit`, [{ path: 'query.unitId', message: 'must be the opening unit or a unit under it' }]);
  }
  return { round, unit };
}

export async function listRounds(ctx: Ctx, actor: Actor, q: RoundListQuery, today = todayInVietnam()) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  return repo.findRounds(ctx.db, { unitId: unit.id, path: unit.path, status: q.status, awaiting: q.awaiting, today, limit: q.limit, offset: q.offset });
}

/**
 * The work queue's two figures of a unit: rounds waiting for its own report, and rounds it (or a
 * unit below it) opened with a unit past due — each the total of `GET /api/reporting-rounds?unitId=…&awaiting=…`.
 */
export async function countRoundsAwaiting(ctx: Ctx, actor: Actor, unitId: string, today = todayInVietnam()): Promise<{ myReport: number; missingBelow: number }> {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const base = { unitId: unit.id, path: unit.path, today };
  const [myReport, missingBelow] = await Promise.all([repo.countRounds(ctx.db, { ...base, awaiting: 'my_report' }), repo.countRounds(ctx.db, { ...base, awaiting: 'missing_below' })]);
  return { myReport, missingBelow };
}

export async function getRoundDetail(ctx: Ctx, actor: Actor, id: string, unitId?: string) {
  const { round, unit } = await roundSeenFrom(ctx, actor, id, unitId);
  const [template, completeness] = await Promise.all([repo.findTemplate(ctx.db, round.template_id), repo.findCompleteness(ctx.db, round.id, unit.path, todayInVietnam())]);
  const manage = can(actor, 'data.write', round.opening_path);
  return {
    round,
    template: template!,
    completeness: { unit, ...completeness },
    can: { manage, close: manage && round.status === 'open', reopen: manage && round.status === 'closed' },
  };
}

export async function listParticipants(ctx: Ctx, actor: Actor, id: string, q: ParticipantListQuery) {
  const { round, unit } = await roundSeenFrom(ctx, actor, id, q.unitId);
  const today = todayInVietnam();
  const page = await repo.findParticipants(ctx.db, {
    roundId: round.id,
    path: unit.path,
    today,
    state: q.state,
    late: q.late,
    completeness: q.completeness,
    limit: q.limit,
    offset: q.offset,
  });
  // The children's narratives are for the opening unit's readers, who compose their own report from them.
  const readsOpening = can(actor, 'units.read', round.opening_path);
  return {
    ...page,
    rows: page.rows.map((p) => ({
      ...p,
      narrative: readsOpening ? p.narrative : null,
      extended: p.due_on !== round.due_on,
      late: isLate(p, today),
      canSubmit: can(actor, 'data.write', p.unit_path) && round.status === 'open' && ['pending', 'draft', 'returned'].includes(p.state),
    })),
  };
}

/**
 * Late: submitted on a Viet Nam day after the participant's due day (an extension moves it), or not
 * submitted, not excused, and the due day has passed.
 */
export function isLate(p: { state: string; submitted_on: string | null; due_on: string }, today: string): boolean {
  if (p.state === 'submitted' || p.state === 'accepted') return p.submitted_on! > p.due_on;
  return p.state !== 'excused' && p.due_on < today;
}

/** Opens a round: the round and all its participants in one transaction, or nothing. */
export async function createRound(ctx: Ctx, actor: Actor, input: CreateRoundBody): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, input.openingUnitId);
  assertCan(actor, 'data.write', unit.path);
  if (unit.retired) throw new AppError('UNIT_NOT_IN_FORCE', `Unit ${unit.id} is no longer in force`, [{ path: 'body.openingUnitId', message: 'retired' }]);
  assertDueOn(input.dueOn, input.periodFrom);
  if (daysBetween(input.periodFrom, input.periodTo) >= REPORTING_LIMITS.periodDays) throw invalidRange('body.periodTo', `a round covers at most ${REPORTING_LIMITS.periodDays} days`);
  await getUsableTemplate(ctx, input.templateId, unit.path);
  if (input.scheduleId) {
    const schedule = await repo.findSchedule(ctx.db, input.scheduleId);
    if (!schedule || !pathCovers(schedule.unit_path, unit.path)) throw fieldError('body.scheduleId', 'unknown schedule for this unit', 'unknown');
  }
  await assertUnitKinds(ctx, input.targetKinds);
  return ctx.db.transaction().execute(async (trx) => {
    const values: repo.RoundValues = {
      opening_unit_id: unit.id,
      opening_path: unit.path,
      schedule_id: input.scheduleId ?? null,
      template_id: input.templateId,
      title: input.title,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      due_on: input.dueOn,
      target_kinds: input.targetKinds,
      created_by: actor.userId,
    };
    const id = await repo.insertRound(trx, values);
    const expected = await repo.openParticipants(trx, { id, opening_path: unit.path, target_kinds: input.targetKinds, due_on: input.dueOn });
    if (expected === 0) throw fieldError('body.targetKinds', 'no unit of these kinds is in force under the opening unit', 'no_participants');
    const { opening_path: _p, created_by: _c, ...audited } = values;
    await recordAudit(trx, actor, { action: 'reporting_round.create', recordType: 'reporting_round', recordId: id, unitId: unit.id, after: { ...audited, expected } });
    return id;
  });
}

/** Changes the title or the due day; a new due day moves every participant without an extension. */
export async function updateRound(ctx: Ctx, actor: Actor, id: string, input: UpdateRoundBody): Promise<void> {
  const round = await getManagedRound(ctx, actor, id);
  if (input.dueOn !== undefined) assertDueOn(input.dueOn, round.period_from);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockRound(trx, id);
    if (!row) throw roundNotFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    if (row.status !== 'open') throw closedRound('update');
    const changes: repo.RoundChanges = {};
    const before: Record<string, unknown> = {};
    if (input.title !== undefined && input.title !== row.title) [changes.title, before.title] = [input.title, row.title];
    if (input.dueOn !== undefined && input.dueOn !== row.due_on) [changes.due_on, before.dueOn] = [input.dueOn, row.due_on];
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateRound(trx, id, input.version, changes))) throw versionConflict(row.version);
    const moved = changes.due_on ? await repo.moveDueOn(trx, id, row.due_on, changes.due_on) : 0;
    await recordAudit(trx, actor, {
      action: 'reporting_round.update',
      recordType: 'reporting_round',
      recordId: id,
      unitId: row.opening_unit_id,
      before,
      after: { ...(changes.title ? { title: changes.title } : {}), ...(changes.due_on ? { dueOn: changes.due_on, participantsMoved: moved } : {}) },
    });
  });
}

/** Closes an open round; ROUND_HAS_PENDING while a participant has neither submitted nor been excused. */
export async function closeRound(ctx: Ctx, actor: Actor, id: string, version: number): Promise<void> {
  await getManagedRound(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockRound(trx, id);
    if (!row) throw roundNotFound(id);
    if (row.version !== version) throw versionConflict(row.version);
    if (row.status !== 'open') throw new AppError('INVALID_TRANSITION', 'The round is already closed', { status: row.status, action: 'close' });
    const pending = await repo.findPending(trx, id, REPORTING_LIMITS.pendingSample);
    if (pending.pending > 0) {
      throw new AppError('ROUND_HAS_PENDING', `${pending.pending} participants have not submitted; extend, excuse or wait`, pending);
    }
    if (!(await repo.updateRound(trx, id, version, { status: 'closed', closed_at: sql<Date>`now()`, closed_by: actor.userId }))) throw versionConflict(row.version);
    await recordAudit(trx, actor, { action: 'reporting_round.close', recordType: 'reporting_round', recordId: id, unitId: row.opening_unit_id, before: { status: 'open' }, after: { status: 'closed' } });
  });
}

export async function reopenRound(ctx: Ctx, actor: Actor, id: string, version: number): Promise<void> {
  await getManagedRound(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockRound(trx, id);
    if (!row) throw roundNotFound(id);
    if (row.version !== version) throw versionConflict(row.version);
    if (row.status !== 'closed') throw new AppError('INVALID_TRANSITION', 'The round is open', { status: row.status, action: 'reopen' });
    if (!(await repo.updateRound(trx, id, version, { status: 'open', closed_at: null, closed_by: null }))) throw versionConflict(row.version);
    await recordAudit(trx, actor, { action: 'reporting_round.reopen', recordType: 'reporting_round', recordId: id, unitId: row.opening_unit_id, before: { status: 'closed' }, after: { status: 'open' } });
  });
}

/**
 * Extends (`dueOn`) or excuses (`excused`) a participant. A unit under the opening unit that is
 * not a participant yet (created after the round opened) becomes one; a unit outside the subtree
 * is UNIT_OUTSIDE_SUBTREE. Excusing someone who has submitted, or un-excusing, is a state change
 * of its own: only pending, draft and returned participants may be excused.
 */
export async function putParticipant(ctx: Ctx, actor: Actor, id: string, unitId: string, input: UpdateParticipantBody): Promise<void> {
  const round = await getManagedRound(ctx, actor, id);
  const unit = await findUnitById(ctx.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  if (!pathCovers(round.opening_path, unit.path) || unit.path === round.opening_path) {
    throw new AppError('UNIT_OUTSIDE_SUBTREE', `Unit ${unitId} is not under the round's opening unit`, [{ path: 'params.unitId', message: 'must be a unit under the opening unit' }]);
  }
  if (input.dueOn !== undefined) assertDueOn(input.dueOn, round.period_from);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockRound(trx, id);
    if (!row) throw roundNotFound(id);
    if (row.status !== 'open') throw closedRound('participant');
    let current = await repo.lockParticipant(trx, id, unitId);
    const added = !current;
    if (!current) {
      if (unit.retired) throw new AppError('UNIT_NOT_IN_FORCE', `Unit ${unitId} is no longer in force`, [{ path: 'params.unitId', message: 'retired' }]);
      await repo.insertParticipant(trx, { round_id: id, unit_id: unitId, unit_path: unit.path, due_on: row.due_on });
      current = (await repo.lockParticipant(trx, id, unitId))!;
    }
    const changes: { due_on?: string; state?: repo.ParticipantRecord['state'] } = {};
    if (input.dueOn !== undefined && input.dueOn !== current.due_on) changes.due_on = input.dueOn;
    if (input.excused === true && current.state !== 'excused') {
      if (!['pending', 'draft', 'returned'].includes(current.state)) {
        throw new AppError('INVALID_TRANSITION', `A participant in state ${current.state} cannot be excused`, { state: current.state, action: 'excuse' });
      }
      changes.state = 'excused';
    }
    if (input.excused === false && current.state === 'excused') {
      const submission = current.submission_id ? await trx.selectFrom('round_submissions').select('status').where('id', '=', current.submission_id).executeTakeFirst() : undefined;
      changes.state = submission?.status ?? 'pending';
    }
    if (!Object.keys(changes).length && !added) return;
    if (Object.keys(changes).length) await repo.updateParticipant(trx, id, unitId, changes);
    await recordAudit(trx, actor, {
      action: 'reporting_round.participant',
      recordType: 'reporting_round',
      recordId: id,
      unitId,
      before: added ? null : { dueOn: current.due_on, state: current.state },
      after: { added, dueOn: changes.due_on ?? current.due_on, state: changes.state ?? current.state },
    });
  });
}
