/**
 * Working sessions (buổi làm việc), their conclusion notice and its requests, and a unit's history.
 * Shapes: common/working-sessions.ts; routes: docs/leadership-loop.md section 5 and "Slice 4 as built".
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateWorkingSessionBody,
  CreateWorkingSessionNoticeBody,
  UnitWorkingSessions,
  UpdateWorkingSessionBody,
  WorkingSession,
  WorkingSessionDetail,
  WorkingSessionListQuery,
  WorkingSessionPage,
} from '../../../common/working-sessions';
import { api } from '../../app/api-client';
import { taskKeys } from '../tasks/tasks.api';

export type { UnitWorkingSessions, WorkingSession, WorkingSessionDetail, WorkingSessionPage };
export type { WorkingSessionMember, WorkingSessionRequest } from '../../../common/working-sessions';

export type WorkingSessionFilter = Pick<WorkingSessionListQuery, 'unitId' | 'limit' | 'offset'> & Partial<Pick<WorkingSessionListQuery, 'from' | 'to'>>;

export const workingSessionKeys = {
  all: ['working-sessions'] as const,
  list: (filter: WorkingSessionFilter) => ['working-sessions', 'list', filter] as const,
  detail: (id: string) => ['working-sessions', 'detail', id] as const,
  ofUnit: (unitId: string) => ['working-sessions', 'unit', unitId] as const,
};

export function useWorkingSessions(filter: WorkingSessionFilter | null) {
  return useQuery({
    queryKey: workingSessionKeys.list(filter ?? { unitId: '', limit: 0, offset: 0 }),
    queryFn: () => api.get<WorkingSessionPage>('/api/working-sessions', filter ?? undefined),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
}

export function useWorkingSession(id: string) {
  return useQuery({ queryKey: workingSessionKeys.detail(id), queryFn: () => api.get<WorkingSessionDetail>(`/api/working-sessions/${id}`) });
}

export function useUnitWorkingSessions(unitId: string) {
  return useQuery({ queryKey: workingSessionKeys.ofUnit(unitId), queryFn: () => api.get<UnitWorkingSessions>(`/api/units/${unitId}/working-sessions`) });
}

/** A session's write changes the lists, the unit's history and, with a notice, the tasks and the work queue. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: workingSessionKeys.all }), queryClient.invalidateQueries({ queryKey: taskKeys.all })]);
}

export function useCreateWorkingSession() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateWorkingSessionBody>) => api.post<WorkingSessionDetail>('/api/working-sessions', body), onSuccess: invalidate });
}

export function useUpdateWorkingSession(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateWorkingSessionBody>) => api.patch<WorkingSessionDetail>(`/api/working-sessions/${id}`, body), onSuccess: invalidate });
}

export function useIssueNotice(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: z.input<typeof CreateWorkingSessionNoticeBody>) => api.post<WorkingSessionDetail>(`/api/working-sessions/${id}/notice`, body), onSuccess: invalidate });
}
