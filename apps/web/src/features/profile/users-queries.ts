import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { NoteCard, Page, UserSummary } from '../notes/note-types';

export interface ProfileStats {
  followers: number;
  following: number;
  likesAndCollects: number;
  notes: number;
}

export interface ProfileViewer {
  following: boolean;
  followedBy: boolean;
  blocked: boolean;
  muted: boolean;
  isMe: boolean;
  /** My request to follow this private account waits for its owner. */
  requested?: boolean;
}

export interface PublicUser {
  id: string;
  handle: string;
  displayName: string | null;
  bio: string;
  region: string;
  language: string;
  /** The bio's language (ISO 639-1); null when unknown. */
  bioLanguage?: string | null;
  createdAt: string;
  stats?: ProfileStats;
  viewer?: ProfileViewer | null;
  likesPrivate?: boolean;
  collectsPrivate?: boolean;
  /** suspended: their notes are out of view until it ends. Absent from older servers. */
  status?: 'active' | 'pending' | 'suspended' | 'banned';
  /** Labels the viewer's rulebook shows behind a warning (see WarningGate). */
  warnings?: string[];
  /** A private account: only approved followers see its notes. */
  private?: boolean;
  /** Private and I am not an approved follower: header and counts only. */
  locked?: boolean;
}

export type ProfileTab = 'notes' | 'collects' | 'likes';
export type FollowListKind = 'followers' | 'following';

export const userKeys = {
  all: ['users'] as const,
  byHandle: (handle: string) => ['users', handle.toLowerCase()] as const,
  notes: (handle: string, tab: ProfileTab) => ['users', handle.toLowerCase(), 'notes', tab] as const,
  people: (handle: string, kind: FollowListKind) => ['users', handle.toLowerCase(), 'people', kind] as const,
};

const userPath = (handle: string) => `/api/users/${encodeURIComponent(handle)}`;

export function useUser(handle: string, enabled = true) {
  return useQuery({
    queryKey: userKeys.byHandle(handle),
    queryFn: ({ signal }) => api.get<PublicUser>(userPath(handle), signal),
    enabled: enabled && handle !== '',
  });
}

/** A profile tab's grid: the user's notes, or what they collected or liked. */
export function useUserNotes(handle: string, tab: ProfileTab) {
  return useInfiniteQuery({
    queryKey: userKeys.notes(handle, tab),
    queryFn: ({ pageParam, signal }) => api.get<Page<NoteCard>>(withQuery(`${userPath(handle)}/${tab}`, { cursor: pageParam }), signal),
    ...cursorPaging,
  });
}

export function useFollowList(handle: string, kind: FollowListKind) {
  return useInfiniteQuery({
    queryKey: userKeys.people(handle, kind),
    queryFn: ({ pageParam, signal }) => api.get<Page<UserSummary>>(withQuery(`${userPath(handle)}/${kind}`, { cursor: pageParam }), signal),
    ...cursorPaging,
  });
}
