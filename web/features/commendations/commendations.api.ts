/** Commendations (khen thưởng): the forms, the list with its summary, one new commendation. Shapes: server/modules/commendations/commendations.schema.ts. */
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

export type CommendationPage = { items: Commendation[]; total: number; summary: { collectives: number; individuals: number } };

export type CommendationFilter = {
  unitId?: string;
  year?: number;
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

/** A name in the interface language, Vietnamese when missing. */
export function localName(names: Record<string, string>, language: string, fallback: string): string {
  return names[language] ?? names.vi ?? fallback;
}
