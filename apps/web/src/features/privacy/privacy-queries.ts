import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { Page } from '../notes/note-types';

export interface StaffAccess {
  id: string;
  kind: 'phone_revealed' | 'export_opened';
  reason: string;
  createdAt: string;
}

export interface StaffPhone {
  userId: string;
  /** "+1 ••• ••• ••76"; null: the account has no number. */
  masked: string | null;
  /** Only in a reveal's answer. */
  phone?: string | null;
}

export const privacyKeys = {
  staffAccess: ['privacy', 'staff-access'] as const,
  staffPhone: (userId: string) => ['privacy', 'staff-phone', userId] as const,
};

/** Staff accesses to my data, newest first. */
export function useStaffAccess() {
  return useInfiniteQuery({
    queryKey: privacyKeys.staffAccess,
    queryFn: ({ pageParam, signal }) => api.get<Page<StaffAccess>>(withQuery('/api/me/privacy/staff-access', { cursor: pageParam }), signal),
    ...cursorPaging,
  });
}

/** The masked number staff see by default. */
export function useStaffPhone(userId: string) {
  return useQuery({ queryKey: privacyKeys.staffPhone(userId), queryFn: ({ signal }) => api.get<StaffPhone>(`/api/staff/users/${userId}/phone`, signal) });
}

/** Reveals the number for a reason; the answer is kept only in this component's state, never in the query cache. */
export function useRevealPhone(userId: string) {
  return useMutation({ mutationFn: (reason: string) => api.post<StaffPhone>(`/api/staff/users/${userId}/phone/reveal`, { reason }) });
}
