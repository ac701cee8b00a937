import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import type { Language } from '../../lib/languages';

export interface Me {
  id: string;
  phone: string;
  handle: string | null;
  displayName: string | null;
  bio: string;
  language: string;
  region: string;
  role: 'user' | 'admin';
  createdAt: string;
  profileComplete: boolean;
  /** Hide the Likes / Collects tabs of my profile from others. */
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
}

export interface MePatch {
  handle?: string;
  displayName?: string;
  bio?: string;
  language?: Language;
  region?: string;
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
}

export const meKeys = {
  me: ['me'] as const,
};

/** The signed-in account, or null when signed out (a 401 is an answer, not an error). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me', signal);
  } catch (error) {
    if (isApiError(error, 'unauthenticated') || (isApiError(error) && error.status === 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKeys.me, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MePatch) => api.patch<Me>('/api/me', patch),
    onSuccess: (me) => {
      queryClient.setQueryData(meKeys.me, me);
      // The public profile under the (possibly new) handle is now stale.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
