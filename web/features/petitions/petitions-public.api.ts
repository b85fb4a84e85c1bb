/** The citizen's side of petitions, without an account. Shapes: common/petitions.ts. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PublicIntakeBody, PublicStatus, Receipt } from '../../../common/petitions';
import { api } from '../../app/api-client';

export type PublicForm = { categories: { code: string; names: Record<string, string>; sortOrder: number }[]; units: { id: string; name: string }[] };

/** Categories and provinces (no parent), or the communes of a province. */
export function usePublicForm(parentId?: string, enabled = true) {
  return useQuery({
    queryKey: ['public-petition-form', parentId ?? null],
    queryFn: () => api.get<PublicForm>('/api/public/petitions/form', { parentId }),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useSubmitPetition() {
  return useMutation({ mutationFn: (body: PublicIntakeBody) => api.post<Receipt>('/api/public/petitions', body) });
}

export function useLookupPetition() {
  return useMutation({ mutationFn: (body: { code: string; secret: string }) => api.post<PublicStatus>('/api/public/petitions/lookup', body) });
}

/** A file as base64 for the JSON body. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
