/**
 * Finding entries: the filtered, sorted page and the facet counts, limited to the reader's scope.
 */
import { ROLE_PERMISSIONS } from '../../../common/access.js';
import { ENTRY_FORMS, ENTRY_KINDS, ENTRY_LEVELS, type EntryListQuery, type EntryQueue, type Facet, FACETS, STATUS_ORDER } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import { type Actor, pathCovers, scopePaths } from '../../http/access.js';
import { type RecordArea, readableArea } from '../../http/record-area.js';
import type { Ctx } from '../../http/context.js';
import {
  type ApprovalPiece,
  type EntrySummaryRecord,
  type FacetCell,
  findEntryPage,
  findEntryRows,
  findFacetCells,
  findKindsAbove,
  findSearchResults,
  type ListFilter,
  type ListSort,
  type QueueClause,
  searchesInOnePass,
} from './entries-list.repository.js';

export type EntryListResult = {
  rows: EntrySummaryRecord[];
  total: number;
  facets: Record<Facet, { value: string; count: number }[]>;
};

/**
 * The list's filters over where the actor's list looks (`readableArea`): the entries of the units
 * it reads and of the retired units whose records count under them; `unitId` narrows to that
 * unit's subtree and the units counting under it, as its report counts them. A `queue` narrows
 * it further to one of the actor's work queues (`queueClause`).
 */
export async function listFilter<F extends { queue?: EntryQueue }>(
  ctx: Ctx,
  actor: Actor,
  unitId: string | undefined,
  filters: F,
): Promise<Omit<F, 'queue'> & { paths: string[]; units: string[]; queue?: QueueClause }> {
  const area = await readableArea(ctx.db, actor, unitId);
  const { queue, ...rest } = filters;
  return { ...rest, paths: area.subtrees, units: area.units, ...(queue ? { queue: await queueClause(ctx.db, actor, area, queue) } : {}) };
}

/**
 * Which entries a work queue holds for the actor, within `area` (where its list looks):
 *
 * - `awaiting_my_approval`: registered entries the actor may accept — data.approve on the unit of
 *   the entry's level (`stepRefusal` in entry-lifecycle.service.ts). That unit is the registering
 *   unit or its nearest ancestor of the level's kind, so for an approver granted at `s` it lies
 *   inside `s` exactly when no unit of that kind is above `s` (a tree path holds one unit of each
 *   level kind): per approval scope, its subtree and the levels whose kind is not above it. An
 *   entry of a retired unit attributed into the area but registered outside the approver's
 *   subtree is readable, not approvable (approvals stay on the entry's path: docs/access.md), so
 *   it is not in the queue.
 * - `my_returned` / `my_drafts`: returned entries / drafts that the actor created or that a unit
 *   the actor holds data.write on *by a grant on that very unit* registered, and that the actor
 *   may still submit (data.write on the registering unit). An editor's own unit's entries are the
 *   unit's work whoever typed them; the entries of units below it are their own editors' work.
 */
export async function queueClause(db: Db, actor: Actor, area: RecordArea, queue: EntryQueue): Promise<QueueClause> {
  if (queue === 'awaiting_my_approval') {
    const scopes = scopePaths(actor, 'data.approve');
    const above = await findKindsAbove(db, scopes);
    const pieces: ApprovalPiece[] = [];
    for (const s of scopes) {
      const levels = ENTRY_LEVELS.filter((l) => !above.get(s)?.has(l));
      const piece = (path: string, exact: boolean): ApprovalPiece => ({ path, exact, levels: levels.length === ENTRY_LEVELS.length ? null : [...levels] });
      if (!levels.length) continue;
      // The approval scope's subtree within where the list looks (both sides hold no path inside another of theirs).
      for (const a of area.subtrees) {
        if (pathCovers(a, s)) pieces.push(piece(s, false));
        else if (pathCovers(s, a)) pieces.push(piece(a, false));
      }
      for (const u of area.units) if (pathCovers(s, u)) pieces.push(piece(u, true));
    }
    return { kind: 'approval', pieces };
  }
  const writers = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('data.write'));
  return {
    kind: 'own',
    status: queue === 'my_returned' ? 'returned' : 'draft',
    userId: actor.userId,
    unitIds: [...new Set(writers.map((g) => g.unitId))],
    writePaths: scopePaths(actor, 'data.write'),
  };
}

const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value, 'en', { numeric: true });

/** Facets over a fixed vocabulary list their values in its order (the workflow's for statuses, province → commune for levels), not by code. */
const ORDERED: Partial<Record<Facet, readonly string[]>> = { status: STATUS_ORDER, level: ENTRY_LEVELS, kind: ENTRY_KINDS, form: ENTRY_FORMS };

function facetOrder(facet: Facet): (a: { value: string }, b: { value: string }) => number {
  const order = ORDERED[facet];
  if (!order) return byValue;
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return (a, b) => rank(a.value) - rank(b.value) || byValue(a, b);
}

/**
 * Standard faceted counting: an entry that passes every filter counts for the total and for each
 * facet's value; one that fails exactly one facet's filter counts for that facet only. Entries
 * without an emulation period (0) are in no periodId value.
 */
export function sumFacets(cells: FacetCell[]): Pick<EntryListResult, 'total' | 'facets'> {
  const counts = Object.fromEntries(FACETS.map((k) => [k, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  let total = 0;
  for (const c of cells) {
    if (c.missed !== null && c.missed !== c.facet) continue;
    if (c.facet === 'year' && c.missed === null) total += c.n;
    if (c.facet === 'periodId' && c.value === '0') continue;
    counts[c.facet].set(c.value, (counts[c.facet].get(c.value) ?? 0) + c.n);
  }
  const facets = Object.fromEntries(
    FACETS.map((k) => [
      k,
      [...counts[k]]
        .filter(([, count]) => count > 0)
        .map(([value, count]) => ({ value, count }))
        .sort(facetOrder(k)),
    ]),
  ) as EntryListResult['facets'];
  return { total, facets };
}

/**
 * The page of entries matching the query within the actor's read scope, the total and each
 * facet's counts under the other filters. The page and the counts are read on two connections at
 * once (they do not depend on each other); a text search reads its matches once for both.
 */
export async function listEntries(ctx: Ctx, actor: Actor, query: EntryListQuery): Promise<EntryListResult> {
  const { unitId, sort, limit, offset, ...filters } = query;
  return listEntriesIn(ctx, await listFilter(ctx, actor, unitId, filters), sort, limit, offset);
}

/** `listEntries` over a filter already resolved (`listFilter`). */
export async function listEntriesIn(ctx: Ctx, f: ListFilter, sort: ListSort, limit: number, offset: number): Promise<EntryListResult> {
  if (searchesInOnePass(f, sort)) {
    const { ids, cells } = await findSearchResults(ctx.db, f, sort, limit, offset);
    return { rows: await findEntryRows(ctx.db, ids, sort), ...sumFacets(cells) };
  }
  const [rows, cells] = await Promise.all([findEntryPage(ctx.db, f, sort, limit, offset), findFacetCells(ctx.db, f)]);
  return { rows, ...sumFacets(cells) };
}
