import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  /** Parsed by the server from the user agent ("iPhone", "Windows"…); null when unknown. */
  device: string | null;
  browser: string | null;
  /** Where the session signed in (ISO country code), when the edge tells; null: unknown. */
  country: string | null;
  current: boolean;
}

export const sessionKeys = {
  list: ['sessions'] as const,
};

export function useSessions() {
  return useQuery({
    queryKey: sessionKeys.list,
    queryFn: async ({ signal }) => (await api.get<{ sessions: Session[] }>('/api/sessions', signal)).sessions,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  const drop = (id: string) => queryClient.setQueryData<Session[]>(sessionKeys.list, (list) => list?.filter((s) => s.id !== id));
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/sessions/${encodeURIComponent(id)}`),
    onSuccess: (_result, id) => drop(id),
    onError: (error, id) => {
      // Already gone elsewhere: the list just catches up.
      if (isApiError(error, 'session_not_found')) drop(id);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}

/** "Sign out all other devices": this one stays, the list keeps only it. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ revoked: number }>('/api/sessions?others=true'),
    onSuccess: () => queryClient.setQueryData<Session[]>(sessionKeys.list, (list) => list?.filter((s) => s.current)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}
