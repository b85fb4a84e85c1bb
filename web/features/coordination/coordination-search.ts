import { CATALOGUE_CODE } from '../../../common/units';
import type { ProgramFilter } from './coordination.api';

/** The programs list's filters in the URL (`/coordination-programs?unitId=12&force=coast_guard&page=2`). */
export type ProgramSearch = {
  /** Programs of this unit, of the units under it and of the units above it. */
  unitId?: string;
  force?: string;
  page?: number;
};

export const PROGRAMS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** A value the API would refuse is dropped, so a hand-edited or stale link still shows a list. */
export function validateProgramSearch(search: Record<string, unknown>): ProgramSearch {
  const out: ProgramSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const force = text(search.force);
  if (CATALOGUE_CODE.test(force)) out.force = force;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's query for the URL's search (the page becomes limit and offset). */
export function programListQuery(search: ProgramSearch): ProgramFilter {
  const { page, ...filters } = search;
  return { ...filters, limit: PROGRAMS_PAGE_SIZE, offset: ((page ?? 1) - 1) * PROGRAMS_PAGE_SIZE };
}
