import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { NoteCard, Page } from '../notes/note-types';

export type FeedTab = 'foryou' | 'following' | 'topic';

export const feedKeys = {
  all: ['feed'] as const,
  tab: (tab: FeedTab, topic?: string) => ['feed', tab, topic ?? ''] as const,
};

/** The explore grid for one tab, page by page. */
export function useFeed(tab: FeedTab, topic?: string) {
  return useInfiniteQuery({
    queryKey: feedKeys.tab(tab, topic),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<NoteCard>>(withQuery('/api/feed', { tab, topic: tab === 'topic' ? topic : undefined, cursor: pageParam }), signal),
    ...cursorPaging,
    staleTime: 60_000,
  });
}
