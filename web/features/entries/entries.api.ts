/** The entries ("Dân vận khéo") API: list with facets, detail, registration, lifecycle actions, evidence, replication, import and export. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EntryAction, EntryDetail, EntryInput, EntryListItem, EntrySummary, Facet, ImportResult, ImportRowError } from '../../../common/entries';
import type { EntryQueue } from '../../../common/entries';
import { api, apiUrl, ApiError } from '../../app/api-client';
import { ERROR_CODES, type ErrorCode } from '../../../common/errors';

export type { EntryAction, EntryDetail, EntryListItem, EntrySummary, Facet };

export type FacetValue = { value: string; count: number };
export type EntryPage = { items: EntryListItem[]; total: number; facets: Partial<Record<Facet, FacetValue[]>> };
export type EntryField = { code: string; names: Record<string, string>; unitId: string | null; sortOrder: number; builtin: boolean };
export type EmulationPeriod = { id: string; name: string; startYear: number; endYear: number };

/** The list's filters as they travel in the URL and the query string (multi-values comma-separated). */
export type EntryFilters = {
  unitId?: string;
  year?: string;
  periodId?: string;
  field?: string;
  kind?: string;
  form?: string;
  level?: string;
  status?: string;
  typical?: string;
  replicated?: string;
  q?: string;
  /** One of the signed-in person's work queues (docs/work-queue.md). */
  queue?: EntryQueue;
  sort?: string;
  page?: number;
};

export const PAGE_SIZE = 20;

/** The API's query string for `filters` (the page number becomes limit/offset). */
export function listQuery(filters: EntryFilters): Record<string, string | number | undefined> {
  const { page, q, ...rest } = filters;
  return { ...rest, q: q && q.trim().length >= 2 ? q.trim() : undefined, limit: PAGE_SIZE, offset: ((page ?? 1) - 1) * PAGE_SIZE };
}

export const entryKeys = {
  all: ['entries'] as const,
  list: (filters: EntryFilters) => ['entries', 'list', filters] as const,
  detail: (id: string) => ['entries', 'detail', id] as const,
  fields: (unitId?: string) => ['entry-fields', unitId ?? 'all'] as const,
  periods: () => ['emulation-periods'] as const,
};

export function useEntries(filters: EntryFilters) {
  return useQuery({ queryKey: entryKeys.list(filters), queryFn: () => api.get<EntryPage>('/api/entries', listQuery(filters)), placeholderData: keepPreviousData });
}

export function useEntry(id: string) {
  return useQuery({ queryKey: entryKeys.detail(id), queryFn: () => api.get<EntryDetail>(`/api/entries/${id}`) });
}

export function useEntryFields(unitId?: string) {
  return useQuery({ queryKey: entryKeys.fields(unitId), queryFn: () => api.get<{ items: EntryField[] }>('/api/entry-fields', { unitId }), staleTime: 10 * 60_000 });
}

export const periodsQuery = queryOptions({
  queryKey: entryKeys.periods(),
  queryFn: () => api.get<{ items: EmulationPeriod[] }>('/api/emulation-periods'),
  staleTime: 10 * 60_000,
});

export function usePeriods() {
  return useQuery(periodsQuery);
}

/** After any write: the detail gets what the server returned, lists refetch. */
function useEntryWrite<TInput, TResult>(write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      const detail = result as Partial<EntryDetail> | undefined;
      if (detail && typeof detail === 'object' && 'id' in detail && 'transitions' in detail && detail.id) queryClient.setQueryData(entryKeys.detail(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
    },
  });
}

export type EntryBody = Omit<EntryInput, 'moneyVnd' | 'landM2'> & { moneyVnd?: string | null; landM2?: string | null };

export function useCreateEntry() {
  return useEntryWrite((input: EntryBody) => api.post<EntryDetail>('/api/entries', input));
}

export function useUpdateEntry() {
  return useEntryWrite(({ id, ...body }: Partial<EntryBody> & { id: string; version: number }) => api.patch<EntryDetail>(`/api/entries/${id}`, body));
}

export type ActionInput = { id: string; action: EntryAction; version: number; reason?: string; effective?: boolean; score?: number };

export function useEntryAction() {
  return useEntryWrite(({ id, action, ...body }: ActionInput) => api.post<EntryDetail>(`/api/entries/${id}/actions/${action}`, body));
}

/**
 * A bulk step: on the selection (`items`, with the versions read) or on every entry matching the
 * list's filters (`filter`, with the count the user confirmed). All or nothing on the server.
 */
