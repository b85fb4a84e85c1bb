/**
 * The catalogues (danh mục) the movement's data refer to: fields of entries, forms of commendation,
 * emulation periods. Reading them lives with their users (entries.api, commendations.api); here are
 * the additions and how their refusals map onto the forms.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api-client';
import { type EmulationPeriod, type EntryField, entryKeys } from '../entries/entries.api';

export type NewEntryField = { code: string; names: Partial<Record<string, string>>; unitId: string | null };
export type NewPeriod = { name: string; startYear: number; endYear: number };

export function useCreateEntryField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewEntryField) => api.post<EntryField>('/api/entry-fields', input),
    // Every unit's list of fields (['entry-fields', unitId]) may now hold it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entry-fields'] }),
  });
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPeriod) => api.post<EmulationPeriod>('/api/emulation-periods', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entryKeys.periods() }),
  });
}

/**
 * The form fields a VALIDATION_FAILED answer names, as antd name paths: `body.names.vi` → ['names', 'vi'].
 * Paths outside the body (query, params) name no field of a form.
 */
export function fieldPathsOf(error: unknown): { name: string[]; code: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  return (error.details as { path?: unknown; code?: unknown }[]).flatMap((d) => {
    const parts = typeof d?.path === 'string' ? d.path.split('.') : [];
    if (parts[0] !== 'body' || parts.length < 2) return [];
    return [{ name: parts.slice(1), code: typeof d.code === 'string' ? d.code : 'invalid' }];
  });
}
