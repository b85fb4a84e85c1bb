/**
 * Implementation plans, tasks, progress reports with evidence, and a document's roll-up.
 * Shapes: common/tasks.ts; routes: docs/leadership-loop.md section 5 and "Slice 2 as built".
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateImplementationPlanBody,
  CreateProgressReportBody,
  CreateTasksBody,
  CreateTasksResult,
  ImplementationPlan,
  ImplementationPlanDetail,
  ImplementationPlanList,
  Rollup,
  RollupRow,
  SplitChild,
  TaskDetail,
  TaskEvidence,
  TaskListQuery,
  TaskPage,
  TaskProgressReport,
  TaskSummary,
  TaskTotals,
  TaskUnit,
  UpdateTaskBody,
} from '../../../common/tasks';
import { api } from '../../app/api-client';
import { uploadFile } from '../entries/entries.api';

export type { ImplementationPlan, ImplementationPlanDetail, Rollup, RollupRow, SplitChild, TaskDetail, TaskEvidence, TaskPage, TaskProgressReport, TaskSummary, TaskTotals, TaskUnit };

/** The list's query as sent: every filter optional, paging explicit. */
export type TaskFilter = Partial<Omit<TaskListQuery, 'limit' | 'offset' | 'leaf'>> & { leaf?: 'true'; limit: number; offset: number };

export const taskKeys = {
  all: ['tasks'] as const,
  plans: (documentId: string) => ['tasks', 'plans', documentId] as const,
  plan: (planId: string) => ['tasks', 'plan', planId] as const,
  rollup: (documentId: string, unitId: string) => ['tasks', 'rollup', documentId, unitId] as const,
  list: (filter: TaskFilter) => ['tasks', 'list', filter] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

/** Every write changes what the plan, the roll-up, the lists and the task show: refresh them all. */
function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: taskKeys.all });
}

export function useDocumentPlans(documentId: string) {
  return useQuery({ queryKey: taskKeys.plans(documentId), queryFn: () => api.get<ImplementationPlanList>(`/api/policy-documents/${documentId}/plans`) });
}

export function usePlan(planId: string) {
  return useQuery({ queryKey: taskKeys.plan(planId), queryFn: () => api.get<ImplementationPlanDetail>(`/api/implementation-plans/${planId}`) });
}

export function useRollup(documentId: string, unitId: string | undefined) {
  return useQuery({
    queryKey: taskKeys.rollup(documentId, unitId ?? ''),
    queryFn: () => api.get<Rollup>(`/api/policy-documents/${documentId}/rollup`, { unitId }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function useTasks(filter: TaskFilter, enabled = true) {
  return useQuery({ queryKey: taskKeys.list(filter), queryFn: () => api.get<TaskPage>('/api/tasks', filter), placeholderData: keepPreviousData, enabled });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`) });
}

export function useCreatePlan(documentId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateImplementationPlanBody>) => api.post<ImplementationPlan>(`/api/policy-documents/${documentId}/plans`, body),
    onSuccess: invalidate,
  });
}

export function useCreateTasks(planId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateTasksBody>) => api.post<CreateTasksResult>(`/api/implementation-plans/${planId}/tasks`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateTask(taskId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (body: z.input<typeof UpdateTaskBody>) => api.patch<TaskDetail>(`/api/tasks/${taskId}`, body), onSuccess: invalidate });
}

export function useSplitTask(taskId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: { children: SplitChild[]; version: number }) => api.post<TaskDetail>(`/api/tasks/${taskId}/split`, body),
    onSuccess: invalidate,
  });
}

export function useAddProgressReport(taskId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProgressReportBody>) => api.post<TaskProgressReport>(`/api/tasks/${taskId}/reports`, body),
    onSuccess: invalidate,
  });
}

export function useMarkTaskDone(taskId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (body: { version: number; note?: string }) => api.post<TaskDetail>(`/api/tasks/${taskId}/done`, body), onSuccess: invalidate });
}

export function useReopenTask(taskId: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (body: { version: number; reason: string }) => api.post<TaskDetail>(`/api/tasks/${taskId}/reopen`, body), onSuccess: invalidate });
}

export function useDeleteTask(taskId: string) {
  return useMutation({ mutationFn: (version: number) => api.delete<unknown>(`/api/tasks/${taskId}?version=${version}`) });
}

export function uploadTaskEvidence(reportId: string, file: File, onProgress: (percent: number) => void) {
  return uploadFile<TaskEvidence>(`/api/task-reports/${reportId}/evidence`, file, { onProgress });
}

export function evidenceUrl(evidenceId: string): string {
  return `/api/task-evidence/${evidenceId}`;
}

export function useRemoveTaskEvidence() {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (evidenceId: string) => api.delete<unknown>(`/api/task-evidence/${evidenceId}`), onSuccess: invalidate });
}
