import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSessionLost } from './api-client';

/**
 * The app's QueryClient. A lost session anywhere (401) calls `onSessionLost`, which sends the
 * user to the sign-in page; client errors (4xx) are not retried.
 */
export function createQueryClient(onSessionLost: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (isSessionLost(error)) onSessionLost();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
