/**
 * Situation reports (báo cáo tình hình nhân dân), their catalogues and the quarterly summary.
 * Shapes: common/situation.ts; routes: docs/situation.md "Situation reports as built".
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSituationReportBody,
  SituationCatalogue,
  SituationCatalogueItem,
  SituationReport,
  SituationReportListQuery,
  SituationReportPage,
  SituationReportRow,
  SituationSummary,
  UpdateSituationReportBody,
} from '../../../common/situation';
import { api } from '../../app/api-client';
import { roundKeys } from '../reporting-rounds/reporting-rounds.api';

export type { SituationCatalogueItem, SituationReport, SituationReportPage, SituationReportRow, SituationSummary };

export type SituationFilter = Pick<SituationReportListQuery, 'unitId' | 'limit' | 'offset'> & Partial<Pick<SituationReportListQuery, 'kind' | 'topic' | 'mood' | 'status'>>;

export const situationKeys = {
  all: ['situation'] as const,
  topics: ['situation', 'topics'] as const,
  groups: ['situation', 'groups'] as const,
  list: (filter: SituationFilter) => ['situation', 'list', filter] as const,
  detail: (id: string) => ['situation', 'detail', id] as const,
  summary: (unitId: string, year: number, quarter: number) => ['situation', 'summary', unitId, year, quarter] as const,
};

export function useSituationCatalogue(which: 'topics' | 'groups') {
  return useQuery({ queryKey: situationKeys[which], queryFn: () => api.get<SituationCatalogue>(`/api/situation/${which}`), staleTime: 60 * 60_000 });
}

/** A catalogue entry's name in the reader's language, Vietnamese when it has none. */
export function catalogueName(items: SituationCatalogueItem[] | undefined, code: string, language: string): string {
  const item = items?.find((i) => i.code === code);
  return item ? (item.names[language] ?? item.names.vi ?? code) : code;
}

export function useSituationReports(filter: SituationFilter | null) {
  return useQuery({
    queryKey: situationKeys.list(filter ?? { unitId: '', limit: 0, offset: 0 }),
    queryFn: () => api.get<SituationReportPage>('/api/situation-reports', filter ?? undefined),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
}

export function useSituationReport(id: string | null) {
  return useQuery({ queryKey: situationKeys.detail(id ?? ''), queryFn: () => api.get<SituationReport>(`/api/situation-reports/${id}`), enabled: !!id });
}

export function useSituationSummary(unitId: string | undefined, year: number, quarter: number) {
  return useQuery({
    queryKey: situationKeys.summary(unitId ?? '', year, quarter),
    queryFn: () => api.get<SituationSummary>('/api/situation/summary', { unitId: unitId!, year, quarter }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

/** A write changes the lists, the summary and, for a round's part, the round's pages. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: situationKeys.all }), queryClient.invalidateQueries({ queryKey: roundKeys.all })]);
}

export function useCreateSituationReport() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateSituationReportBody>) => api.post<SituationReport>('/api/situation-reports', body), onSuccess: invalidate });
}

export function useUpdateSituationReport(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateSituationReportBody>) => api.patch<SituationReport>(`/api/situation-reports/${id}`, body), onSuccess: invalidate });
}

export function useSubmitSituationReport(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (version: number) => api.post<SituationReport>(`/api/situation-reports/${id}/submit`, { version }), onSuccess: invalidate });
}
