/**
 * Reading an entry: who may see it (units.read on the registering unit, or on the unit in force it
 * counts under: `canReadRecord`) or write to it (data.write), and the detail every entry service
 * answers with — the entry with its implementers, transitions, progress, evidence, replication
 * links and the actions the reader may take now.
 */
import { ENTRY_ACTION_NAMES, ENTRY_ACTIONS, type EntryStatus } from '../../../common/entries.js';
import { type Actor, assertCan, can, canReadRecord, isSystemAdmin } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { entryNotFound } from './entry-errors.js';
import { editability } from './entry-rules.js';
import * as repo from './entries.repository.js';
import { findEvidenceList } from './evidence.repository.js';

/**
 * The entry when it exists and the actor may read it (`canReadRecord`: units.read on the
 * registering unit or on the unit in force it counts under, as the reports count it); NOT_FOUND
 * otherwise, alike.
 */
export async function getReadableEntry(ctx: Ctx, actor: Actor, id: string): Promise<repo.EntryRecord> {
  const found = await repo.findEntryToRead(ctx.db, id);
  if (!found || !canReadRecord(actor, found.entry.unit_path, found.currentPath)) throw entryNotFound(id);
  return found.entry;
}

/**
 * Readable and writable (data.write on the registering unit itself: the successor of a retired
 * unit reads its entries but does not edit them): a reader without the right gets FORBIDDEN.
 */
export async function getWritableEntry(ctx: Ctx, actor: Actor, id: string): Promise<repo.EntryRecord> {
  const entry = await getReadableEntry(ctx, actor, id);
  assertCan(actor, 'data.write', entry.unit_path);
  return entry;
}

export type EntryBundle = Awaited<ReturnType<typeof loadDetail>>;

/** `can` on a unit path; an entry whose level unit cannot be found (no path) is approved by system admins only. */
export function canAt(actor: Actor, permission: 'data.write' | 'data.approve', path: string | undefined): boolean {
  return path ? can(actor, permission, path) : isSystemAdmin(actor);
}

/** The actions the actor may take now on `entry` (the server checks again when they are taken). */
export function allowedActions(actor: Actor, entry: repo.EntryRecord, levelPath: string | undefined): string[] {
  const out: string[] = [];
  for (const name of ENTRY_ACTION_NAMES) {
    const a = ENTRY_ACTIONS[name];
    if (!(a.from as readonly EntryStatus[]).includes(entry.status)) continue;
    if (name === 'recognise' && entry.evaluation_effective !== true) continue;
    if (canAt(actor, a.permission, a.permission === 'data.approve' ? levelPath : entry.unit_path)) out.push(name);
  }
  if (editability(entry.status) !== 'none' && can(actor, 'data.write', entry.unit_path)) out.push('edit');
  return out;
}

/** The detail of an entry the actor has already been allowed to read. */
export async function loadDetail(ctx: Ctx, actor: Actor, entry: repo.EntryRecord) {
  const [units, implementers, transitions, progress, evidence, replicates, replicatedBy, levelPaths] = await Promise.all([
    repo.findUnitBriefs(ctx.db, [entry.registering_unit_id]),
    repo.findImplementers(ctx.db, entry.id),
    repo.findTransitions(ctx.db, entry.id),
    repo.findProgress(ctx.db, entry.id),
    findEvidenceList(ctx.db, entry.id),
    repo.findSources(ctx.db, entry.id),
    repo.findReplicas(ctx.db, entry.id),
    repo.findLevelUnitPaths(ctx.db, [{ unitPath: entry.unit_path, level: entry.level }]),
  ]);
  return {
    entry,
    unit: units[0]!,
    implementers,
    transitions,
    progress,
    evidence,
    // A linked entry the reader may not read is shown only by its existence's effect (the link), not its data.
    replicates: replicates.filter((r) => canReadRecord(actor, r.unit_path, r.current_path)),
    replicatedBy: replicatedBy.filter((r) => canReadRecord(actor, r.unit_path, r.current_path)),
    allowedActions: allowedActions(actor, entry, levelPaths.get(repo.levelKey(entry.level, entry.unit_path))),
  };
}

export async function getEntryDetail(ctx: Ctx, actor: Actor, id: string): Promise<EntryBundle> {
  return loadDetail(ctx, actor, await getReadableEntry(ctx, actor, id));
}

/** The detail after a write the actor was allowed to make (so it is readable, and exists). */
export async function reloadDetail(ctx: Ctx, actor: Actor, id: string): Promise<EntryBundle> {
  return loadDetail(ctx, actor, (await repo.findEntry(ctx.db, id))!);
}
