/** Periodic reviews (báo cáo sơ kết / tổng kết), their key tasks and events. Shapes: server/modules/reviews/reviews.schema.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Report, ReportPeriod } from '../../../common/reports';
import { api } from '../../app/api-client';

export type UnitName = { id: string; name: string; kind: string };
export type ReviewStatus = 'draft' | 'final';

export type Review = {
  id: string;
  unit: UnitName;
  period: ReportPeriod;
  year: number | null;
  quarter: number | null;
  emulationPeriod: { id: string; name: string } | null;
  from: string;
  to: string;
  title: string;
  status: ReviewStatus;
  narrative: string | null;
  shortcomings: string | null;
  figuresAt: string | null;
  taskCounts: { open: number; done: number; overdue: number };
  /** A document review (sơ kết / tổng kết of carrying out a policy document); null for a periodic review. */
  policyDocumentId: string | null;
  kind: DocumentReviewKind | null;
  /** "N năm thực hiện". */
  ordinalYears: number | null;
  joint: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type ReviewTask = {
  id: string;
  reviewId: string;
  content: string;
  owner: UnitName;
  deadline: string;
  status: 'open' | 'done';
  overdue: boolean;
  doneAt: string | null;
  doneBy: { id: string; name: string } | null;
  note: string | null;
  version: number;
};

export type DocumentReviewKind = 'so_ket' | 'tong_ket';

export type DocumentReviewCounts = { leaves: number; done: number; open: number; overdue: number; unitsTasked: number; unitsReported: number };

/** The document's roll-up under the reviewing unit on the day it was read (server: document-reviews.schema.ts DocumentFigures). */
export type DocumentFigures = {
  at: string;
  totals: DocumentReviewCounts;
  own: DocumentReviewCounts;
  children: (DocumentReviewCounts & { unit: UnitName })[];
  overdue: { taskId: string; content: string; owner: UnitName; deadline: string }[];
  overdueTotal: number;
};

export type CommendedUnit = { unit: UnitName; form: string; commendationId: string | null };

export type ReviewOfDocument = {
  document: { id: string; kind: string; kindNames: Record<string, string>; number: string | null; symbol: string; issuedOn: string | null; issuingBody: string; title: string };
  kind: DocumentReviewKind;
  ordinalYears: number | null;
  joint: boolean;
  documentFigures: DocumentFigures | null;
  commendedUnits: CommendedUnit[];
};

export type ReviewEvent = { id: string; reviewId: string; happenedOn: string; title: string; description: string | null };

/** Which of a review's two periods a day falls in: its own, or the next one (the one its tasks are for). */
export type InPeriod = 'current' | 'next';

export type PeriodSpan = Pick<Review, 'period' | 'year' | 'quarter' | 'emulationPeriod' | 'from' | 'to'>;

export type Anniversary = {
  code: string;
  kind: 'anniversary' | 'edition';
  names: Record<string, string>;
  originDate: string;
  date: string;
  ordinal: number;
  milestone: 10 | 5 | null;
  labelVi: string;
  inPeriod: InPeriod;
};

/** Events and anniversaries cover the review's period and the next one (`nextPeriod`), each labelled by `inPeriod`. */
export type ReviewDetail = Review & {
  nextPeriod: PeriodSpan;
  figures: Report | null;
  tasks: ReviewTask[];
  events: (ReviewEvent & { inPeriod: InPeriod })[];
  anniversaries: Anniversary[];
  ofDocument: ReviewOfDocument | null;
};

export type ReviewFilter = { unitId?: string; year?: number; policyDocumentId?: string; limit: number; offset: number };

export type CreateReviewInput = { unitId: string; period: ReportPeriod; year?: number; quarter?: number; periodId?: string; from?: string; to?: string; title?: string };

