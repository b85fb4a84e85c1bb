/** The page's state in the URL: the unit, the tab, the year of the figures, the words and the page. */
import { REGISTERS } from '../../../common/religious-affairs';

export const RELIGIOUS_TABS = [...REGISTERS, 'figures'] as const;
export type ReligiousTab = (typeof RELIGIOUS_TABS)[number];

export type ReligiousSearch = { unitId?: string; tab?: ReligiousTab; year?: number; q?: string; page?: number };

export function validateReligiousSearch(search: Record<string, unknown>): ReligiousSearch {
  const out: ReligiousSearch = {};
  if (typeof search.unitId === 'string' && /^[1-9]\d{0,18}$/.test(search.unitId)) out.unitId = search.unitId;
  if (typeof search.tab === 'string' && (RELIGIOUS_TABS as readonly string[]).includes(search.tab)) out.tab = search.tab as ReligiousTab;
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 1990 && year <= 2100) out.year = year;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.slice(0, 200);
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}
