import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** A moderator (or admin) and the rulebooks and content languages they moderate (null: all). */
export interface ModeratorEntry {
  handle: string;
  displayName?: string;
  role: string;
  rulebooks: string[] | null;
  languages: string[] | null;
}

export interface ModeratorScopeInput {
  handle: string;
  rulebooks: string[] | null;
  languages: string[] | null;
}

export const moderatorsAdminKeys = {
  list: ['admin', 'moderators'] as const,
};

const moderatorPath = (handle: string) => `/api/admin/moderators/${encodeURIComponent(handle.replace(/^@/, ''))}`;

export function useModerators() {
  return useQuery({
    queryKey: moderatorsAdminKeys.list,
    queryFn: ({ signal }) => api.get<{ items: ModeratorEntry[] }>('/api/admin/moderators', signal),
  });
}

/** Grants the moderator role with its scope, or changes the scope. */
export function useSetModerator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handle, rulebooks, languages }: ModeratorScopeInput) => api.put<ModeratorEntry>(moderatorPath(handle), { rulebooks, languages }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderatorsAdminKeys.list }),
  });
}

export function useRevokeModerator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) => api.delete(moderatorPath(handle)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderatorsAdminKeys.list }),
  });
}
