/**
 * Coordination programs (chương trình phối hợp) with a force, their yearly plans, and the forces.
 * Shapes: common/coordination.ts; routes: docs/leadership-loop.md section 5.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CoordinationProgramDetail,
  CoordinationProgramListQuery,
  CoordinationProgramPage,
  CoordinationProgramSummary,
  CoordinationYearlyPlan,
  CreateCoordinationProgramBody,
  Force,
  ForceList,
  UpdateCoordinationProgramBody,
} from '../../../common/coordination';
import { INTL_TAGS, type Locale } from '../../../common/access';
import { api } from '../../app/api-client';

export type { CoordinationProgramDetail, CoordinationProgramPage, CoordinationProgramSummary, CoordinationYearlyPlan, Force };

export type ProgramFilter = Partial<Omit<CoordinationProgramListQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export const coordinationKeys = {
  all: ['coordination-programs'] as const,
  forces: ['forces'] as const,
  list: (filter: ProgramFilter) => ['coordination-programs', 'list', filter] as const,
  detail: (id: string) => ['coordination-programs', 'detail', id] as const,
};

export function useForces() {
  return useQuery({ queryKey: coordinationKeys.forces, queryFn: () => api.get<ForceList>('/api/forces'), staleTime: 10 * 60_000 });
}

/** A force's name in the reader's language, Vietnamese when it has none. */
export function forceName(force: Pick<Force, 'code' | 'names'>, language: string): string {
  return force.names[language] ?? force.names.vi ?? force.code;
}

export function useCoordinationPrograms(filter: ProgramFilter) {
  return useQuery({
    queryKey: coordinationKeys.list(filter),
    queryFn: () => api.get<CoordinationProgramPage>('/api/coordination-programs', filter),
    placeholderData: keepPreviousData,
  });
}

export function useCoordinationProgram(id: string) {
  return useQuery({ queryKey: coordinationKeys.detail(id), queryFn: () => api.get<CoordinationProgramDetail>(`/api/coordination-programs/${id}`) });
}

export type CreateProgramInput = z.input<typeof CreateCoordinationProgramBody>;
export type UpdateProgramInput = z.input<typeof UpdateCoordinationProgramBody> & { id: string };

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProgramInput) => api.post<CoordinationProgramDetail>('/api/coordination-programs', input),
    // The program is a policy document too: the documents' list shows it.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: coordinationKeys.all }), queryClient.invalidateQueries({ queryKey: ['policy-documents'] })]),
  });
}

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateProgramInput) => api.patch<CoordinationProgramDetail>(`/api/coordination-programs/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.all }),
  });
}

export function useAddYearlyPlan(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<{ id: string }>(`/api/coordination-programs/${programId}/years`, { year }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.all }),
  });
}

/** The years of a period (2023-01-01 … 2027-12-31 → 2023 … 2027): the only years a yearly plan may have. */
export function yearsOfPeriod(periodFrom: string, periodTo: string): number[] {
  const from = Number(periodFrom.slice(0, 4));
  const to = Number(periodTo.slice(0, 4));
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** A year in the reader's digits and without grouping ("2026", in Arabic "٢٠٢٦", never "2.026"). */
export function formatYear(year: number, language: string): string {
  const tag = INTL_TAGS[language as Locale] ?? INTL_TAGS.vi;
  return new Intl.NumberFormat(tag, { useGrouping: false }).format(year);
}
