import { POLICY_DOCUMENT_LIMITS, POLICY_DOCUMENT_STATUSES, type PolicyDocumentStatus } from '../../../common/policy-documents';
import { CATALOGUE_CODE } from '../../../common/units';
import type { PolicyDocumentFilter } from './policy-documents.api';

/**
 * The list's filters as they travel in the URL
 * (`/policy-documents?q=nghi+quyet+25&kind=resolution&issuingUnitId=12&validOn=2026-12-05&page=2`).
 */
export type PolicyDocumentSearch = {
  /** Number, symbol or words of the title, with or without diacritics (the server folds both sides). */
  q?: string;
  kind?: string;
  /** Documents issued by this unit or the units under it. */
  issuingUnitId?: string;
  status?: PolicyDocumentStatus;
  /** In force on this day (yyyy-mm-dd). */
  validOn?: string;
  page?: number;
};

export const POLICY_DOCUMENTS_PAGE_SIZE = 20;

const ID = /^\d{1,18}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/**
 * The list's filters from the URL. A value the API would refuse (a made-up status, 31 February)
 * is dropped rather than sent, so a hand-edited or stale link still shows a list.
 */
export function validatePolicyDocumentSearch(search: Record<string, unknown>): PolicyDocumentSearch {
  const out: PolicyDocumentSearch = {};
  const q = text(search.q).slice(0, POLICY_DOCUMENT_LIMITS.query).trim();
  if (q) out.q = q;
  const kind = text(search.kind);
  if (CATALOGUE_CODE.test(kind)) out.kind = kind;
  const issuingUnitId = text(search.issuingUnitId);
  if (ID.test(issuingUnitId)) out.issuingUnitId = issuingUnitId;
  const status = text(search.status);
  if ((POLICY_DOCUMENT_STATUSES as readonly string[]).includes(status)) out.status = status as PolicyDocumentStatus;
  const validOn = text(search.validOn);
  if (isRealDate(validOn)) out.validOn = validOn;
  const page = Number(text(search.page) || NaN);
  if (Number.isInteger(page) && page > 1 && page <= 50_000) out.page = page;
  return out;
}

/** The API's query for the URL's search (the page becomes limit and offset). */
export function policyDocumentListQuery(search: PolicyDocumentSearch): PolicyDocumentFilter {
  const { page, ...filters } = search;
  return { ...filters, limit: POLICY_DOCUMENTS_PAGE_SIZE, offset: ((page ?? 1) - 1) * POLICY_DOCUMENTS_PAGE_SIZE };
}
