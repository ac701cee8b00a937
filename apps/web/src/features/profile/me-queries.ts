import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import type { Language } from '../../lib/languages';

export interface Me {
  id: string;
  /** E.164; null for an account without a number. */
  phone: string | null;
  handle: string | null;
  displayName: string | null;
  bio: string;
  language: string;
  region: string;
  /** When the region last changed: it may change once per 30 days (it picks the rulebook). */
  regionChangedAt?: string | null;
  /** 'YYYY-MM-DD'; adults-only content needs it. */
  birthDate?: string | null;
  adult?: boolean;
  role: 'user' | 'moderator' | 'admin';
  createdAt: string;
  profileComplete: boolean;
  /** Hide the Likes / Collects tabs of my profile from others. */
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
  /** Languages I read (ISO 639-1), derived from the UI language until chosen. */
  readLanguages?: string[];
  autoTranslate?: boolean;
  feedLanguagesOnly?: boolean;
  bioLanguage?: string | null;
  /** false: For you is latest from follows, then trending. */
  feedPersonalised?: boolean;
  /** People who have my number may find my account by it. */
  discoverableByPhone?: boolean;
}

export interface MePatch {
  handle?: string;
  displayName?: string;
  bio?: string;
  language?: Language;
  region?: string;
  birthDate?: string | null;
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
  readLanguages?: string[];
  autoTranslate?: boolean;
  feedLanguagesOnly?: boolean;
  bioLanguage?: string | null;
  feedPersonalised?: boolean;
  discoverableByPhone?: boolean;
}

/** Moderators and admins see the moderator console. */
export function canModerate(me: Pick<Me, 'role'> | null | undefined): boolean {
  return me?.role === 'moderator' || me?.role === 'admin';
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
