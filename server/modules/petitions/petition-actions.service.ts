/**
 * The processing of a petition: received → classified → assigned (to a handling unit in the
 * subtree, or transferred up to the parent or down with a reason) → in progress → resolved /
 * rejected / transferred out, with progress notes and extensions on the way. Each step checks the
 * permission of PETITION_ACTIONS on the current handling unit, the status, and the version
 * (optimistic concurrency); it writes the step and its audit record in one transaction.
 */
import { PETITION_ACTIONS, type PetitionAction, type PetitionStatus } from '../../../common/petitions.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import * as units from '../units/units.repository.js';
import { findUnitById } from '../units/units.repository.js';
import { calendarOf, categoryExists, dueDate, timeLimitOf } from './petitions-calendar.js';
import * as repo from './petitions.repository.js';
import type { ActionBody, HandlingUnitsQuery } from './petitions.schema.js';
import { canRead, getReadablePetition } from './petitions.service.js';

const issue = (path: string, message: string) => new AppError('VALIDATION_FAILED', `The step is not valid; nothing was recorded: ${path.replace(/^body\./, '')} ${message}`, [{ path, message }]);

/**
 * The unit a petition may be handed to. `assign`: the handling unit or a unit below it;
 * `transfer`: the parent (up) or a unit below (down), never the same unit. A unit outside that
 * range — or one that does not exist, told alike — is UNIT_OUTSIDE_SUBTREE, whose details name the
 * allowed root (the web says "choose X or a unit below it"); one inside but no longer in force is
 * UNIT_NOT_IN_FORCE.
 */
async function targetUnit(ctx: Ctx, current: repo.PetitionRecord, id: string, mode: 'assign' | 'transfer') {
  const unit = await findUnitById(ctx.db, id);
  const below = unit ? pathCovers(current.handling_unit_path, unit.path) && unit.id !== current.handling_unit_id : false;
  const inRange = unit && (mode === 'assign' ? below || unit.id === current.handling_unit_id : below || unit.id === current.handling_parent_id);
  if (!inRange) throw outsideRange(current, mode);
  if (unit.retired) throw new AppError('UNIT_NOT_IN_FORCE', `${unit.name} is no longer in force`, { path: 'body.handlingUnitId', unit: { id: unit.id, name: unit.name } });
  return unit;
}

function outsideRange(current: repo.PetitionRecord, mode: 'assign' | 'transfer') {
  const allowed = mode === 'assign' ? `${current.handling_unit_name} or a unit below it` : `the unit above ${current.handling_unit_name} or a unit below it`;
  return new AppError('UNIT_OUTSIDE_SUBTREE', `The step is not valid; nothing was recorded: handlingUnitId must be ${allowed}`, {
    path: 'body.handlingUnitId',
    allowed: mode === 'assign' ? 'subtree' : 'parent_or_below',
    root: { id: current.handling_unit_id, name: current.handling_unit_name },
  });
}

/**
 * The units a petition may be assigned or transferred to, for the dialog's picker: the handling
 * unit itself (assign) or its parent (transfer), and the units in force below it — its children
 * when `q` is shorter than two characters, else those whose name matches (accents folded). Needs
 * the action's permission on the handling unit, like the step itself.
 */
export async function handlingCandidates(ctx: Ctx, actor: Actor, id: string, q: HandlingUnitsQuery) {
  const p = await getReadablePetition(ctx.db, actor, id);
  assertCan(actor, PETITION_ACTIONS[q.action].permission, p.handling_unit_path);
  const text = q.q?.trim() ?? '';
  const below =
    text.length >= 2
      ? (await units.searchUnits(ctx.db, { q: text, includeRetired: false, underPath: p.handling_unit_path, limit: q.limit })).map((u) => ({ id: u.id, name: u.name, kind: u.kind, pathNames: u.path_names }))
      : (await units.findChildren(ctx.db, p.handling_unit_id, { includeRetired: false, limit: q.limit, offset: 0 })).rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind, pathNames: null }));
  const parent = q.action === 'transfer' && p.handling_parent_id ? await findUnitById(ctx.db, p.handling_parent_id) : undefined;
  return {
    root: { id: p.handling_unit_id, name: p.handling_unit_name },
    parent: parent && !parent.retired ? { id: parent.id, name: parent.name } : null,
    items: below,
  };
}

/**
 * Applies `action` to the petition. Answers whether the actor still reads it afterwards: a
 * commune that transfers up a petition the province received no longer does.
 */
