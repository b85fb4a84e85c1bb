/** Accounts: list, create, edit, disable/enable, reset password, grant and revoke roles. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../common/access';
import type { CreateUserBody, GrantView, UserView } from '../../../common/users';
import { api } from '../../app/api-client';

export type { GrantView, UserView };

export type UserFilter = { q?: string; unitId?: string; includeDisabled?: boolean; limit: number; offset: number };

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(filter: UserFilter, enabled = true) {
  return useQuery({
    queryKey: userKeys.list(filter),
    queryFn: () => api.get<{ items: UserView[]; total: number }>('/api/users', filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: userKeys.detail(id), queryFn: () => api.get<UserView>(`/api/users/${id}`) });
}

/** Keeps the cached account in step with what a write returned. */
function useUserWrite<TInput, TResult>(write: (input: TInput) => Promise<TResult>, userOf: (result: TResult, input: TInput) => UserView | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result, input) => {
      const user = userOf(result, input);
      if (user) queryClient.setQueryData(userKeys.detail(user.id), user);
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export type CreateUserInput = Omit<CreateUserBody, 'password'>;
export type CreatedUser = { user: UserView; temporaryPassword: string | null };

export function useCreateUser() {
  return useUserWrite((input: CreateUserInput) => api.post<CreatedUser>('/api/users', input), (r) => r.user);
}

export type UpdateUserInput = { id: string; displayName?: string; email?: string | null; version: number };

export function useUpdateUser() {
  return useUserWrite(({ id, ...body }: UpdateUserInput) => api.patch<UserView>(`/api/users/${id}`, body), (u) => u);
}

export function useSetUserDisabled() {
  return useUserWrite(
    ({ id, disabled }: { id: string; disabled: boolean }) => api.post<UserView>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`),
    (u) => u,
  );
}

export function useResetPassword() {
  return useUserWrite((id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`), () => null);
}

export function useGrantRole() {
  return useUserWrite(({ userId, ...body }: { userId: string; unitId: string; role: Role }) => api.post<GrantView>(`/api/users/${userId}/grants`, body), () => null);
}

export function useRevokeGrant() {
  return useUserWrite(({ userId, grantId }: { userId: string; grantId: string }) => api.delete<{ ok: true }>(`/api/users/${userId}/grants/${grantId}`), () => null);
}
