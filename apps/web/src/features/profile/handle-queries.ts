import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface HandleAvailability {
  handle: string;
  available: boolean;
  reason?: 'taken' | 'reserved' | 'invalid';
}

export const handleKeys = {
  availability: (handle: string) => ['handles', handle.toLowerCase()] as const,
};

/** Live availability of a handle; pass undefined to skip (empty or locally invalid). */
export function useHandleAvailability(handle: string | undefined) {
  return useQuery({
    queryKey: handleKeys.availability(handle ?? ''),
    queryFn: ({ signal }) => api.get<HandleAvailability>(`/api/handles/${encodeURIComponent(handle ?? '')}`, signal),
    enabled: Boolean(handle),
    staleTime: 10_000,
  });
}
