import type { WorkingSessionFilter } from './working-sessions.api';

/** The list's filters in the URL (`/working-sessions?unitId=12&from=2026-01-01&to=2026-06-30&page=2`). */
export type WorkingSessionSearch = {
  /** Sessions with this unit or a unit under it, or led by one of them. */
  unitId?: string;
  /** Held on or after (yyyy-mm-dd). */
  from?: string;
  /** Held on or before. */
  to?: string;
  page?: number;
};

export const WORKING_SESSIONS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

function day(value: unknown): string | undefined {
  const v = text(value);
  // A real calendar day only: "2026-02-30" would be refused by the API.
  return DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? v : undefined;
}

/** A value the API would refuse is dropped rather than sent, so a stale link still shows a list. */
export function validateWorkingSessionSearch(search: Record<string, unknown>): WorkingSessionSearch {
  const out: WorkingSessionSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const from = day(search.from);
  if (from) out.from = from;
  const to = day(search.to);
  if (to) out.to = to;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's query for the URL's search; without a unit in the URL, the reader's own unit. */
export function workingSessionListQuery(search: WorkingSessionSearch, defaultUnitId: string | undefined): WorkingSessionFilter | null {
  const unitId = search.unitId ?? defaultUnitId;
  if (!unitId) return null;
  return { unitId, from: search.from, to: search.to, limit: WORKING_SESSIONS_PAGE_SIZE, offset: ((search.page ?? 1) - 1) * WORKING_SESSIONS_PAGE_SIZE };
}
