/** The units API: the tree, search, details, history and the edits of organizations. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SuccessionLink, Unit, UnitDetail, UnitKind, UnitSearchHit } from '../../../common/units';
import { api } from '../../app/api-client';

export type { SuccessionLink, Unit, UnitDetail, UnitKind, UnitSearchHit };

export type Page<T> = { items: T[]; total: number };

export type UnitHistoryEvent = { id: string; at: string; action: string; actorName: string | null; before: unknown; after: unknown };
export type UnitHistory = { unit: Unit; predecessors: SuccessionLink[]; successors: SuccessionLink[]; events: UnitHistoryEvent[] };

export type ChildrenFilter = { includeRetired: boolean; kind?: string };

const CHILDREN_PAGE = 100;

export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
  children: (id: string, filter: ChildrenFilter, page?: { limit: number; offset: number }) => ['units', 'children', id, filter, page ?? 'all'] as const,
  search: (q: string, includeRetired: boolean) => ['units', 'search', q, includeRetired] as const,
  history: (id: string) => ['units', 'history', id] as const,
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

export type CreateOrganizationInput = { parentId: string; kind: string; name: string; nameEn?: string; code?: string };

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganizationInput) => api.post<Unit>('/api/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export type RenameUnitInput = { id: string; name?: string; nameEn?: string | null; code?: string | null; version: number };

export function useRenameUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RenameUnitInput) => api.patch<Unit>(`/api/units/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
