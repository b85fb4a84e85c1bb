import { MOODS, type Mood, SITUATION_KINDS, type SituationKind } from '../../../common/situation';
import type { SituationFilter } from './situation.api';

/** The list's filters in the URL (`/situation-reports?unitId=12&topic=land&mood=tense&page=2`). */
export type SituationSearch = { unitId?: string; kind?: SituationKind; topic?: string; mood?: Mood; page?: number };

export const SITUATION_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const CODE = /^[a-z][a-z0-9_]{1,40}$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** A value the API would refuse is dropped rather than sent, so a stale link still shows a list. */
export function validateSituationSearch(search: Record<string, unknown>): SituationSearch {
  const out: SituationSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const kind = text(search.kind);
  if ((SITUATION_KINDS as readonly string[]).includes(kind)) out.kind = kind as SituationKind;
  const topic = text(search.topic);
  if (CODE.test(topic)) out.topic = topic;
  const mood = text(search.mood);
  if ((MOODS as readonly string[]).includes(mood)) out.mood = mood as Mood;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's query for the URL's search; without a unit in the URL, the reader's own unit. */
export function situationListQuery(search: SituationSearch, defaultUnitId: string | undefined): SituationFilter | null {
  const unitId = search.unitId ?? defaultUnitId;
  if (!unitId) return null;
  return { unitId, kind: search.kind, topic: search.topic, mood: search.mood, limit: SITUATION_PAGE_SIZE, offset: ((search.page ?? 1) - 1) * SITUATION_PAGE_SIZE };
}

/** The summary's choice in the URL (`/situation-summary?unitId=37&year=2026&quarter=3`). */
export type SituationSummarySearch = { unitId?: string; year?: number; quarter?: number };

export function validateSituationSummarySearch(search: Record<string, unknown>): SituationSummarySearch {
  const out: SituationSummarySearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const year = Number(text(search.year) || NaN);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  const quarter = Number(text(search.quarter) || NaN);
  if (Number.isInteger(quarter) && quarter >= 1 && quarter <= 4) out.quarter = quarter;
  return out;
}

/** The quarter before the one holding `today` (yyyy-mm-dd): what a summary is usually made of. */
export function lastQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}
