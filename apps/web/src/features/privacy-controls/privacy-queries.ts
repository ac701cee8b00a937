import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { Page, UserSummary } from '../notes/note-types';

/** Who may comment on my notes or mention me. */
export type Audience = 'everyone' | 'followers' | 'following' | 'nobody';
export const AUDIENCES: readonly Audience[] = ['everyone', 'followers', 'following', 'nobody'];

export interface PrivacyControls {
  private: boolean;
  commentPermission: Audience;
  mentionPermission: Audience;
  noindex: boolean;
  pendingRequests: number;
}

export type FollowRequest = UserSummary & { requestedAt: string };

export const privacyKeys = {
  controls: ['privacy-controls'] as const,
  requests: ['privacy-controls', 'requests'] as const,
};

export function usePrivacyControls(enabled = true) {
  return useQuery({
    queryKey: privacyKeys.controls,
    queryFn: ({ signal }) => api.get<PrivacyControls>('/api/me/privacy-controls', signal),
    enabled,
  });
}

export function useUpdatePrivacyControls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Omit<PrivacyControls, 'pendingRequests'>>) => api.patch<PrivacyControls>('/api/me/privacy-controls', patch),
    onSuccess: (controls) => {
      queryClient.setQueryData(privacyKeys.controls, controls);
      // Going public approves every request; my profile's locked state and lists change.
      void queryClient.invalidateQueries({ queryKey: privacyKeys.requests });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useFollowRequests() {
  return useInfiniteQuery({
    queryKey: privacyKeys.requests,
    queryFn: ({ pageParam, signal }) => api.get<Page<FollowRequest> & { total: number }>(withQuery('/api/me/follow-requests', { cursor: pageParam }), signal),
    ...cursorPaging,
  });
}

/** Approve or deny one request; the list and the pending count refetch. */
export function useAnswerRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handle, approve }: { handle: string; approve: boolean }) =>
      approve
        ? api.post<unknown>(`/api/me/follow-requests/${encodeURIComponent(handle)}/approve`)
        : api.delete<unknown>(`/api/me/follow-requests/${encodeURIComponent(handle)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: privacyKeys.controls });
      void queryClient.invalidateQueries({ queryKey: privacyKeys.requests });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useClearWatchHistory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ events: number; served: number }>('/api/me/watch-history'),
    // For you starts fresh.
    onSuccess: () => void queryClient.resetQueries({ queryKey: ['feed'] }),
  });
}
