/**
 * The registers of ethnic and religious affairs, their figures and the audited identity reads.
 * Shapes: common/religious-affairs.ts; routes: docs/situation.md §9.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Dignitary,
  PersonIdentity,
  PrestigiousPerson,
  Register,
  ReligiousCatalogues,
  ReligiousEvent,
  ReligiousFigures,
  ReligiousOrganization,
  WorshipPlace,
} from '../../../common/religious-affairs';
import { api, apiUrl } from '../../app/api-client';

export type { Dignitary, PersonIdentity, PrestigiousPerson, Register, ReligiousCatalogues, ReligiousEvent, ReligiousFigures, ReligiousOrganization, WorshipPlace };

export type RecordOf = { organizations: ReligiousOrganization; places: WorshipPlace; dignitaries: Dignitary; persons: PrestigiousPerson; events: ReligiousEvent };

const BASE = '/api/religious-affairs';

export const religiousKeys = {
  all: ['religious-affairs'] as const,
  catalogues: ['religious-affairs', 'catalogues'] as const,
  list: (register: Register, unitId: string, q: string, page: number) => ['religious-affairs', register, unitId, q, page] as const,
  figures: (unitId: string, year: number, exact: boolean) => ['religious-affairs', 'figures', unitId, year, exact] as const,
};

export const RELIGIOUS_PAGE_SIZE = 20;

export function useReligiousCatalogues() {
  return useQuery({ queryKey: religiousKeys.catalogues, queryFn: () => api.get<ReligiousCatalogues>(`${BASE}/catalogues`), staleTime: Infinity });
}

export function useRegister<R extends Register>(register: R, unitId: string | undefined, q: string, page: number) {
  return useQuery({
    queryKey: religiousKeys.list(register, unitId ?? '', q, page),
    queryFn: () => api.get<{ items: RecordOf[R][]; total: number }>(`${BASE}/${register}`, { unitId, q: q || undefined, limit: RELIGIOUS_PAGE_SIZE, offset: (page - 1) * RELIGIOUS_PAGE_SIZE }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function useSaveRecord(register: Register, id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => (id ? api.patch<unknown>(`${BASE}/${register}/${id}`, body) : api.post<unknown>(`${BASE}/${register}`, body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: religiousKeys.all }),
  });
}

/** The clear name: every call is written to the audit trail by the server. */
export function useRevealIdentity(register: 'dignitaries' | 'persons', id: string) {
  return useMutation({ mutationFn: () => api.get<PersonIdentity>(`${BASE}/${register}/${id}/identity`) });
}

export function useReligiousFigures(unitId: string | undefined, year: number, exact: boolean) {
  return useQuery({
    queryKey: religiousKeys.figures(unitId ?? '', year, exact),
    queryFn: () => api.get<ReligiousFigures>(`${BASE}/figures`, { unitId, year, exact: exact ? 'true' : undefined }),
    enabled: !!unitId,
  });
}

export const registerExportUrl = (register: 'dignitaries' | 'persons', unitId: string, reason?: string) =>
  apiUrl(`${BASE}/${register}/export.xlsx`, { unitId, includeNames: reason ? 'true' : undefined, reason });
export const figuresExportUrl = (unitId: string, year: number) => apiUrl(`${BASE}/figures.xlsx`, { unitId, year });
