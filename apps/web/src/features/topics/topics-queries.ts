import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { NoteCard, Page } from '../notes/note-types';

export interface TopicStats {
  name: string;
  views: number;
  discussions: number;
  participants: number;
}

export type TopicSort = 'top' | 'latest';

export const topicKeys = {
  all: ['topics'] as const,
  trending: (limit: number) => ['topics', '~trending', limit] as const,
  detail: (name: string) => ['topics', name] as const,
  notes: (name: string, sort: TopicSort) => ['topics', name, 'notes', sort] as const,
};

const topicPath = (name: string) => `/api/topics/${encodeURIComponent(name)}`;

export function useTrendingTopics(limit = 8) {
  return useQuery({
    queryKey: topicKeys.trending(limit),
    queryFn: async ({ signal }) => (await api.get<{ topics: TopicStats[] }>(withQuery('/api/topics/trending', { limit }), signal)).topics,
    staleTime: 5 * 60_000,
  });
}

export function useTopic(name: string) {
  return useQuery({
    queryKey: topicKeys.detail(name),
    queryFn: ({ signal }) => api.get<TopicStats>(topicPath(name), signal),
  });
}

export function useTopicNotes(name: string, sort: TopicSort) {
  return useInfiniteQuery({
    queryKey: topicKeys.notes(name, sort),
    queryFn: ({ pageParam, signal }) => api.get<Page<NoteCard>>(withQuery(`${topicPath(name)}/notes`, { sort, cursor: pageParam }), signal),
    ...cursorPaging,
  });
}
