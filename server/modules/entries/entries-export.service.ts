/**
 * Export of the entries a reader may see, with the list's filters (EntryListQuery; limit and
 * offset do not apply: everything matching, up to IMPORT_LIMITS.exportRows), as rows pulled in
 * keyset batches so the answer can be streamed.
 */
import { type EntryListQuery, IMPORT_LIMITS } from '../../../common/entries.js';
import { validation } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import * as repo from './entries-import.repository.js';
import type { ListFilter } from './entries-list.repository.js';
import { listFilter } from './entries-list.service.js';

const BATCH = 1_000;

export type PreparedExport = { total: number; rows: AsyncIterable<repo.ExportRow> };

/** Checks the filters and the size; the rows are read when iterated. */
export async function prepareEntriesExport(ctx: Ctx, actor: Actor, query: EntryListQuery): Promise<PreparedExport> {
  const { unitId, limit: _limit, offset: _offset, sort: _sort, ...filters } = query;
  // The same scope and filters as the list.
  const filter: ListFilter = await listFilter(ctx, actor, unitId, filters);
  const total = await repo.countForExport(ctx.db, filter);
  if (total > IMPORT_LIMITS.exportRows) {
    throw validation(`${total} entries match; an export holds at most ${IMPORT_LIMITS.exportRows}: narrow the filters`, { total, max: IMPORT_LIMITS.exportRows });
  }
  async function* rows() {
    let after = '0';
    for (;;) {
      const batch = await repo.findExportBatch(ctx.db, filter, after, BATCH);
      yield* batch;
      if (batch.length < BATCH) return;
      after = batch.at(-1)!.id;
    }
  }
  return { total, rows: rows() };
}
