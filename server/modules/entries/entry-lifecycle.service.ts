/**
 * Moving entries along their lifecycle (ENTRY_ACTIONS in common/entries.ts): one entry at a time,
 * or many at once — any step, on the list's selection or on every entry matching its filters —
 * with the same checks. Each move is conditional on the entry's `version` (optimistic
 * concurrency) and writes its transition row and audit record in the same transaction.
 */
import { BULK_LIMITS, type BulkFailure, ENTRY_ACTIONS, type EntryAction, type EntryStatus } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { AppError, validation } from '../../errors.js';
import { type Actor, canReadRecord } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit, recordAudits } from '../audit/audit.repository.js';
import { countForExport } from './entries-import.repository.js';
import type { ListFilter } from './entries-list.repository.js';
import { listFilter } from './entries-list.service.js';
import * as bulkRepo from './entry-bulk.repository.js';
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
 * Why the actor may not take `action` on `entry` now, as the single action answers it — the
 * permission on the right unit (403), the version (409 CONFLICT; skipped when `version` is
 * undefined), the status (409 INVALID_TRANSITION), recognition only when evaluated effective —
 * or null. Readability (404) is checked before. Single and bulk actions share it.
 */
function stepRefusal(actor: Actor, entry: Pick<repo.EntryRecord, 'status' | 'version' | 'evaluation_effective' | 'unit_path'>, levelPath: string | undefined, action: EntryAction, version: number | undefined): AppError | null {
  const spec = ENTRY_ACTIONS[action];
  if (!canAt(actor, spec.permission, spec.permission === 'data.approve' ? levelPath : entry.unit_path)) {
    return new AppError('FORBIDDEN', `Permission ${spec.permission} is required on the unit of the entry's ${spec.permission === 'data.approve' ? 'level' : 'registration'}`, { permission: spec.permission });
  }
  if (version !== undefined && version !== entry.version) return staleVersion(entry.version);
  if (!(spec.from as readonly EntryStatus[]).includes(entry.status)) return invalidTransition(entry.status, action);
  if (action === 'recognise' && entry.evaluation_effective !== true) {
    return new AppError('INVALID_TRANSITION', 'Only an entry evaluated as effective can be recognised', { status: entry.status, action, evaluationEffective: entry.evaluation_effective });
  }
  return null;
}

