import { DUE_FILTERS, type DueFilter } from '../../../common/work-queue';
import type { DueSearch } from './work-queue.api';

const ID = /^\d{1,18}$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * The filters of the task and commitment lists from the URL (`/review-tasks?unitId=12&due=overdue`).
 * A value the API would refuse is dropped rather than sent, so a stale link still shows a list.
 */
export function validateDueSearch(search: Record<string, unknown>): DueSearch {
  const out: DueSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const due = text(search.due);
  if ((DUE_FILTERS as readonly string[]).includes(due)) out.due = due as DueFilter;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}
