import { HOTSPOT_SEVERITIES, HOTSPOT_STATUS_FILTERS } from '../../../common/hotspots';
import type { HotspotFilter } from './hotspots.api';

/** The list's filters in the URL (`/hotspots?unitId=12&status=open&kind=land_dispute&severity=3&page=2`). */
export type HotspotSearch = {
  unitId?: string;
  status?: (typeof HOTSPOT_STATUS_FILTERS)[number];
  kind?: string;
  severity?: number;
  escalated?: 'true' | 'false';
  /** The work queue's list: cases needing the unit's action. */
  queue?: 'action';
  q?: string;
  page?: number;
};

export const HOTSPOTS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const KIND = /^[a-z][a-z0-9_]{1,40}$/;
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** A value the API would refuse is dropped rather than sent, so a stale link still shows a list. */
export function validateHotspotSearch(search: Record<string, unknown>): HotspotSearch {
  const out: HotspotSearch = {};
  const unitId = text(search.unitId);
  if (ID.test(unitId)) out.unitId = unitId;
  const status = text(search.status);
  if ((HOTSPOT_STATUS_FILTERS as readonly string[]).includes(status)) out.status = status as HotspotSearch['status'];
  const kind = text(search.kind);
  if (KIND.test(kind)) out.kind = kind;
  const severity = Number(text(search.severity));
  if ((HOTSPOT_SEVERITIES as readonly number[]).includes(severity)) out.severity = severity;
  const escalated = text(search.escalated);
  if (escalated === 'true' || escalated === 'false') out.escalated = escalated;
  if (text(search.queue) === 'action') out.queue = 'action';
  const q = text(search.q).slice(0, 200);
  if (q) out.q = q;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's query for the URL's search; without a unit in the URL, the reader's own unit. */
export function hotspotListQuery(search: HotspotSearch, defaultUnitId: string | undefined): HotspotFilter | null {
  const unitId = search.unitId ?? defaultUnitId;
  if (!unitId) return null;
  return {
    unitId,
    status: search.status ?? 'open',
    kind: search.kind,
    severity: search.severity,
    escalated: search.escalated,
    queue: search.queue,
    q: search.q,
    limit: HOTSPOTS_PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * HOTSPOTS_PAGE_SIZE,
  };
}
