/**
 * A commune's publications and citizens' decisions, their review for the public page and the
 * figures. Shapes: common/grassroots.ts; routes: docs/grassroots-democracy.md §5.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CitizenDecision, GrassrootsCatalogues, GrassrootsFigures, ItemYearList, PendingList, Publication } from '../../../common/grassroots';
import { api } from '../../app/api-client';

export type { CitizenDecision, GrassrootsCatalogues, GrassrootsFigures, ItemYearList, Publication };
export type GrassrootsKind = 'publications' | 'decisions';

const BASE = '/api/grassroots';

export const grassrootsKeys = {
  all: ['grassroots'] as const,
  catalogues: ['grassroots', 'catalogues'] as const,
  year: (what: string, unitId: string, year: number) => ['grassroots', what, unitId, year] as const,
};

export function useGrassrootsCatalogues() {
  return useQuery({ queryKey: grassrootsKeys.catalogues, queryFn: () => api.get<GrassrootsCatalogues>(`${BASE}/catalogues`), staleTime: Infinity });
}

export function useItemYears(unitId: string | undefined, year: number) {
  return useQuery({ queryKey: grassrootsKeys.year('items', unitId ?? '', year), queryFn: () => api.get<ItemYearList>(`${BASE}/items`, { unitId, year }), enabled: !!unitId });
}

export function usePublications(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: grassrootsKeys.year('publications', unitId ?? '', year),
    queryFn: () => api.get<{ items: Publication[]; total: number }>(`${BASE}/publications`, { unitId, year, limit: 200 }),
    enabled: !!unitId,
  });
}

export function useDecisions(unitId: string | undefined, year: number) {
  return useQuery({
    queryKey: grassrootsKeys.year('decisions', unitId ?? '', year),
    queryFn: () => api.get<{ items: CitizenDecision[]; total: number }>(`${BASE}/decisions`, { unitId, year, limit: 200 }),
    enabled: !!unitId,
  });
}

/** What waits for review under the unit (the approver's queue). */
export function usePending(unitId: string | undefined) {
  return useQuery({ queryKey: grassrootsKeys.year('pending', unitId ?? '', 0), queryFn: () => api.get<PendingList>(`${BASE}/pending`, { unitId }), enabled: !!unitId });
}

export function useGrassrootsFigures(unitId: string | undefined, year: number) {
  return useQuery({ queryKey: grassrootsKeys.year('figures', unitId ?? '', year), queryFn: () => api.get<GrassrootsFigures>(`${BASE}/figures`, { unitId, year }), enabled: !!unitId });
}

export function useSaveGrassroots(kind: GrassrootsKind, id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => (id ? api.patch<unknown>(`${BASE}/${kind}/${id}`, body) : api.post<unknown>(`${BASE}/${kind}`, body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grassrootsKeys.all }),
  });
}

export function useReview(kind: GrassrootsKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve: boolean; version: number }) => api.post<unknown>(`${BASE}/${kind}/${v.id}/review`, { approve: v.approve, version: v.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grassrootsKeys.all }),
  });
}
