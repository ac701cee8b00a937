import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface PublicUser {
  id: string;
  handle: string;
  displayName: string | null;
  bio: string;
  region: string;
  language: string;
  createdAt: string;
}

export const userKeys = {
  all: ['users'] as const,
  byHandle: (handle: string) => ['users', handle.toLowerCase()] as const,
};

export function useUser(handle: string) {
  return useQuery({
    queryKey: userKeys.byHandle(handle),
    queryFn: ({ signal }) => api.get<PublicUser>(`/api/users/${encodeURIComponent(handle)}`, signal),
  });
}
