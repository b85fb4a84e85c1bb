/**
 * The unit tree's rules: who sees which units (a grant's subtree; anything else answers "not
 * found", so the existence of units outside the scope does not leak), who may add, rename and
 * retire which, and the audit record of every change.
 */
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, isSystemAdmin, readScopes, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { auditNames, collect } from '../audit/audit.presenter.js';
import { type AuditRefIds, findAuditNames, recordAudit } from '../audit/audit.repository.js';
import * as history from './units-history.repository.js';
import * as repo from './units.repository.js';
import type { ChildrenQuery, CreateUnitBody, RetireUnitBody, SearchQuery, UpdateUnitBody } from './units.schema.js';

/** Which kind of parent an administrative unit may have. */
const ADMINISTRATIVE_PARENTS: Record<string, string[]> = {
  country: [],
  province: ['country'],
  district: ['province'],
  commune: ['province', 'district'],
};

const notFound = (id: string) => new AppError('NOT_FOUND', `Unit ${id} not found`, { what: 'unit', id });

/** The unit, when it exists and the actor may read it; NOT_FOUND otherwise (both cases alike). */
export async function getReadableUnit(ctx: Ctx, actor: Actor, id: string): Promise<repo.UnitRecord> {
  const unit = await repo.findUnitById(ctx.db, id);
  if (!unit || !can(actor, 'units.read', unit.path)) throw notFound(id);
  return unit;
}

async function isAdministrative(ctx: Ctx, kind: string): Promise<boolean> {
  const k = await repo.findUnitKind(ctx.db, kind);
  return !k || k.category === 'administrative';
}

/** The top units of the actor's read scope (a system admin: the root). */
export async function listRoots(ctx: Ctx, actor: Actor) {
  const paths = scopePaths(actor, 'units.read');
  const rootId = paths.includes('') ? await repo.rootUnitId(ctx.db) : undefined;
  const ids = paths.map((p) => (p === '' ? rootId! : p.split('.').at(-1)!));
  const items = await repo.findUnitsByIds(ctx.db, [...new Set(ids)]);
  return { items, total: items.length };
}

export async function getUnitDetail(ctx: Ctx, actor: Actor, id: string) {
  const unit = await getReadableUnit(ctx, actor, id);
  const [ancestors, predecessors, successors, names] = await Promise.all([
    repo.findAncestorRefs(ctx.db, unit.path),
    repo.findLinks(ctx.db, [unit.id], 'predecessors'),
    repo.findLinks(ctx.db, [unit.id], 'successors'),
    history.findFormerNames(ctx.db, unit.id),
  ]);
  return { unit, ancestors, predecessors, successors, names };
}

export async function listChildren(ctx: Ctx, actor: Actor, id: string, q: ChildrenQuery) {
  const parent = await getReadableUnit(ctx, actor, id);
  return repo.findChildren(ctx.db, parent.id, q);
}

/** Units whose name contains `q` (accents and case ignored), within the actor's read scope. */
export async function searchUnits(ctx: Ctx, actor: Actor, q: SearchQuery) {
  const under = q.under ? await getReadableUnit(ctx, actor, q.under) : undefined;
  const rows = await repo.searchUnits(ctx.db, {
    q: q.q,
    includeRetired: q.includeRetired,
    kind: q.kind,
    underPath: under?.path,
    // Inside `under` (readable, so wholly in scope) no scope filter is needed.
    scopePaths: under ? undefined : readScopes(actor),
    limit: q.limit,
  });
  const links = await repo.findLinks(
    ctx.db,
    rows.map((r) => r.id),
    'successors',
  );
  return { rows, total: rows[0]?.total ?? 0, successorsOf: (id: string) => links.filter((l) => l.of_id === id) };
}

export async function getUnitHistory(ctx: Ctx, actor: Actor, id: string) {
  const unit = await getReadableUnit(ctx, actor, id);
  const [predecessors, successors, events, names] = await Promise.all([
    repo.findLinks(ctx.db, [unit.id], 'predecessors'),
    repo.findLinks(ctx.db, [unit.id], 'successors'),
    repo.findUnitEvents(ctx.db, unit.id),
    history.findFormerNames(ctx.db, unit.id),
  ]);
  // The names of the units, people and catalogue entries the changes point to, as the audit log gives them.
  const refIds: AuditRefIds = {};
  for (const e of events) {
    collect('unit', e.before, refIds);
    collect('unit', e.after, refIds);
  }
  const refNames = auditNames(actor, await findAuditNames(ctx.db, refIds));
  return { unit, predecessors, successors, events, names, refNames };
}

