/** Review conferences (hội nghị sơ kết / tổng kết) and the commendations given at them. Shapes: server/modules/conferences/conferences.schema.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { commendationKeys, type Decision, type UnitName } from '../commendations/commendations.api';

export const PERIOD_KINDS = ['quarter', 'year', 'emulation_period', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type PeriodInput =
  | { periodKind: 'quarter'; year: number; quarter: number }
  | { periodKind: 'year'; year: number }
  | { periodKind: 'emulation_period'; emulationPeriodId: string }
  | { periodKind: 'custom'; periodStart: string; periodEnd: string };

export type ReviewConference = {
  id: string;
  unit: UnitName;
  title: string;
  heldOn: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  year: number | null;
  quarter: number | null;
  emulationPeriod: { id: string; name: string } | null;
  participantsCount: number | null;
  participants: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type ConferenceDetail = ReviewConference & {
  commendations: { total: number; collectives: number; individuals: number; byForm: { formCode: string; collectives: number; individuals: number }[] };
};

export type ConferenceFilter = { unitId?: string; year?: number; limit: number; offset: number };

export type CreateConferenceInput = {
  unitId: string;
  title: string;
  heldOn: string;
  period: PeriodInput;
  participantsCount?: number | null;
  participants?: string | null;
  notes?: string | null;
};

export type CommendManyInput = Decision & {
  conferenceId: string;
  reason?: string | null;
  collectives: { unitId: string; entryIds?: string[] }[];
  individuals: { name: string; position?: string | null; unitId: string; entryIds?: string[] }[];
};

export const conferenceKeys = {
  all: ['review-conferences'] as const,
  list: (filter: ConferenceFilter) => ['review-conferences', 'list', filter] as const,
  detail: (id: string) => ['review-conferences', 'detail', id] as const,
};

export function useConferences(filter: ConferenceFilter) {
  return useQuery({
    queryKey: conferenceKeys.list(filter),
    queryFn: () => api.get<{ items: ReviewConference[]; total: number }>('/api/review-conferences', filter),
    placeholderData: keepPreviousData,
  });
}

export function useConference(id: string) {
  return useQuery({ queryKey: conferenceKeys.detail(id), queryFn: () => api.get<ConferenceDetail>(`/api/review-conferences/${id}`) });
}

export function useCreateConference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConferenceInput) => api.post<ReviewConference>('/api/review-conferences', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conferenceKeys.all }),
  });
}

export type UpdateConferenceInput = Partial<Omit<CreateConferenceInput, 'unitId'>> & { id: string; version: number };

export function useUpdateConference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateConferenceInput) => api.patch<ReviewConference>(`/api/review-conferences/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conferenceKeys.all }),
  });
}

export function useCommendMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conferenceId, ...body }: CommendManyInput) =>
      api.post<{ created: number; collectives: number; individuals: number }>(`/api/review-conferences/${conferenceId}/commendations`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: conferenceKeys.all });
      await queryClient.invalidateQueries({ queryKey: commendationKeys.all });
    },
  });
}
