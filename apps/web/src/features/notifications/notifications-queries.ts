import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { UserSummary } from '../notes/note-types';

export type NotificationKind =
  | 'like'
  | 'collect'
  | 'comment'
  | 'reply'
  | 'mention'
  | 'follow'
  | 'comment_like'
  // A private account: someone asks to follow me / my request was approved.
  | 'follow_request'
  | 'follow_approved'
  // My account was signed in to from a device, browser or country it never used.
  | 'new_sign_in';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  actors: UserSummary[];
  actorCount: number;
  note: { id: string; title: string } | null;
  comment: { id: string; body: string } | null;
  latestAt: string;
  read: boolean;
  signIn: { device: string | null; browser: string | null; country: string | null } | null;
}

interface NotificationsPage {
  items: NotificationView[];
  cursor: string | null;
  unread: number;
}

export const notificationKeys = {
  list: ['notifications'] as const,
  unread: ['notifications-unread'] as const,
};

export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => api.get<NotificationsPage>(withQuery('/api/notifications', { cursor: pageParam }), signal),
    ...cursorPaging,
    enabled,
  });
}

/** The Messages badge: polled every 30 s and whenever the tab gets focus again. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => (await api.get<{ count: number }>('/api/notifications/unread-count', signal)).count,
    enabled,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/notifications/read'),
    onMutate: () => queryClient.setQueryData(notificationKeys.unread, 0),
  });
}
