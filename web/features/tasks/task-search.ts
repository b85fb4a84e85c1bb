import { TASK_STATUSES, type TaskStatus } from '../../../common/tasks';
import { DUE_FILTERS, type DueFilter } from '../../../common/work-queue';
import type { TaskFilter } from './tasks.api';

/** The task list's filters as they travel in the URL (`/tasks?unitId=12&documentId=3&status=open&due=overdue&page=2`). */
export type TaskSearch = {
  /** Tasks owned by this unit or by units under it. */
  unitId?: string;
  documentId?: string;
  status?: TaskStatus;
  due?: DueFilter;
  page?: number;
};

export const TASKS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** The filters from the URL; a value the API would refuse is dropped rather than sent, so a stale link still shows a list. */
export function validateTaskSearch(search: Record<string, unknown>): TaskSearch {
  const out: TaskSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const documentId = text(search.documentId);
  if (ID.test(documentId)) out.documentId = documentId;
  const status = text(search.status);
  if ((TASK_STATUSES as readonly string[]).includes(status)) out.status = status as TaskStatus;
  const due = text(search.due);
  if ((DUE_FILTERS as readonly string[]).includes(due)) out.due = due as DueFilter;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/**
 * The API's query for the URL's search. Only leaves are listed: a container's work is its
 * children's, and the roll-up counts leaves too, so the list's total matches its figures.
 */
export function taskListQuery(search: TaskSearch): TaskFilter {
  const { page, unitId, ...filters } = search;
  return { ...filters, ownerUnitId: unitId, leaf: 'true', limit: TASKS_PAGE_SIZE, offset: ((page ?? 1) - 1) * TASKS_PAGE_SIZE };
}

/** The document page's roll-up unit in the URL (`/policy-documents/7?unitId=12`): a drill-down is a new URL, so "back" goes up again. */
export type RollupSearch = { unitId?: string };

export function validateRollupSearch(search: Record<string, unknown>): RollupSearch {
  const unitId = text(search.unitId);
  return ID.test(unitId) ? { unitId } : {};
}
