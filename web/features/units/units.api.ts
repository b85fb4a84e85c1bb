/** The units API: the tree, search, details, history and the edits of organizations. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormerName, SuccessionLink, SuccessionReviewItem, Unit, UnitDetail, UnitKind, UnitSearchHit } from '../../../common/units';
import { api } from '../../app/api-client';
import type { AuditRecord } from '../audit/audit.api';

export type { FormerName, SuccessionLink, SuccessionReviewItem, Unit, UnitDetail, UnitKind, UnitSearchHit };

export type Page<T> = { items: T[]; total: number };

/** A recorded change of the unit, with the names of what its fields point to (as the audit log gives them). */
export type UnitHistoryEvent = { id: string; at: string; action: string; actorName: string | null; before: unknown; after: unknown; refs: AuditRecord['refs'] };
export type UnitHistory = { unit: Unit; names: FormerName[]; predecessors: SuccessionLink[]; successors: SuccessionLink[]; events: UnitHistoryEvent[] };

export type ChildrenFilter = { includeRetired: boolean; kind?: string };

const CHILDREN_PAGE = 100;

export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
  children: (id: string, filter: ChildrenFilter, page?: { limit: number; offset: number }) => ['units', 'children', id, filter, page ?? 'all'] as const,
  search: (q: string, includeRetired: boolean) => ['units', 'search', q, includeRetired] as const,
  history: (id: string) => ['units', 'history', id] as const,
  successionReview: (basis: string, page: { limit: number; offset: number }) => ['units', 'succession-review', basis, page] as const,
  kinds: () => ['unit-kinds'] as const,
};

export function useUnitRoots() {
  return useQuery({ queryKey: unitKeys.roots(), queryFn: () => api.get<Page<Unit>>('/api/units/roots'), staleTime: 5 * 60_000 });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: unitKeys.detail(id), queryFn: () => api.get<UnitDetail>(`/api/units/${id}`) });
}

/** Every child of a unit (all pages), as the tree needs them. */
export function allChildrenQuery(id: string, filter: ChildrenFilter) {
  return queryOptions({
    queryKey: unitKeys.children(id, filter),
    staleTime: 60_000,
    queryFn: async () => {
      const items: Unit[] = [];
      for (;;) {
        const page = await api.get<Page<Unit>>(`/api/units/${id}/children`, { ...filter, limit: CHILDREN_PAGE, offset: items.length });
        items.push(...page.items);
        if (page.items.length === 0 || items.length >= page.total) return items;
      }
    },
  });
}

/** One page of a unit's children (the detail page's list). */
export function useUnitChildren(id: string, filter: ChildrenFilter, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: unitKeys.children(id, filter, page),
    queryFn: () => api.get<Page<Unit>>(`/api/units/${id}/children`, { ...filter, ...page }),
    placeholderData: keepPreviousData,
  });
}

export const SEARCH_MIN_LENGTH = 2;

/** An organization's own code, as the server accepts it (server/modules/units/units.schema.ts). */
export const UNIT_CODE_PATTERN = /^[\p{L}\p{N}._-]{1,40}$/u;

export function useUnitSearch(q: string, includeRetired: boolean, limit = 30) {
  const query = q.trim();
  return useQuery({
    queryKey: unitKeys.search(query, includeRetired),
    queryFn: () => api.get<Page<UnitSearchHit>>('/api/units/search', { q: query, includeRetired, limit }),
    enabled: query.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function useUnitHistory(id: string) {
  return useQuery({ queryKey: unitKeys.history(id), queryFn: () => api.get<UnitHistory>(`/api/units/${id}/history`) });
}

export const unitKindsQuery = queryOptions({
  queryKey: unitKeys.kinds(),
  queryFn: () => api.get<{ items: UnitKind[] }>('/api/unit-kinds'),
  staleTime: 10 * 60_000,
});

export function useUnitKinds() {
  return useQuery(unitKindsQuery);
}

/** `validFrom`: the founding date (omitted: today under a unit in force, the parent's first day under a retired one). */
export type CreateOrganizationInput = { parentId: string; kind: string; name: string; nameEn?: string; code?: string; validFrom?: string | null; validTo?: string | null };

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) => api.post<Unit>('/api/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export type RenameUnitInput = { id: string; name?: string; nameEn?: string | null; code?: string | null; validFrom?: string | null; version: number };

export function useRenameUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RenameUnitInput) => api.patch<Unit>(`/api/units/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export type SuccessorsInput = { id: string; successors: { unitId: string; kind: SuccessionLink['kind'] }[]; mainId?: string };

/** A system administrator sets a retired unit's successors (the reports follow at once). */
export function useSetSuccessors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SuccessorsInput) => api.put<UnitDetail>(`/api/units/${id}/successors`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export type SuccessionReviewBasis = 'ambiguous' | 'manual';

/** Retired units whose successor the history could not tell (ambiguous), or that an administrator set (manual). */
export function useSuccessionReview(basis: SuccessionReviewBasis, page: { limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: unitKeys.successionReview(basis, page),
    queryFn: () => api.get<Page<SuccessionReviewItem>>('/api/units/successions', { basis, ...page }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
