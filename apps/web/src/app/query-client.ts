import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';
import { meKeys } from '../features/profile/me-queries';

export function createQueryClient(): QueryClient {
  // When any request finds the session gone, the app should show itself signed out
  // everywhere at once instead of each screen failing on its own.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKeys.me, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network blips and 5xx might.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
