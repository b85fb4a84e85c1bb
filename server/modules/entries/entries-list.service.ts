/**
 * Finding entries: the filtered, sorted page and the facet counts, limited to the reader's scope.
 */
import { type EntryListQuery, type Facet, FACETS } from '../../../common/entries.js';
import { type Actor, can, isSystemAdmin, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../errors.js';
import {
  type EntrySummaryRecord,
  type FacetCell,
  findEntryPage,
  findEntryRows,
  findFacetCells,
  findSearchResults,
  findUnitPath,
  type ListFilter,
  searchesInOnePass,
} from './entries-list.repository.js';

export type EntryListResult = {
  rows: EntrySummaryRecord[];
  total: number;
  facets: Record<Facet, { value: string; count: number }[]>;
};

/** The subtrees the actor may list: '' (everything) for system admins; `unitId` narrows to one. */
export async function listPaths(ctx: Ctx, actor: Actor, unitId: string | undefined): Promise<string[]> {
  const admin = isSystemAdmin(actor);
  if (unitId === undefined) return admin ? [''] : scopePaths(actor, 'units.read');
  const path = await findUnitPath(ctx.db, unitId);
  // A unit outside the scope answers like a unit that does not exist.
  if (!path || (!admin && !can(actor, 'units.read', path))) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  return [path];
}

const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value, 'en', { numeric: true });

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
        .sort(byValue),
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
  const f: ListFilter = { ...filters, paths: await listPaths(ctx, actor, unitId) };
  if (searchesInOnePass(f, sort)) {
    const { ids, cells } = await findSearchResults(ctx.db, f, sort, limit, offset);
    return { rows: await findEntryRows(ctx.db, ids, sort), ...sumFacets(cells) };
  }
  const [rows, cells] = await Promise.all([findEntryPage(ctx.db, f, sort, limit, offset), findFacetCells(ctx.db, f)]);
  return { rows, ...sumFacets(cells) };
}