export type ReviewTaskWithReview = ReviewTask & { review: { id: string; title: string; unit: UnitName } };

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (filter: ReviewFilter) => ['reviews', 'list', filter] as const,
  overdue: (unitId: string | undefined) => ['reviews', 'overdue', unitId ?? null] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
};

export const reviewDocumentUrl = (id: string) => `/api/reviews/${id}/document`;

export function useReviews(filter: ReviewFilter) {
  return useQuery({ queryKey: reviewKeys.list(filter), queryFn: () => api.get<{ items: Review[]; total: number }>('/api/reviews', filter), placeholderData: keepPreviousData });
}

/** Open tasks past their deadline, of the reviews under `unitId` (or the whole scope), nearest deadline first. */
export function useOverdueTasks(unitId: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.overdue(unitId),
    queryFn: () => api.get<{ items: ReviewTaskWithReview[]; total: number }>('/api/review-tasks', { unitId, overdue: true, limit: 100 }),
  });
}

export function useReview(id: string) {
  return useQuery({ queryKey: reviewKeys.detail(id), queryFn: () => api.get<ReviewDetail>(`/api/reviews/${id}`) });
}

/** Every write on a review changes its detail (and its counts in the list): refetch both. */
function useReviewMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }) });
}

export const useCreateReview = () => useReviewMutation((input: CreateReviewInput) => api.post<ReviewDetail>('/api/reviews', input));

export type UpdateReviewInput = { id: string; version: number; title?: string; narrative?: string; shortcomings?: string; status?: ReviewStatus; ordinalYears?: number };
export const useUpdateReview = () => useReviewMutation(({ id, ...body }: UpdateReviewInput) => api.patch<Review>(`/api/reviews/${id}`, body));

export const useRefreshReview = () =>
  useReviewMutation(({ id, ...body }: { id: string; version: number; replaceNarrative: boolean }) => api.post<ReviewDetail>(`/api/reviews/${id}/refresh`, body));

export const useCreateTask = () =>
  useReviewMutation(({ reviewId, ...body }: { reviewId: string; content: string; ownerUnitId: string; deadline: string; note?: string | null }) =>
    api.post<ReviewTask>(`/api/reviews/${reviewId}/tasks`, body),
  );

export type UpdateTaskInput = { id: string; version: number; content?: string; ownerUnitId?: string; deadline?: string };
export const useUpdateTask = () => useReviewMutation(({ id, ...body }: UpdateTaskInput) => api.patch<ReviewTask>(`/api/review-tasks/${id}`, body));

export const useTaskStatus = () =>
  useReviewMutation(({ task, to }: { task: ReviewTask; to: 'done' | 'reopen' }) => api.post<ReviewTask>(`/api/review-tasks/${task.id}/${to}`, { version: task.version }));

export const useDeleteTask = () => useReviewMutation((task: ReviewTask) => api.delete<void>(`/api/review-tasks/${task.id}?version=${task.version}`));

export const useCreateEvent = () =>
  useReviewMutation(({ reviewId, ...body }: { reviewId: string; happenedOn: string; title: string; description?: string | null }) =>
    api.post<ReviewEvent>(`/api/reviews/${reviewId}/events`, body),
  );

export const useDeleteEvent = () => useReviewMutation((event: ReviewEvent) => api.delete<void>(`/api/review-events/${event.id}`));

export type CreateDocumentReviewInput = { unitId: string; policyDocumentId: string; kind: DocumentReviewKind; from: string; to: string; joint: boolean; ordinalYears?: number; title?: string };
export const useCreateDocumentReview = () => useReviewMutation((input: CreateDocumentReviewInput) => api.post<ReviewDetail>('/api/document-reviews', input));

export type CommendedUnitInput = { unitId: string; form: string; commendationId?: string | null };
export const usePutCommendedUnits = () =>
  useReviewMutation(({ id, ...body }: { id: string; version: number; items: CommendedUnitInput[] }) => api.put<ReviewDetail>(`/api/reviews/${id}/commended-units`, body));
