/** The signed-in person's work queue (GET /api/work-queue; shape in common/work-queue.ts), and the lists of tasks and commitments it opens. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Deadlines } from '../../../common/deadlines';
import type { DueFilter, LeadershipDigest, WorkQueue } from '../../../common/work-queue';
import { api } from '../../app/api-client';
import type { ReviewTaskWithReview } from '../reviews/reviews.api';

export type { Deadlines, LeadershipDigest, WorkQueue };

export const workQueueQuery = queryOptions({
  queryKey: ['work-queue'] as const,
  queryFn: () => api.get<WorkQueue>('/api/work-queue'),
  // The menu's badge reads it on every page: half a minute old is fresh enough there; the page itself refetches when opened.
  staleTime: 30_000,
});

export function useWorkQueue(options: { enabled?: boolean; refetchOnMount?: 'always' } = {}) {
  return useQuery({ ...workQueueQuery, ...options });
}

/** A list the queue opens: a unit's tasks or commitments due soon or overdue. */
export type DueSearch = { unitId?: string; due?: DueFilter; page?: number };
export const DUE_PAGE_SIZE = 20;

const pageQuery = (search: DueSearch) => ({ unitId: search.unitId, due: search.due, limit: DUE_PAGE_SIZE, offset: ((search.page ?? 1) - 1) * DUE_PAGE_SIZE });

export function useDueTasks(search: DueSearch) {
  return useQuery({
    queryKey: ['reviews', 'tasks', search] as const,
    queryFn: () => api.get<{ items: ReviewTaskWithReview[]; total: number }>('/api/review-tasks', pageQuery(search)),
    placeholderData: keepPreviousData,
  });
}

export type CommitmentItem = {
  id: string;
  description: string;
  owner: string;
  deadline: string;
  doneOn: string | null;
  state: 'open' | 'overdue' | 'done';
  session: { id: string; kind: 'reception' | 'dialogue'; title: string; heldOn: string; unit: { id: string; name: string } };
};

export function useDueCommitments(search: DueSearch) {
  return useQuery({
    queryKey: ['reception', 'commitments', search] as const,
    queryFn: () => api.get<{ items: CommitmentItem[]; total: number }>('/api/reception-commitments', pageQuery(search)),
    placeholderData: keepPreviousData,
  });
}

/** A unit's calendar of deadlines (GET /api/deadlines; shape in common/deadlines.ts). */
export function useDeadlines(query: { unitId: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: ['deadlines', query] as const,
    queryFn: () => api.get<Deadlines>('/api/deadlines', query!),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
}

/** The leadership digest of a unit's subtree on a day (GET /api/leadership-digest): today's computed, an earlier day's stored. */
export function useLeadershipDigest(query: { unitId?: string; day?: string }) {
  return useQuery({
    queryKey: ['leadership-digest', query] as const,
    queryFn: () => api.get<LeadershipDigest>('/api/leadership-digest', query),
    placeholderData: keepPreviousData,
  });
}
