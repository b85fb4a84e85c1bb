import { PETITION_CHANNELS, PETITION_KINDS, PETITION_STATUSES, type PetitionChannel, type PetitionKind, type PetitionStatus } from '../../../common/petitions';
import { CATALOGUE_CODE } from '../../../common/units';
import type { PetitionFilters } from './petitions.api';

/**
 * The list's filters as they travel in the URL (`/petitions?unitId=12&view=queue&due=overdue&page=2`).
 * No `status` means the open petitions, the officers' usual view, so the bare `/petitions` shows them;
 * `status=any` lifts that, a status narrows to it.
 */
export type PetitionSearch = {
  unitId?: string;
  /** Only with a unit: what it handles itself, plus the overdue ones below it. */
  view?: 'queue';
  status?: PetitionStatus | 'any';
  kind?: PetitionKind;
  channel?: PetitionChannel;
  categoryCode?: string;
  due?: 'overdue' | 'due_soon';
  /** Text search: a number ("12/2026"), words of the title, a tracking code, or (identity holders) a sender's name. */
  q?: string;
  page?: number;
};

/** The longest search the API takes (server petitions.schema PETITION_SEARCH_MAX). */
export const PETITION_SEARCH_MAX = 100;

const ID = /^\d{1,18}$/;
const DUE = ['overdue', 'due_soon'] as const;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined => (list.includes(value as T) ? (value as T) : undefined);

/**
 * The list's filters from the URL. A value the API would refuse (a made-up status, the queue without
 * a unit) is dropped rather than sent, so a hand-edited or stale link still shows a list.
 */
export function validatePetitionSearch(search: Record<string, unknown>): PetitionSearch {
  const out: PetitionSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  if (out.unitId && text(search.view) === 'queue') out.view = 'queue';
  const status = text(search.status);
  const known = status === 'any' ? status : oneOf(PETITION_STATUSES, status);
  if (known) out.status = known;
  const kind = oneOf(PETITION_KINDS, text(search.kind));
  if (kind) out.kind = kind;
  const channel = oneOf(PETITION_CHANNELS, text(search.channel));
  if (channel) out.channel = channel;
  const categoryCode = text(search.categoryCode);
  if (CATALOGUE_CODE.test(categoryCode)) out.categoryCode = categoryCode;
  const due = oneOf(DUE, text(search.due));
  if (due) out.due = due;
  const q = text(search.q).slice(0, PETITION_SEARCH_MAX).trim();
  if (q) out.q = q;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 20_000) out.page = page;
  return out;
}

/** The API's filters for the URL's search: no status asks for the open petitions. */
export function petitionListFilters(search: PetitionSearch): PetitionFilters {
  const { status, ...rest } = search;
  if (status === undefined) return { ...rest, open: 'true' };
  return status === 'any' ? rest : { ...rest, status };
}
