/** The page's state in the URL: the unit, the tab and the year. */
export const GRASSROOTS_TABS = ['items', 'publications', 'decisions', 'review', 'figures'] as const;
export type GrassrootsTab = (typeof GRASSROOTS_TABS)[number];
export type GrassrootsSearch = { unitId?: string; tab?: GrassrootsTab; year?: number };

export function validateGrassrootsSearch(search: Record<string, unknown>): GrassrootsSearch {
  const out: GrassrootsSearch = {};
  if (typeof search.unitId === 'string' && /^[1-9]\d{0,18}$/.test(search.unitId)) out.unitId = search.unitId;
  if (typeof search.tab === 'string' && (GRASSROOTS_TABS as readonly string[]).includes(search.tab)) out.tab = search.tab as GrassrootsTab;
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  return out;
}
