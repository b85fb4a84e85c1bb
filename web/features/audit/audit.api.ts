/** The audit trail, newest first, a page at a time by cursor. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

/** A name the server resolved: text, names by language (catalogue data), or null (unknown, or not the reader's to see). */
export type AuditRefName = string | Record<string, string> | null;

/** One record of the trail as the server presents it (server/modules/audit/audit.presenter.ts). */
export type AuditRecord = {
  id: string;
  at: string;
  actorId: string | null;
  /** The person's name; `actorUsername` the account. */
  actorName: string | null;
  actorUsername: string | null;
  unitId: string | null;
  unitName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  /** What the record is called (an entry's title, a petition's number…), when the reader may see it. */
  recordName: AuditRefName;
  before: unknown;
  after: unknown;
  /** Names of the ids and codes in before/after, keyed "kind:id" (common/audit-fields.ts refKey). */
  refs: Record<string, AuditRefName>;
  ip: string | null;
};

export type AuditPage = { items: AuditRecord[]; nextBefore: string | null };

export type AuditFilter = {
  userId?: string;
  unitId?: string;
  subtree?: boolean;
  recordType?: string;
  recordId?: string;
  action?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
};

const PAGE_SIZE = 50;

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => api.get<AuditPage>('/api/audit', { ...filter, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
