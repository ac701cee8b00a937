import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
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
