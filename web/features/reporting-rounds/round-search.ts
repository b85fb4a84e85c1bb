import { PARTICIPANT_FILTERS, PARTICIPANT_STATES, type ParticipantFilter as CompletenessColumn, type ParticipantState, ROUND_AWAITING, ROUND_STATUSES, type RoundAwaiting, type RoundStatus } from '../../../common/reporting-rounds';
import type { ParticipantFilter, RoundListFilter } from './reporting-rounds.api';

/** The rounds list's filters in the URL (`/reporting-rounds?unitId=12&status=open&page=2`). */
export type RoundListSearch = {
  /** Rounds opened by this unit or below it, and rounds it or a unit below it takes part in. */
  unitId?: string;
  status?: RoundStatus;
  /** The work queue's lists: the unit's own report due soon or late, or rounds it opened with units late. */
  awaiting?: RoundAwaiting;
  page?: number;
};

/**
 * A round's page in the URL (`/reporting-rounds/7?unitId=12&state=pending&late=true`): the unit
 * whose children the completeness counts (the drill-down) and the participants' filters.
 */
export type RoundDetailSearch = {
  unitId?: string;
  state?: ParticipantState;
  /** Late only (`true`) or on time only (`false`). */
  late?: 'true' | 'false';
  /** One column of the completeness table (on time, late, missing, missing overdue, returned, excused): its participants. */
  completeness?: CompletenessColumn;
  page?: number;
};

export const ROUNDS_PAGE_SIZE = 20;
export const PARTICIPANTS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim() : '');

function page(value: unknown): number | undefined {
  const n = Number(text(value) || NaN);
  return Number.isInteger(n) && n > 1 && n <= 50_000 ? n : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  const v = text(value);
  return (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A value the API would refuse (a made-up state, a unit id that is not a number) is dropped, so a stale link still shows a page. */
export function validateRoundListSearch(search: Record<string, unknown>): RoundListSearch {
  const out: RoundListSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const status = oneOf(ROUND_STATUSES, search.status);
  if (status) out.status = status;
  const awaiting = oneOf(ROUND_AWAITING, search.awaiting);
  if (awaiting) out.awaiting = awaiting;
  const p = page(search.page);
  if (p) out.page = p;
  return out;
}

export function validateRoundDetailSearch(search: Record<string, unknown>): RoundDetailSearch {
  const out: RoundDetailSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const state = oneOf(PARTICIPANT_STATES, search.state);
  if (state) out.state = state;
  const late = oneOf(['true', 'false'] as const, search.late);
  if (late) out.late = late;
  const completeness = oneOf(PARTICIPANT_FILTERS, search.completeness);
  if (completeness) out.completeness = completeness;
  const p = page(search.page);
  if (p) out.page = p;
  return out;
}

/** The API's query for the list (the page becomes limit and offset); `unitId` falls back to the reader's own unit. */
export function roundListQuery(search: RoundListSearch, defaultUnitId: string | undefined): RoundListFilter | null {
  const unitId = search.unitId ?? defaultUnitId;
  if (!unitId) return null;
  return { unitId, status: search.status, ...(search.awaiting && { awaiting: search.awaiting }), limit: ROUNDS_PAGE_SIZE, offset: ((search.page ?? 1) - 1) * ROUNDS_PAGE_SIZE };
}

export function participantQuery(search: RoundDetailSearch): ParticipantFilter {
  return { unitId: search.unitId, state: search.state, late: search.late, ...(search.completeness && { completeness: search.completeness }), limit: PARTICIPANTS_PAGE_SIZE, offset: ((search.page ?? 1) - 1) * PARTICIPANTS_PAGE_SIZE };
}
