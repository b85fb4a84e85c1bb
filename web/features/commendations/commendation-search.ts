import { CATALOGUE_CODE } from '../../../common/units';
import type { CommendationFilter, RecipientKind } from './commendations.api';

/** The list's filters as they travel in the URL (`/commendations?year=2025&recipientKind=individual&page=2`). */
export type CommendationSearch = {
  unitId?: string;
  year?: number;
  periodId?: string;
  recipientKind?: RecipientKind;
  formCode?: string;
  page?: number;
};

export const COMMENDATIONS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const RECIPIENT_KINDS: readonly string[] = ['collective', 'individual'] satisfies RecipientKind[];

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * The list's filters from the URL. A value the API would refuse (a year out of range, a made-up
 * recipient kind) is dropped rather than sent, so a hand-edited or stale link still shows a list.
 */
export function validateCommendationSearch(search: Record<string, unknown>): CommendationSearch {
  const out: CommendationSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const periodId = text(search.periodId);
  if (ID.test(periodId)) out.periodId = periodId;
  const year = Number(text(search.year) || NaN);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  const kind = text(search.recipientKind);
  if (RECIPIENT_KINDS.includes(kind)) out.recipientKind = kind as RecipientKind;
  const formCode = text(search.formCode);
  if (CATALOGUE_CODE.test(formCode)) out.formCode = formCode;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's filter for the URL's search (the page becomes limit and offset). */
export function commendationListQuery(search: CommendationSearch): CommendationFilter {
  const { page, ...filters } = search;
  return { ...filters, limit: COMMENDATIONS_PAGE_SIZE, offset: ((page ?? 1) - 1) * COMMENDATIONS_PAGE_SIZE };
}
