import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { NoteCard, Page, UserSummary } from '../notes/note-types';

export type SearchType = 'all' | 'notes' | 'users' | 'topics';

export interface SearchResult {
  notes: NoteCard[];
  users: UserSummary[];
  topics: { name: string; views: number; discussions: number }[];
  cursor: string | null;
}

export interface Suggestion {
  type: 'topic' | 'user' | 'query';
  text: string;
  handle?: string;
}

export const searchKeys = {
  results: (q: string, type: SearchType) => ['search', q, type] as const,
  suggest: (q: string) => ['search-suggest', q] as const,
};

export function useSearch(q: string, type: SearchType) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(q, type),
    queryFn: ({ pageParam, signal }) => api.get<SearchResult>(withQuery('/api/search', { q, type, cursor: pageParam }), signal),
    ...cursorPaging,
    enabled: q.trim() !== '',
    staleTime: 60_000,
  });
}

/** The note results as pages of cards, so the masonry grid can page through them. */
export function useSearchNotes(q: string) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(q, 'notes'),
    queryFn: ({ pageParam, signal }) => api.get<SearchResult>(withQuery('/api/search', { q, type: 'notes', cursor: pageParam }), signal),
    ...cursorPaging,
    enabled: q.trim() !== '',
    staleTime: 60_000,
    select: (data): InfiniteData<Page<NoteCard>> => ({
      pageParams: data.pageParams,
      pages: data.pages.map((page) => ({ items: page.notes, cursor: page.cursor })),
    }),
  });
}

/** As-you-type suggestions; the caller debounces `q`. */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: searchKeys.suggest(q),
    queryFn: async ({ signal }) => (await api.get<{ suggestions: Suggestion[] }>(withQuery('/api/search/suggest', { q }), signal)).suggestions,
    enabled: q.trim() !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