/** A reason, or the evaluation's result and score, when the action needs them (the route's schema asks first). */
function checkBody(action: EntryAction, body: ActionBody): void {
  if (ENTRY_ACTIONS[action].reason === 'required' && !body.reason) throw problems('A reason is required', [{ path: 'body.reason', message: 'a reason is required', code: 'required' }]);
  if (action === 'evaluate' && (body.effective === undefined || body.score === undefined)) {
    throw problems('The evaluation needs its result and score', [
      ...(body.effective === undefined ? [{ path: 'body.effective', message: 'required', code: 'required' }] : []),
      ...(body.score === undefined ? [{ path: 'body.score', message: 'required', code: 'required' }] : []),
    ]);
  }
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
  const refusal = stepRefusal(actor, entry, spec.permission === 'data.approve' ? await levelPathOf(ctx, entry) : undefined, action, body.version);
  if (refusal) throw refusal;
  checkBody(action, body);
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

const refused = (failures: BulkFailure[], of: number) =>
  new AppError(failures[0]!.code, `${failures.length} of ${of} entries cannot be changed; nothing was changed`, { failures: failures.slice(0, BULK_LIMITS.listedFailures), total: failures.length });

/** The batch's entries, locked: the selection (with the versions read), or all matching the filter (the confirmed count must still hold). */
async function lockBatch(ctx: Ctx, trx: Db, actor: Actor, body: BulkActionBody): Promise<{ entries: (bulkRepo.BulkEntry | undefined)[]; versions: (number | undefined)[]; paths: string[] }> {
  if (body.items) {
    const found = new Map((await bulkRepo.lockEntries(trx, body.items.map((i) => i.id))).map((e) => [e.id, e]));
    return { entries: body.items.map((i) => found.get(i.id)), versions: body.items.map((i) => i.version), paths: body.items.map((_, i) => `body.items.${i}`) };
  }
  const { unitId, ...filters } = body.filter!;
  const f: ListFilter = await listFilter(ctx, actor, unitId, filters);
  const total = await countForExport(trx, f);
  if (total > BULK_LIMITS.filter) throw validation(`${total} entries match; a bulk action takes at most ${BULK_LIMITS.filter}: narrow the filters`, { total, max: BULK_LIMITS.filter });
  if (total !== body.expectedCount) throw new AppError('CONFLICT', `${total} entries match the filters now, not ${body.expectedCount}; nothing was changed`, { total, expected: body.expectedCount });
  const entries = await bulkRepo.lockMatching(trx, f, BULK_LIMITS.filter);
  if (entries.length !== total) throw new AppError('CONFLICT', 'The entries matching the filters changed meanwhile; nothing was changed', { total: entries.length, expected: body.expectedCount });
  return { entries, versions: entries.map(() => undefined), paths: entries.map(() => 'body.filter') };
}

/**
 * Takes one lifecycle step on many entries in one transaction, all or nothing: the entries are
 * locked, each is checked as the single action checks it (readable, the permission on the right
 * unit, the version read, the status), and if any fails nothing changes and the error — the code
 * of the first failure — lists the failing entries (`details.failures`, the first
 * BULK_LIMITS.listedFailures, and `total`). Each entry gets its transition and audit record.
 */
export async function bulkAction(ctx: Ctx, actor: Actor, action: EntryAction, body: BulkActionBody): Promise<{ updated: number }> {
  const spec = ENTRY_ACTIONS[action];
  checkBody(action, { version: 1, ...body });
  return ctx.db.transaction().execute(async (trx) => {
    const { entries, versions, paths } = await lockBatch(ctx, trx, actor, body);
    const ids = body.items ? body.items.map((i) => i.id) : entries.map((e) => e!.id);
    const present = entries.filter((e): e is bulkRepo.BulkEntry => !!e);
    const levelPaths = spec.permission === 'data.approve' ? await repo.findLevelUnitPaths(trx, present.map((e) => ({ unitPath: e.unit_path, level: e.level }))) : new Map<string, string>();
    const failures: BulkFailure[] = [];
    entries.forEach((e, i) => {
      if (!e || !canReadRecord(actor, e.unit_path, e.current_path)) {
        failures.push({ path: paths[i]!, id: ids[i]!, code: 'NOT_FOUND', message: 'not found' });
        return;
      }
      const refusal = stepRefusal(actor, e, levelPaths.get(repo.levelKey(e.level, e.unit_path)), action, versions[i]);
      if (refusal) failures.push({ path: paths[i]!, id: e.id, title: e.title, code: refusal.code as BulkFailure['code'], message: refusal.message, ...(refusal.code === 'INVALID_TRANSITION' ? { status: e.status } : {}) });
    });
    if (failures.length) throw refused(failures, entries.length);
    const items = present.map((e, i) => ({ id: e.id, version: versions[i] ?? e.version }));
    const moved = new Set(
      await bulkRepo.moveEntries(trx, items, {
        to: spec.to,
        from: spec.from,
        evaluation: action === 'evaluate' ? { effective: body.effective!, score: body.score!.toFixed(2) } : undefined,
        recognise: action === 'recognise',
      }),
    );
    // Locked rows move unless a version was stale between the checks and the write (it cannot be, but the write says so itself).
    const lost = present.filter((e) => !moved.has(e.id));
    if (lost.length) throw refused(lost.map((e) => ({ path: paths[entries.indexOf(e)]!, id: e.id, title: e.title, code: 'CONFLICT', message: 'changed by someone else' })), entries.length);
    const reason = body.reason ?? null;
    await repo.insertTransitions(
      trx,
      present.map((e) => ({ entryId: e.id, action, from: e.status, to: spec.to, reason, actorId: actor.userId, actorName: actor.username })),
    );
    await recordAudits(
      trx,
      actor,
      present.map((e) => ({
        action: `entry.${action}`,
        recordType: 'entry',
        recordId: e.id,
        unitId: e.registering_unit_id,
        before: { status: e.status, version: e.version },
        after: { status: spec.to, version: e.version + 1, reason, bulk: true, ...(action === 'evaluate' ? { effective: body.effective, score: body.score } : {}) },
      })),
    );
    return { updated: present.length };
  });
}
