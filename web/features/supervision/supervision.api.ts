/**
 * The boards, the Front's programs and supervisions, the recommendations with their answers, and
 * the year's figures. Shapes: common/supervision.ts; routes: docs/grassroots-democracy.md §6.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Activity,
  ActivityList,
  AddBoardMemberBody,
  AnswerBody,
  Board,
  BoardList,
  CreateActivityBody,
  CreateBoardBody,
  CreateProgramBody,
  Figures,
  Program,
  ProgramList,
  Recommendation,
  RecommendationInput,
  RecommendationPage,
  RecommendationState,
  UpdateActivityBody,
  UpdateBoardBody,
  UpdateBoardMemberBody,
  UpdateProgramBody,
  UpdateRecommendationBody,
} from '../../../common/supervision';
import { api } from '../../app/api-client';

export type { Activity, ActivityList, Board, Figures, Program, ProgramList, Recommendation, RecommendationPage };

const BASE = '/api/supervision';

export const supervisionKeys = {
  all: ['supervision'] as const,
  boards: (unitId: string) => ['supervision', 'boards', unitId] as const,
  programs: (unitId: string, year: number) => ['supervision', 'programs', unitId, year] as const,
  activities: (unitId: string, year: number) => ['supervision', 'activities', unitId, year] as const,
  recommendations: (unitId: string, state: string, page: number) => ['supervision', 'recommendations', unitId, state, page] as const,
  figures: (unitId: string, year: number) => ['supervision', 'figures', unitId, year] as const,
};

export const RECOMMENDATION_PAGE_SIZE = 20;

export function useBoards(unitId: string | undefined) {
  return useQuery({ queryKey: supervisionKeys.boards(unitId ?? ''), queryFn: () => api.get<BoardList>(`${BASE}/boards`, { unitId }), enabled: !!unitId });
}

export function usePrograms(unitId: string | undefined, year: number) {
  return useQuery({ queryKey: supervisionKeys.programs(unitId ?? '', year), queryFn: () => api.get<ProgramList>(`${BASE}/programs`, { unitId, year }), enabled: !!unitId });
}

export function useActivities(unitId: string | undefined, year: number) {
  return useQuery({ queryKey: supervisionKeys.activities(unitId ?? '', year), queryFn: () => api.get<ActivityList>(`${BASE}/activities`, { unitId, year }), enabled: !!unitId });
}

export function useRecommendations(unitId: string | undefined, state: RecommendationState | undefined, page: number) {
  return useQuery({
    queryKey: supervisionKeys.recommendations(unitId ?? '', state ?? '', page),
    queryFn: () => api.get<RecommendationPage>(`${BASE}/recommendations`, { unitId, state, limit: RECOMMENDATION_PAGE_SIZE, offset: (page - 1) * RECOMMENDATION_PAGE_SIZE }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionFigures(unitId: string | undefined, year: number) {
  return useQuery({ queryKey: supervisionKeys.figures(unitId ?? '', year), queryFn: () => api.get<Figures>(`${BASE}/figures`, { unitId, year }), enabled: !!unitId });
}

/** Every write changes the lists, the figures and the work queue's count. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: supervisionKeys.all }), queryClient.invalidateQueries({ queryKey: ['work-queue'] })]);
}

export function useCreateBoard() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateBoardBody>) => api.post<Board>(`${BASE}/boards`, body), onSuccess: invalidate });
}

export function useCreateProgram() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateProgramBody>) => api.post<ProgramList>(`${BASE}/programs`, body), onSuccess: invalidate });
}

export function useCreateActivity() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateActivityBody>) => api.post<ActivityList>(`${BASE}/activities`, body), onSuccess: invalidate });
}

export function useAnswerRecommendation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof AnswerBody>) => api.post<Recommendation>(`${BASE}/recommendations/${id}/answer`, body), onSuccess: invalidate });
}

// ---------------------------------------------------------------- corrections (each with the version read)

export function useUpdateBoard(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateBoardBody>) => api.patch<Board>(`${BASE}/boards/${id}`, body), onSuccess: invalidate });
}

export function useAddBoardMember(boardId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof AddBoardMemberBody>) => api.post<Board>(`${BASE}/boards/${boardId}/members`, body), onSuccess: invalidate });
}

export function useUpdateBoardMember(memberId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateBoardMemberBody>) => api.patch<Board>(`${BASE}/board-members/${memberId}`, body), onSuccess: invalidate });
}

export function useUpdateProgram(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateProgramBody>) => api.patch<Program>(`${BASE}/programs/${id}`, body), onSuccess: invalidate });
}

export function useUpdateActivity(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateActivityBody>) => api.patch<Activity>(`${BASE}/activities/${id}`, body), onSuccess: invalidate });
}

export function useAddRecommendation(activityId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof RecommendationInput>) => api.post<Recommendation>(`${BASE}/activities/${activityId}/recommendations`, body), onSuccess: invalidate });
}

export function useUpdateRecommendation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateRecommendationBody>) => api.patch<Recommendation>(`${BASE}/recommendations/${id}`, body), onSuccess: invalidate });
}
