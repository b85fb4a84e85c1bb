/** The supervision page's state in the URL: the unit, the year, and the recommendations' state filter. */
import { RECOMMENDATION_STATES, type RecommendationState } from '../../../common/supervision';

export type SupervisionSearch = { unitId?: string; year?: number; state?: RecommendationState };

export function validateSupervisionSearch(search: Record<string, unknown>): SupervisionSearch {
  const out: SupervisionSearch = {};
  if (typeof search.unitId === 'string' && /^[1-9]\d{0,18}$/.test(search.unitId)) out.unitId = search.unitId;
  const year = Number(search.year);
  if (search.year !== undefined && Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  if (typeof search.state === 'string' && (RECOMMENDATION_STATES as readonly string[]).includes(search.state)) out.state = search.state as RecommendationState;
  return out;
}