type Interval = { validFrom: string | null; validTo: string | null };
type ParentInterval = { id: string; valid_from: string | null; valid_to: string | null };

/**
 * The interval of a new unit: a founding date given, else today under a unit in force (it did not
 * exist before it was added) or the parent's first day under a retired one (added for its years);
 * null: the parent's first day. The end defaults to the parent's.
 */
function newInterval(parent: ParentInterval, input: { validFrom?: string | null; validTo?: string | null }, today: string): Interval {
  const parentInForce = parent.valid_to === null || parent.valid_to > today;
  const validFrom = input.validFrom === undefined ? (parentInForce ? today : parent.valid_from) : (input.validFrom ?? parent.valid_from);
  return { validFrom, validTo: input.validTo === undefined ? parent.valid_to : input.validTo };
}

/**
 * Checks that [validFrom, validTo) is a real interval, starts no later than today, and lies within
 * the parent's: UNIT_INTERVAL_OUTSIDE_PARENT otherwise, with both intervals in `details`.
 */
function checkInterval(parent: ParentInterval, i: Interval, today: string): void {
  const problems: { path: string; message: string }[] = [];
  if (i.validFrom && i.validFrom > today) problems.push({ path: 'body.validFrom', message: `must not be in the future (today is ${today})` });
  if (i.validFrom && i.validTo && i.validTo <= i.validFrom) problems.push({ path: 'body.validTo', message: 'must be after the first day' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The interval is not valid', problems);
  const startsBefore = parent.valid_from !== null && (i.validFrom === null || i.validFrom < parent.valid_from);
  const endsAfter = parent.valid_to !== null && (i.validTo === null || i.validTo > parent.valid_to);
  if (startsBefore || endsAfter) {
    throw new AppError('UNIT_INTERVAL_OUTSIDE_PARENT', `The unit's interval ${i.validFrom ?? '…'} – ${i.validTo ?? '…'} leaves its parent's, ${parent.valid_from ?? '…'} – ${parent.valid_to ?? '…'}`, {
      validFrom: i.validFrom,
      validTo: i.validTo,
      parentValidFrom: parent.valid_from,
      parentValidTo: parent.valid_to,
    });
  }
}

/**
 * Adds a unit under `parentId`: an organization for holders of units.write on the parent; any
 * administrative unit only for a system admin, and only under the right kind of parent. Under a
 * retired unit too, for its years: the new unit's interval lies within its parent's.
 */
export async function createUnit(ctx: Ctx, actor: Actor, input: CreateUnitBody): Promise<repo.UnitRecord> {
  const parent = await getReadableUnit(ctx, actor, input.parentId);
  assertCan(actor, 'units.write', parent.path);
  const kind = await repo.findUnitKind(ctx.db, input.kind);
  if (!kind) throw new AppError('VALIDATION_FAILED', `Unknown unit kind "${input.kind}"`, [{ path: 'body.kind', message: 'unknown unit kind' }]);
  if (kind.category === 'administrative') {
    if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator may add administrative units', { kind: input.kind });
    if (!ADMINISTRATIVE_PARENTS[kind.code]?.includes(parent.kind)) {
      throw new AppError('INVALID_UNIT_PARENT', `A unit of kind ${kind.code} cannot be placed under a ${parent.kind}`, { kind: kind.code, parentKind: parent.kind });
    }
  }
  const today = todayInVietnam();
  checkInterval(parent, newInterval(parent, input, today), today);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Locked so that a change of the parent's interval cannot slip in between.
    const locked = await repo.lockUnit(trx, parent.id);
    if (!locked) throw notFound(parent.id);
    const interval = newInterval(locked, input, today);
    checkInterval(locked, interval, today);
    const newId = await repo.createUnit(trx, {
      parentId: parent.id,
      parentPath: parent.path,
      kind: kind.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      code: input.code ?? null,
      divisionType: null,
      ...interval,
    });
    await recordAudit(trx, actor, {
      action: 'unit.create',
      recordType: 'unit',
      recordId: newId,
      unitId: newId,
      after: { parentId: parent.id, kind: kind.code, name: input.name, nameEn: input.nameEn ?? null, code: input.code ?? null, ...interval },
    });
    return newId;
  });
  return (await repo.findUnitById(ctx.db, id))!;
}

