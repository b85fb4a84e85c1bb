/**
 * `GET /api/entries` answered once per data version (issue 13; docs/scaling.md, "Answers cached
 * across processes"), as reports are (report-answer.ts): the area the reader's list looks in is
 * resolved and checked on every request, then the records version of that area is read, and the
 * answer is a 304, the kept body, or computed once.
 *
 * Unlike a report, a list's rows depend on who reads them (which of the registering unit's
 * ancestors the reader may name, whose drafts a work queue holds), so the reader's scope, and for
 * a work queue the reader, are part of the key as well as of the ETag.
 */
import type { EntryListQuery } from '../../../common/entries.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { type AnswerCache, type CachedAnswer, scopeOf } from '../data-versions/answer-cache.js';
import { readAreaVersion } from '../data-versions/data-versions.repository.js';
import { presentEntrySummary } from './entries-list.presenter.js';
import { listEntriesIn, listFilter } from './entries-list.service.js';

/** The query's parameters in a fixed order, lists sorted: equivalent URLs share an answer. */
function canonical(query: EntryListQuery): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? [...v].map(String).sort().join(',') : String(v)}`)
    .join('&');
}

/** The page of entries for `actor` (errors as `listEntries`: NOT_FOUND for a unit outside the reader's reach, before any 304). */
export async function entryListAnswer(ctx: Ctx, cache: AnswerCache, actor: Actor, query: EntryListQuery, ifNoneMatch: string | string[] | undefined): Promise<CachedAnswer> {
  const { unitId, sort, limit, offset, ...filters } = query;
  const f = await listFilter(ctx, actor, unitId, filters);
  // Before the rows: an answer may then be newer than its version, never older.
  const version = await readAreaVersion(ctx.db, { subtrees: f.paths, units: f.units });
  const reader = query.queue ? ` user=${actor.userId}` : '';
  const scope = `${scopeOf(actor)}${reader}`;
  const key = `entries ${canonical(query)} ${scope}`;
  return cache.answer({
    key,
    version,
    scope,
    ifNoneMatch,
    compute: async () => {
      const found = await listEntriesIn(ctx, f, sort, limit, offset);
      return { items: found.rows.map((r) => presentEntrySummary(r, actor)), total: found.total, facets: found.facets };
    },
  });
}
