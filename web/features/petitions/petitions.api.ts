/** Petitions for officers: list, one petition, intake, its steps, the identity. Shapes: common/petitions.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestRow, IntakeBody, PetitionAction, PetitionDetail, PetitionSummary, Receipt } from '../../../common/petitions';
import { api, apiUrl } from '../../app/api-client';

export type PetitionFilters = {
  unitId?: string;
  view?: 'all' | 'queue';
  status?: string;
  kind?: string;
  channel?: string;
  categoryCode?: string;
  due?: 'overdue' | 'due_soon';
  open?: 'true';
  year?: number;
  q?: string;
  page?: number;
};
export type PetitionPage = { items: PetitionSummary[]; total: number; totalCapped: boolean; today: string; dueSoonUntil: string };
export type PetitionSettings = {
  categories: { code: string; names: Record<string, string>; sortOrder: number }[];
  timeLimits: { kind: string; days: number; basis: 'working' | 'calendar'; maxExtensionDays: number; source: string }[];
};
export type Identity = { anonymous: boolean; erased: boolean; name: string | null; contact: string | null; idNumber: string | null; address: string | null };

export const PETITIONS_PAGE_SIZE = 50;

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (f: PetitionFilters) => ['petitions', 'list', f] as const,
  detail: (id: string) => ['petitions', 'detail', id] as const,
};

export function usePetitions(f: PetitionFilters) {
  const { page = 1, ...rest } = f;
  return useQuery({
    queryKey: petitionKeys.list(f),
    queryFn: () => api.get<PetitionPage>('/api/petitions', { ...rest, limit: PETITIONS_PAGE_SIZE, offset: (page - 1) * PETITIONS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function usePetition(id: string) {
  return useQuery({ queryKey: petitionKeys.detail(id), queryFn: () => api.get<PetitionDetail>(`/api/petitions/${id}`) });
}

export function usePetitionSettings() {
  return useQuery({ queryKey: ['petition-settings'], queryFn: () => api.get<PetitionSettings>('/api/petition-settings'), staleTime: 10 * 60_000 });
}

export function useDigest(unitId?: string) {
  return useQuery({ queryKey: ['petitions', 'digest', unitId ?? null], queryFn: () => api.get<{ date: string; dueSoonUntil: string; items: DigestRow[] }>('/api/petitions/digest', { unitId }) });
}

export function useIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeBody) => api.post<Receipt>('/api/petitions', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: petitionKeys.all }),
  });
}

export function usePetitionAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: PetitionAction; body: Record<string, unknown> }) => api.post<PetitionDetail | null>(`/api/petitions/${id}/actions/${action}`, body),
    onSuccess: (d) => {
      if (d) qc.setQueryData(petitionKeys.detail(id), d);
      void qc.invalidateQueries({ queryKey: petitionKeys.all });
    },
  });
}

/** The export of the list as filtered (no paging): `/api/petitions/export.xlsx?…`. */
export function petitionsExportUrl(format: 'xlsx' | 'csv', f: PetitionFilters): string {
  const { page: _page, ...rest } = f;
  return apiUrl(`/api/petitions/export.${format}`, rest);
}

export type HandlingUnits = { root: { id: string; name: string }; parent: { id: string; name: string } | null; items: { id: string; name: string; kind: string; pathNames: string | null }[] };

/** The units a petition may be assigned or transferred to (the server knows the rule; the picker offers only these). */
export function useHandlingUnits(id: string, action: 'assign' | 'transfer', q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['petitions', 'handling-units', id, action, text.length >= 2 ? text : ''],
    queryFn: () => api.get<HandlingUnits>(`/api/petitions/${id}/handling-units`, { action, q: text.length >= 2 ? text : undefined }),
    placeholderData: keepPreviousData,
  });
}

/** Reading the identity is an audited act: only on request, never cached. */
export function useRevealIdentity(id: string) {
  return useMutation({ mutationFn: () => api.get<Identity>(`/api/petitions/${id}/identity`) });
}

export const localName = (names: Record<string, string>, lang: string) => names[lang] ?? names.vi ?? '';
