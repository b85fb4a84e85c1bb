/**
 * Reporting rounds (đợt báo cáo định kỳ), their participants and submissions.
 * Shapes: common/reporting-rounds.ts; routes: docs/leadership-loop.md section 5.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRoundBody,
  NextPeriod,
  ParticipantListQuery,
  ParticipantPage,
  ReportingSchedule,
  ReportTemplate,
  RoundDetail,
  RoundPage,
  RoundAwaiting,
  RoundStatus,
  Submission,
  UpdateParticipantBody,
} from '../../../common/reporting-rounds';
import type { Report } from '../../../common/reports';
import { api } from '../../app/api-client';

export type { NextPeriod, ParticipantPage, ReportingSchedule, ReportTemplate, RoundDetail, RoundPage, Submission };
export type { Participant, ParticipantState, RoundSummary } from '../../../common/reporting-rounds';

export type RoundListFilter = { unitId: string; status?: RoundStatus; awaiting?: RoundAwaiting; limit: number; offset: number };

/** The participants' query as sent (`late` travels as the text the API parses). */
export type ParticipantFilter = Omit<Partial<ParticipantListQuery>, 'late'> & { late?: 'true' | 'false'; limit: number; offset: number };

export const roundKeys = {
  all: ['reporting-rounds'] as const,
  list: (filter: RoundListFilter) => ['reporting-rounds', 'list', filter] as const,
  detail: (id: string, unitId: string | undefined) => ['reporting-rounds', 'detail', id, unitId ?? null] as const,
  participants: (id: string, filter: ParticipantFilter) => ['reporting-rounds', 'participants', id, filter] as const,
  submission: (id: string) => ['reporting-rounds', 'submission', id] as const,
  templates: (unitId: string) => ['report-templates', unitId] as const,
  schedules: (unitId: string) => ['reporting-schedules', unitId] as const,
};

export function useRounds(filter: RoundListFilter | null) {
  return useQuery({
    queryKey: roundKeys.list(filter ?? { unitId: '', limit: 0, offset: 0 }),
    queryFn: () => api.get<RoundPage>('/api/reporting-rounds', filter ?? undefined),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string, unitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: roundKeys.detail(id, unitId),
    queryFn: () => api.get<RoundDetail>(`/api/reporting-rounds/${id}`, { unitId }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParticipants(id: string, filter: ParticipantFilter) {
  return useQuery({
    queryKey: roundKeys.participants(id, filter),
    queryFn: () => api.get<ParticipantPage>(`/api/reporting-rounds/${id}/participants`, filter),
    placeholderData: keepPreviousData,
  });
}

/** Templates of the unit and of the units above it (a commune reports on its province's). */
export function useReportTemplates(unitId: string | undefined) {
  return useQuery({
    queryKey: roundKeys.templates(unitId ?? ''),
    queryFn: () => api.get<{ items: ReportTemplate[] }>('/api/report-templates', { unitId }),
    enabled: !!unitId,
  });
}

export function useReportingSchedules(unitId: string | undefined) {
  return useQuery({
    queryKey: roundKeys.schedules(unitId ?? ''),
    queryFn: () => api.get<{ items: ReportingSchedule[] }>('/api/reporting-schedules', { unitId }),
    enabled: !!unitId,
  });
}

/** The schedule's next period and due day (the calendar rule at work), to fill the dialog from. */
export function nextPeriod(scheduleId: string): Promise<NextPeriod> {
  return api.get<NextPeriod>(`/api/reporting-schedules/${scheduleId}/next`);
}

/** A template section's title in the reader's language (Vietnamese when it has none). */
export function sectionTitle(title: Record<string, string>, language: string): string {
  return title[language] ?? title.vi ?? '';
}

/** The submission's figures: the report engine's `Report` of the unit's subtree over the round's period. */
export function submissionReport(submission: Submission): Report {
  return submission.figures as unknown as Report;
}

/**
 * Every change to a round, a participant or a submission can move the counters: refetch them all,
 * after a refusal too (a CONFLICT means the page shows an old version).
 */
function useInvalidateRounds() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: roundKeys.all });
}

export type CreateRoundInput = z.input<typeof CreateRoundBody>;

export function useCreateRound() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: (input: CreateRoundInput) => api.post<RoundDetail>('/api/reporting-rounds', input),
    onSettled: invalidate,
  });
}

export function useCloseRound() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ id, version, action }: { id: string; version: number; action: 'close' | 'reopen' }) => api.post<RoundDetail>(`/api/reporting-rounds/${id}/${action}`, { version }),
    onSettled: invalidate,
  });
}

/** An extension (`dueOn`) or an excuse (`excused`) of one participant. */
export function useUpdateParticipant() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ roundId, unitId, ...body }: z.input<typeof UpdateParticipantBody> & { roundId: string; unitId: string }) =>
      api.put<unknown>(`/api/reporting-rounds/${roundId}/participants/${unitId}`, body),
    onSettled: invalidate,
  });
}

export function useSubmission(id: string | null) {
  return useQuery({
    queryKey: roundKeys.submission(id ?? ''),
    queryFn: () => api.get<Submission>(`/api/round-submissions/${id}`),
    enabled: !!id,
  });
}

/** Starts the unit's draft (with the figures snapshot); ALREADY_EXISTS carries the draft that exists. */
export function useStartSubmission() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ roundId, unitId }: { roundId: string; unitId: string }) => api.post<Submission>(`/api/reporting-rounds/${roundId}/submissions`, { unitId }),
    onSettled: invalidate,
  });
}

export type SubmissionChanges = { narrative?: string; sections?: Record<string, string> };

export function useSaveSubmission() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ id, version, ...changes }: SubmissionChanges & { id: string; version: number }) => api.patch<Submission>(`/api/round-submissions/${id}`, { ...changes, version }),
    onSettled: invalidate,
  });
}

/** A step of a submission that takes only its version: new figures, submit, accept. */
export function useSubmissionStep() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ id, version, step }: { id: string; version: number; step: 'refresh' | 'submit' | 'accept' }) => api.post<Submission>(`/api/round-submissions/${id}/${step}`, { version }),
    onSettled: invalidate,
  });
}

export function useReturnSubmission() {
  const invalidate = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<Submission>(`/api/round-submissions/${id}/return`, { reason, version }),
    onSettled: invalidate,
  });
}
