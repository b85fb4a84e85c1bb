/**
 * Policy documents (văn bản lãnh đạo, chỉ đạo) and their kinds, links and attachments.
 * Shapes: common/policy-documents.ts; routes: docs/leadership-loop.md section 5.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePolicyDocumentBody,
  PolicyDocumentDetail,
  PolicyDocumentKind,
  PolicyDocumentListQuery,
  PolicyDocumentPage,
  PolicyDocumentSummary,
  PutPolicyDocumentLinksBody,
  UpdatePolicyDocumentBody,
} from '../../../common/policy-documents';
import { api } from '../../app/api-client';
import { uploadFile } from '../entries/entries.api';

export type { PolicyDocumentDetail, PolicyDocumentKind, PolicyDocumentPage, PolicyDocumentSummary };

/** The list's query as sent: every filter optional, paging explicit. */
export type PolicyDocumentFilter = Partial<Omit<PolicyDocumentListQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export const policyDocumentKeys = {
  all: ['policy-documents'] as const,
  kinds: ['policy-document-kinds'] as const,
  list: (filter: PolicyDocumentFilter) => ['policy-documents', 'list', filter] as const,
  detail: (id: string) => ['policy-documents', 'detail', id] as const,
};

export function usePolicyDocumentKinds() {
  return useQuery({
    queryKey: policyDocumentKeys.kinds,
    queryFn: () => api.get<{ items: PolicyDocumentKind[] }>('/api/policy-document-kinds'),
    staleTime: 10 * 60_000,
  });
}

/** A kind's name in the reader's language (Vietnamese when it has none), or its code. */
export function kindName(kinds: readonly PolicyDocumentKind[] | undefined, code: string, language: string): string {
  const kind = kinds?.find((k) => k.code === code);
  return kind ? (kind.names[language] ?? kind.names.vi ?? code) : code;
}

export function usePolicyDocuments(filter: PolicyDocumentFilter) {
  return useQuery({
    queryKey: policyDocumentKeys.list(filter),
    queryFn: () => api.get<PolicyDocumentPage>('/api/policy-documents', filter),
    placeholderData: keepPreviousData,
  });
}

export function usePolicyDocument(id: string) {
  return useQuery({ queryKey: policyDocumentKeys.detail(id), queryFn: () => api.get<PolicyDocumentDetail>(`/api/policy-documents/${id}`) });
}

/** What the forms send: the bodies before the server's trimming and defaults. */
export type CreatePolicyDocumentInput = z.input<typeof CreatePolicyDocumentBody>;
export type UpdatePolicyDocumentInput = z.input<typeof UpdatePolicyDocumentBody> & { id: string };

export function useCreatePolicyDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePolicyDocumentInput) => api.post<PolicyDocumentDetail>('/api/policy-documents', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyDocumentKeys.all }),
  });
}

export function useUpdatePolicyDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdatePolicyDocumentInput) => api.patch<PolicyDocumentDetail>(`/api/policy-documents/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyDocumentKeys.all }),
  });
}

export function useIssuePolicyDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.post<PolicyDocumentDetail>(`/api/policy-documents/${id}/issue`, { version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyDocumentKeys.all }),
  });
}

/** Replaces the document's outgoing links (what is not listed is removed). */
export function useSavePolicyDocumentLinks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PutPolicyDocumentLinksBody & { id: string }) => api.put<unknown>(`/api/policy-documents/${id}/links`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyDocumentKeys.all }),
  });
}

export function uploadPolicyDocumentAttachment(documentId: string, file: File, onProgress: (percent: number) => void) {
  return uploadFile<unknown>(`/api/policy-documents/${documentId}/attachments`, file, { onProgress });
}

export function attachmentUrl(attachmentId: string): string {
  return `/api/policy-document-attachments/${attachmentId}`;
}

export function useRemovePolicyDocumentAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete<unknown>(`/api/policy-document-attachments/${attachmentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyDocumentKeys.all }),
  });
}
