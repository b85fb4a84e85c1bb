/** Commendations (khen thưởng): the forms, the list with its summary, one commendation (read, new, changed). Shapes: server/modules/commendations/commendations.schema.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';

export type UnitName = { id: string; name: string; kind: string };
export type CommendationForm = { code: string; names: Record<string, string>; sortOrder: number; builtin: boolean };
export type RecipientKind = 'collective' | 'individual';

export type Commendation = {
  id: string;
  recipientKind: RecipientKind;
  unit: UnitName;
  name: string | null;
  position: string | null;
  formCode: string;
  formNames: Record<string, string>;
  issuingUnit: UnitName;
  decisionNumber: string;
  decisionDate: string;
  year: number;
  emulationPeriodId: string | null;
  conferenceId: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** One commendation with the entries it rewards (only those the reader may read). */
export type CommendationDetail = Commendation & { entries: { id: string; title: string; year: number }[] };

/** What PATCH /api/commendations/:id takes: the fields to change and the version they were made on. */
export type UpdateCommendationInput = {
  id: string;
  version: number;
  name?: string;
  position?: string | null;
  formCode?: string;
  decisionNumber?: string;
  decisionDate?: string;
  year?: number;
  emulationPeriodId?: string | null;
  reason?: string | null;
  entryIds?: string[];
};

export type CreateFormInput = { code: string; names: Partial<Record<string, string>> };

export type CommendationPage = { items: Commendation[]; total: number; summary: { collectives: number; individuals: number } };

export type CommendationFilter = {
  unitId?: string;
  year?: number;
  periodId?: string;
  conferenceId?: string;
  recipientKind?: RecipientKind;
  formCode?: string;
  limit: number;
  offset: number;
};

export type Decision = { formCode: string; decisionNumber: string; decisionDate: string; year?: number; emulationPeriodId?: string | null };

export type CreateCommendationInput = Decision & {
  recipientKind: RecipientKind;
  unitId: string;
  issuingUnitId: string;
  name?: string;
  position?: string | null;
  reason?: string | null;
  entryIds?: string[];
  conferenceId?: string | null;
};

export const commendationKeys = {
  all: ['commendations'] as const,
  list: (filter: CommendationFilter) => ['commendations', 'list', filter] as const,
  detail: (id: string) => ['commendations', 'detail', id] as const,
  forms: () => ['commendation-forms'] as const,
};

export function useCommendations(filter: CommendationFilter) {
  return useQuery({ queryKey: commendationKeys.list(filter), queryFn: () => api.get<CommendationPage>('/api/commendations', filter), placeholderData: keepPreviousData });
}

export function useCommendationForms() {
  return useQuery({ queryKey: commendationKeys.forms(), queryFn: () => api.get<{ items: CommendationForm[] }>('/api/commendation-forms'), staleTime: 10 * 60_000 });
}

export function useCreateCommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommendationInput) => api.post<Commendation>('/api/commendations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commendationKeys.all }),
  });
}

export function useCommendation(id: string) {
  return useQuery({ queryKey: commendationKeys.detail(id), queryFn: () => api.get<CommendationDetail>(`/api/commendations/${id}`) });
}

/** Saves a change; the detail takes the server's answer (with its new version), lists refetch. */
export function useUpdateCommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCommendationInput) => api.patch<CommendationDetail>(`/api/commendations/${id}`, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(commendationKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: [...commendationKeys.all, 'list'] });
    },
  });
}

export function useCreateCommendationForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateFormInput) => api.post<CommendationForm>('/api/commendation-forms', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commendationKeys.forms() }),
  });
}

/** A name in the interface language, Vietnamese when missing. */
export function localName(names: Record<string, string>, language: string, fallback: string): string {
  return names[language] ?? names.vi ?? fallback;
}

/** Who was commended, as a list row or a title shows it: the collective's name, or the person's name and position. */
export function recipientLabel(c: Pick<Commendation, 'recipientKind' | 'name' | 'position' | 'unit'>): string {
  return c.recipientKind === 'individual' ? [c.name, c.position].filter(Boolean).join(', ') : c.unit.name;
}
