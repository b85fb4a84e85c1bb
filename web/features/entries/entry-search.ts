import { ENTRY_QUEUES, type EntryQueue } from '../../../common/entries';
import type { EntryFilters } from './entries.api';

export const SORTS = ['-updated', 'updated', 'title', '-title', '-year', 'year'] as const;

/** The list's filters from the URL (unknown keys dropped), so a filtered list can be shared. */
export function validateEntrySearch(search: Record<string, unknown>): EntryFilters {
  const out: EntryFilters = {};
  for (const key of ['unitId', 'year', 'periodId', 'field', 'kind', 'form', 'level', 'status', 'typical', 'replicated', 'q', 'sort'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  // A work queue (docs/work-queue.md) only by its known names: the API refuses others.
  if ((ENTRY_QUEUES as readonly unknown[]).includes(search.queue)) out.queue = search.queue as EntryQueue;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}
