/** The audit trail, newest first, a page at a time by cursor. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export type AuditRecord = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  unitName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
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
