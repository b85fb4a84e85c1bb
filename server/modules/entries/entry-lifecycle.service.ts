/**
 * Moving entries along their lifecycle (ENTRY_ACTIONS in common/entries.ts): one entry at a time
 * or many accepted / returned at once. Each move is conditional on the entry's `version`
 * (optimistic concurrency) and writes its transition row and audit record in the same transaction.
 */
import { ENTRY_ACTIONS, type EntryAction, type EntryStatus } from '../../../common/entries.js';
import { AppError } from '../../errors.js';
import { type Actor, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { canAt, type EntryBundle, getReadableEntry, reloadDetail } from './entry-detail.service.js';
import { invalidTransition, problems, staleVersion } from './entry-errors.js';
import * as repo from './entries.repository.js';
import type { ActionBody, BulkActionBody } from './entries.schema.js';

/** The unit path whose data.approve an approval of `entry` needs. */
async function levelPathOf(ctx: Ctx, entry: repo.EntryRecord): Promise<string | undefined> {
  const paths = await repo.findLevelUnitPaths(ctx.db, [{ unitPath: entry.unit_path, level: entry.level }]);
  return paths.get(repo.levelKey(entry.level, entry.unit_path));
}

function actionChanges(action: EntryAction, body: ActionBody): repo.EntryChanges {
  const changes: repo.EntryChanges = { status: ENTRY_ACTIONS[action].to };
  if (action === 'evaluate') {
    changes.evaluation_effective = body.effective!;
    changes.evaluation_score = body.score!.toFixed(2);
  }
  if (action === 'recognise') changes.recognised_typical = true;
  return changes;
}

/**
 * Moves an entry one step of its lifecycle. Checks, in order: readable (404), the action's
 * permission on the right unit (403), the version (409 CONFLICT), the status (409
 * INVALID_TRANSITION). The write itself is conditional on the version, so of two approvers acting
 * at once exactly one wins and the other gets CONFLICT.
 */
export async function applyAction(ctx: Ctx, actor: Actor, id: string, action: EntryAction, body: ActionBody): Promise<EntryBundle> {
  const spec = ENTRY_ACTIONS[action];
  const entry = await getReadableEntry(ctx, actor, id);
  if (!canAt(actor, spec.permission, spec.permission === 'data.approve' ? await levelPathOf(ctx, entry) : entry.unit_path)) {
    throw new AppError('FORBIDDEN', `Permission ${spec.permission} is required on the unit of the entry's ${spec.permission === 'data.approve' ? 'level' : 'registration'}`, { permission: spec.permission });
  }
  if (body.version !== entry.version) throw staleVersion(entry.version);
  if (!(spec.from as readonly EntryStatus[]).includes(entry.status)) throw invalidTransition(entry.status, action);
  if (spec.reason === 'required' && !body.reason) throw problems('A reason is required', [{ path: 'body.reason', message: 'a reason is required', code: 'required' }]);
  if (action === 'evaluate' && (body.effective === undefined || body.score === undefined)) {
    throw problems('The evaluation needs its result and score', [
      ...(body.effective === undefined ? [{ path: 'body.effective', message: 'required', code: 'required' }] : []),
      ...(body.score === undefined ? [{ path: 'body.score', message: 'required', code: 'required' }] : []),
    ]);
  }
  if (action === 'recognise' && entry.evaluation_effective !== true) {
    throw new AppError('INVALID_TRANSITION', 'Only an entry evaluated as effective can be recognised', { status: entry.status, action, evaluationEffective: entry.evaluation_effective });
  }
  const changes = actionChanges(action, body);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateEntryIfVersion(trx, id, body.version, changes, spec.from);
    if (!updated) throw staleVersion(body.version + 1);
    await repo.insertTransitions(trx, [{ entryId: id, action, from: entry.status, to: spec.to, reason: body.reason ?? null, actorId: actor.userId, actorName: actor.username }]);
    await recordAudit(trx, actor, {
      action: `entry.${action}`,
      recordType: 'entry',
      recordId: id,
      unitId: entry.registering_unit_id,
      before: { status: entry.status, version: entry.version },
      after: { status: spec.to, version: updated.version, reason: body.reason ?? null, ...(action === 'evaluate' ? { effective: body.effective, score: body.score } : {}) },
    });
  });
  return reloadDetail(ctx, actor, id);
}

export type BulkFailure = { path: string; id: string; code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_TRANSITION'; message: string; status?: EntryStatus };

/**
 * Accepts or returns many entries in one transaction, all or nothing: when any item fails
 * (unreadable, no permission, stale version, wrong status), nothing changes and the error — the
 * code of the first failure — lists every failing item in `details`.
 */
export async function bulkAction(ctx: Ctx, actor: Actor, body: BulkActionBody): Promise<{ updated: number }> {
  const spec = ENTRY_ACTIONS[body.action];
  return ctx.db.transaction().execute(async (trx) => {
    const rows = new Map((await repo.findEntries(trx, body.items.map((i) => i.id))).map((e) => [e.id, e]));
    const levelPaths = await repo.findLevelUnitPaths(trx, [...rows.values()].map((e) => ({ unitPath: e.unit_path, level: e.level })));
    const failures: BulkFailure[] = [];
    body.items.forEach((item, i) => {
      const e = rows.get(item.id);
      const path = `body.items.${i}`;
      if (!e || !can(actor, 'units.read', e.unit_path)) failures.push({ path, id: item.id, code: 'NOT_FOUND', message: 'not found' });
      else if (!canAt(actor, spec.permission, levelPaths.get(repo.levelKey(e.level, e.unit_path)))) failures.push({ path, id: item.id, code: 'FORBIDDEN', message: `${spec.permission} is required on the unit of the entry's level` });
      else if (e.version !== item.version) failures.push({ path, id: item.id, code: 'CONFLICT', message: 'changed by someone else' });
      else if (!(spec.from as readonly EntryStatus[]).includes(e.status)) failures.push({ path, id: item.id, code: 'INVALID_TRANSITION', message: `the entry is ${e.status}`, status: e.status });
    });
    const fail = () => new AppError(failures[0]!.code, `${failures.length} of ${body.items.length} entries cannot be changed; nothing was changed`, failures);
    if (failures.length) throw fail();
    const moved = new Set(await repo.moveEntriesIfVersions(trx, body.items, spec.to, spec.from));
    body.items.forEach((item, i) => {
      if (!moved.has(item.id)) failures.push({ path: `body.items.${i}`, id: item.id, code: 'CONFLICT', message: 'changed by someone else' });
    });
    if (failures.length) throw fail();
    await repo.insertTransitions(
      trx,
      body.items.map((item) => ({ entryId: item.id, action: body.action, from: rows.get(item.id)!.status, to: spec.to, reason: body.reason ?? null, actorId: actor.userId, actorName: actor.username })),
    );
    for (const item of body.items) {
      const e = rows.get(item.id)!;
      await recordAudit(trx, actor, {
        action: `entry.${body.action}`,
        recordType: 'entry',
        recordId: item.id,
        unitId: e.registering_unit_id,
        before: { status: e.status, version: e.version },
        after: { status: spec.to, version: e.version + 1, reason: body.reason ?? null, bulk: true },
      });
    }
    return { updated: body.items.length };
  });
}