/** Checks that the actor may change this unit at all; returns it. */
async function getWritableUnit(ctx: Ctx, actor: Actor, id: string): Promise<repo.UnitRecord> {
  const unit = await getReadableUnit(ctx, actor, id);
  assertCan(actor, 'units.write', unit.path);
  if (!isSystemAdmin(actor)) {
    if (await isAdministrative(ctx, unit.kind)) {
      throw new AppError('FORBIDDEN', 'Administrative units can be changed only by a system administrator', { kind: unit.kind });
    }
    if (unit.valid_to) throw new AppError('UNIT_RETIRED', 'The unit is retired or set to retire', { validTo: unit.valid_to });
  }
  return unit;
}

const versionConflict = (current: number) =>
  new AppError('CONFLICT', 'The unit was changed by someone else; reload it and try again', { currentVersion: current });

/**
 * Renames a unit (name, English name, code) or sets an organization's founding date, with
 * optimistic concurrency on `version`. A founding date keeps the unit within its parent's interval
 * and its children and registered entries within its own.
 */
export async function updateUnit(ctx: Ctx, actor: Actor, id: string, input: UpdateUnitBody): Promise<repo.UnitRecord> {
  const unit = await getWritableUnit(ctx, actor, id);
  if (input.validFrom !== undefined && (await isAdministrative(ctx, unit.kind))) {
    // Official units' dates come from the official lists (server/db/seed/history-effective-dates.csv).
    throw new AppError('FORBIDDEN', 'The interval of an administrative unit comes from the official lists', { kind: unit.kind });
  }
  const today = todayInVietnam();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockUnit(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const changes: repo.UnitChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = <K extends 'name' | 'name_en' | 'code' | 'valid_from'>(column: K, field: string, value: repo.UnitChanges[K] | undefined) => {
      if (value === undefined || value === row[column]) return;
      changes[column] = value;
      before[field] = row[column];
      after[field] = value;
    };
    change('name', 'name', input.name);
    change('name_en', 'nameEn', input.nameEn);
    change('code', 'code', input.code);
    if (input.validFrom !== undefined && row.parent_id) {
      const parent = (await repo.lockUnit(trx, row.parent_id))!;
      const validFrom = input.validFrom ?? parent.valid_from;
      checkInterval(parent, { validFrom, validTo: row.valid_to }, today);
      const children = await history.countChildrenOutside(trx, id, validFrom, row.valid_to);
      if (children) throw new AppError('UNIT_INTERVAL_OUTSIDE_PARENT', `${children} units under it would then start before it`, { childrenOutside: children, validFrom });
      const entries = await history.countEntriesOutside(trx, id, validFrom, row.valid_to);
      if (entries) throw new AppError('CONFLICT', `The unit registered ${entries} entries for years before ${validFrom}`, { entriesOutside: entries, validFrom });
      change('valid_from', 'validFrom', validFrom);
    }
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateUnit(trx, id, input.version, changes))) throw versionConflict(row.version);
    await recordAudit(trx, actor, { action: 'unit.update', recordType: 'unit', recordId: id, unitId: id, before, after });
  });
  return (await repo.findUnitById(ctx.db, id))!;
}

/** Retires a unit from `validTo` on. It stays, with its history; its children must be retired first. */
export async function retireUnit(ctx: Ctx, actor: Actor, id: string, input: RetireUnitBody): Promise<repo.UnitRecord> {
  const unit = await getWritableUnit(ctx, actor, id);
  if (!unit.parent_id) throw new AppError('FORBIDDEN', 'The root unit cannot be retired');
  if (unit.valid_to) throw new AppError('UNIT_RETIRED', 'The unit is already retired', { validTo: unit.valid_to });
  if (unit.valid_from && input.validTo <= unit.valid_from) {
    throw new AppError('VALIDATION_FAILED', 'The unit cannot be retired before it came into force', [{ path: 'body.validTo', message: `must be after ${unit.valid_from}` }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockUnit(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const parent = row.parent_id ? await repo.lockUnit(trx, row.parent_id) : undefined;
    if (parent?.valid_to && input.validTo > parent.valid_to) {
      checkInterval(parent, { validFrom: row.valid_from, validTo: input.validTo }, todayInVietnam());
    }
    const inForce = await repo.countChildrenInForceOn(trx, id, input.validTo);
    if (inForce) throw new AppError('CONFLICT', `The unit has ${inForce} units in force under it; retire them first`, { childrenInForce: inForce });
    if (!(await repo.updateUnit(trx, id, input.version, { valid_to: input.validTo }))) throw versionConflict(row.version);
    await recordAudit(trx, actor, { action: 'unit.retire', recordType: 'unit', recordId: id, unitId: id, before: { validTo: null }, after: { validTo: input.validTo } });
  });
  return (await repo.findUnitById(ctx.db, id))!;
}
