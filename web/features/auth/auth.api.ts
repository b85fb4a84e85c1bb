/** The signed-in account: sign in and out, the forced password change, the interface language. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, Permission, Role } from '../../../common/access';
import { api, isSessionLost } from '../../app/api-client';
import { applyLanguage } from '../../app/i18n';

export type MeGrant = { id: string; role: Role; unitId: string; unitName: string };

export type Me = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: Locale;
  mustChangePassword: boolean;
  grants: MeGrant[];
  permissions: Permission[];
};

/** The account, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/api/auth/me');
    } catch (error) {
      if (isSessionLost(error)) return null;
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

export type LoginInput = { username: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input),
    onSuccess: async (me) => {
      // Whatever the previous account loaded must not show for this one.
      queryClient.removeQueries();
      queryClient.setQueryData(meQuery.queryKey, me);
      await applyLanguage(me.locale);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<{ ok: true }>('/api/auth/me/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}

/** Switches the interface language; once signed in, the account remembers it. */
export function useSetLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      // The account's language is changed in the cache first: a route that checks the account
      // while the PUT is in flight would otherwise see the old language and switch back to it.
      const me = queryClient.getQueryData(meQuery.queryKey);
      if (me) {
        const next: Me = { ...me, locale };
        queryClient.setQueryData(meQuery.queryKey, next);
      }
      await applyLanguage(locale);
      if (!me) return;
      try {
        await api.put<{ ok: true }>('/api/auth/me/locale', { locale });
      } catch (error) {
        queryClient.setQueryData(meQuery.queryKey, me);
        await applyLanguage(me.locale);
        throw error;
      }
    },
  });
}