export type BulkInput = {
  action: EntryAction;
  items?: { id: string; version: number }[];
  filter?: Record<string, string | number | undefined>;
  expectedCount?: number;
  reason?: string;
  effective?: boolean;
  score?: number;
};

export function useBulkAction() {
  return useEntryWrite(({ action, ...body }: BulkInput) => api.post<{ updated: number }>(`/api/entries/bulk-actions/${action}`, body));
}

/** The list's filters as a bulk action's `filter` (no paging or order). */
export function bulkFilter(filters: EntryFilters): Record<string, string | number | undefined> {
  const { limit: _limit, offset: _offset, sort: _sort, ...query } = listQuery(filters);
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
}

export function useAddProgress() {
  return useEntryWrite(({ id, ...body }: { id: string; onDate: string; note: string }) => api.post<unknown>(`/api/entries/${id}/progress`, body));
}

export function useRemoveEvidence() {
  return useEntryWrite(({ id, evidenceId }: { id: string; evidenceId: string }) => api.delete<unknown>(`/api/entries/${id}/evidence/${evidenceId}`));
}

export function useAddReplicate() {
  return useEntryWrite(({ id, sourceEntryId }: { id: string; sourceEntryId: string }) => api.post<unknown>(`/api/entries/${id}/replicates`, { sourceEntryId }));
}

export function useRemoveReplicate() {
  return useEntryWrite(({ id, sourceEntryId }: { id: string; sourceEntryId: string }) => api.delete<unknown>(`/api/entries/${id}/replicates/${sourceEntryId}`));
}

export function evidenceUrl(entryId: string, evidenceId: string): string {
  return `/api/entries/${entryId}/evidence/${evidenceId}`;
}

export function exportUrl(format: 'xlsx' | 'csv', filters: EntryFilters): string {
  const { limit: _limit, offset: _offset, ...query } = listQuery(filters);
  return apiUrl(`/api/entries/export.${format}`, query);
}

export const TEMPLATE_URL = '/api/entries/import-template.xlsx';

/** The API error of a failed upload or download whose body may be JSON. */
async function errorOf(status: number, body: string): Promise<ApiError> {
  let error: { code?: unknown; details?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: { code?: unknown; details?: unknown } }).error;
  } catch {
    error = undefined;
  }
  const code = (ERROR_CODES as readonly unknown[]).includes(error?.code) ? (error?.code as ErrorCode) : status >= 500 ? 'INTERNAL' : 'NETWORK';
  return new ApiError(status, code, error?.details ?? null);
}

/**
 * Sends `file` as multipart field `file` with XMLHttpRequest, so the upload's progress can be shown;
 * resolves with the parsed JSON (or the Blob when `asBlob`).
 */
export function uploadFile<T>(url: string, file: File | Blob, options: { onProgress?: (percent: number) => void; asBlob?: boolean; fields?: Record<string, string> } = {}): Promise<T> {
  const { onProgress, asBlob = false, fields = {} } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', asBlob ? '*/*' : 'application/json');
    xhr.responseType = asBlob ? 'blob' : 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', null));
    xhr.onload = () => {
      void (async () => {
        const text = asBlob ? await (xhr.response as Blob).text().catch(() => '') : (xhr.responseText as string);
        if (xhr.status >= 200 && xhr.status < 300) {
          if (asBlob) resolve(xhr.response as T);
          else resolve((text ? JSON.parse(text) : {}) as T);
          return;
        }
        reject(await errorOf(xhr.status, text));
      })();
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file instanceof File ? file.name : 'file');
    xhr.send(form);
  });
}

export type { ImportResult, ImportRowError };

export function importErrorsOf(error: unknown): ImportRowError[] {
  // Rows naming units outside the user's scope come back as FORBIDDEN with the same list.
  if (!(error instanceof ApiError) || (error.code !== 'IMPORT_INVALID' && error.code !== 'FORBIDDEN')) return [];
  const errors = (error.details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

/** Saves a Blob as a file the browser downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Server field errors (details[].path like 'body.title') as antd Form field errors. */
export function fieldErrorsOf(error: unknown): { name: string; code: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  const list = Array.isArray(details) ? details : Array.isArray((details as { issues?: unknown } | null)?.issues) ? (details as { issues: unknown[] }).issues : [];
  return list.flatMap((item) => {
    const d = item as { path?: unknown; code?: unknown };
    const path = Array.isArray(d.path) ? d.path.join('.') : typeof d.path === 'string' ? d.path : '';
    const name = path.startsWith('body.') ? (path.slice(5).split('.')[0] ?? '') : '';
    return name ? [{ name, code: typeof d.code === 'string' ? d.code : 'invalid' }] : [];
  });
}