export async function applyAction<A extends PetitionAction>(ctx: Ctx, actor: Actor, id: string, action: A, body: ActionBody[A]): Promise<{ readable: boolean }> {
  const current = await getReadablePetition(ctx.db, actor, id);
  const rule = PETITION_ACTIONS[action];
  assertCan(actor, rule.permission, current.handling_unit_path);
  if (!(rule.from as readonly PetitionStatus[]).includes(current.status)) {
    throw new AppError('INVALID_TRANSITION', `A petition that is ${current.status} cannot be ${action}`, { status: current.status, action });
  }
  if (body.version !== current.version) throw conflict(current.version);

  const today = todayInVietnam();
  const changes: repo.PetitionChanges = {};
  let to: PetitionStatus = current.status;
  let reason: string | null = 'reason' in body ? (body.reason ?? null) : null;
  let toUnitId: string | null = null;
  const b = body as ActionBody[PetitionAction];

  switch (action) {
    case 'classify': {
      const c = b as ActionBody['classify'];
      to = 'classified';
      if (c.categoryCode && c.categoryCode !== current.category_code) {
        if (!(await categoryExists(ctx.db, c.categoryCode))) throw issue('body.categoryCode', `unknown category "${c.categoryCode}"`);
        changes.category_code = c.categoryCode;
      }
      if (c.kind && c.kind !== current.kind) {
        if (current.anonymous && c.kind !== 'recommendation') throw issue('body.kind', 'an anonymous petition can only be a recommendation or reflection');
        const limit = await timeLimitOf(ctx.db, c.kind);
        if (current.extended_days > limit.max_extension_days) throw issue('body.kind', `the petition was already extended by ${current.extended_days} days, more than a ${c.kind} allows`);
        changes.kind = c.kind;
        // The statutory limit is the new kind's, still counted from the day of receipt.
        changes.due_on = dueDate(await calendarOf(ctx.db), current.received_on, limit, current.extended_days);
      }
      break;
    }
    case 'assign':
    case 'transfer': {
      const t = b as ActionBody['assign'];
      const unit = await targetUnit(ctx, current, t.handlingUnitId, action);
      to = 'assigned';
      toUnitId = unit.id;
      changes.handling_unit_id = unit.id;
      changes.handling_unit_path = unit.path;
      break;
    }
    case 'start':
      to = 'in_progress';
      break;
    case 'progress':
      reason = (b as ActionBody['progress']).note;
      break;
    case 'extend': {
      const e = b as ActionBody['extend'];
      const limit = await timeLimitOf(ctx.db, current.kind);
      const total = current.extended_days + e.days;
      if (total > limit.max_extension_days) {
        throw issue('body.days', `a ${current.kind} may be extended by at most ${limit.max_extension_days} days in all (${current.extended_days} used)`);
      }
      changes.extended_days = total;
      changes.due_on = dueDate(await calendarOf(ctx.db), current.received_on, limit, total);
      break;
    }
    case 'resolve': {
      const r = b as ActionBody['resolve'];
      to = 'resolved';
      Object.assign(changes, { result: r.result, public_reply: r.publicReply });
      break;
    }
    case 'reject':
    case 'transfer_out': {
      const r = b as ActionBody['reject'];
      to = action === 'reject' ? 'rejected' : 'transferred_out';
      Object.assign(changes, { result: r.reason, public_reply: r.publicReply ?? null });
      break;
    }
  }
  if (to === 'resolved' || to === 'rejected' || to === 'transferred_out') Object.assign(changes, { closed_on: today, closed_at: new Date() });
  changes.status = to;

  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePetition(trx, id, current.version, changes))) {
      const now = await repo.findPetitionById(trx, id);
      throw conflict(now?.version ?? current.version);
    }
    await repo.insertTransition(trx, {
      petition_id: id,
      action,
      from_status: current.status,
      to_status: to,
      from_unit_id: toUnitId ? current.handling_unit_id : null,
      to_unit_id: toUnitId,
      reason,
      actor_id: actor.userId,
      actor_name: actor.username,
    });
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof repo.PetitionRecord] ?? null]));
    await recordAudit(trx, actor, {
      action: `petition.${action}`,
      recordType: 'petition',
      recordId: id,
      unitId: current.unit_id,
      before,
      after: { ...changes, closed_at: undefined, reason },
    });
  });
  return { readable: canRead(actor, { unit_path: current.unit_path, handling_unit_path: changes.handling_unit_path ?? current.handling_unit_path }) };
}

const conflict = (currentVersion: number) => new AppError('CONFLICT', 'The petition was changed by someone else; reload it and try again', { currentVersion });
