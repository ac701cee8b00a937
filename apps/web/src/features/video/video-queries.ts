import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { NoteView, Page, VideoRendition } from '../notes/note-types';
import { noteKeys } from '../notes/notes-queries';

/** An uploaded video as the processing pipeline reports it (GET /api/videos/:id). */
export interface VideoStatusView {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  /** 0..1 */
  progress: number;
  error: { code: string; message: string } | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  posterUrl: string | null;
  /** Five frames to choose the cover from, in order. */
  previewUrls: string[];
  hlsUrl: string | null;
  renditions: VideoRendition[];
}

export const videoKeys = {
  feed: ['feed', 'videos'] as const,
  status: (id: string) => ['videos', id] as const,
};

const PAGE_SIZE = 5;
const POLL_MS = 1500;

/** The swipe feed: ready video notes, five at a time. Under ['feed'] so a new note refreshes it. */
export function useVideoFeed() {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: videoKeys.feed,
    queryFn: async ({ pageParam, signal }) => {
      const page = await api.get<Page<NoteView>>(withQuery('/api/feed/videos', { cursor: pageParam, limit: PAGE_SIZE }), signal);
      // Each note also lives under its own key, where likes, collects, comments and follows
      // already update it; the feed items read from there, so every existing action just works.
      for (const note of page.items) {
        if (!queryClient.getQueryData(noteKeys.detail(note.id))) queryClient.setQueryData(noteKeys.detail(note.id), note);
      }
      return page;
    },
    ...cursorPaging,
    staleTime: 5 * 60_000,
    // Refetching every loaded page would reshuffle what is under the user's thumb.
    refetchOnWindowFocus: false,
  });
}

/** A note seeded by the feed: the live cached copy, falling back to the page's copy. */
export function useFeedNote(seed: NoteView): NoteView {
  const query = useQuery({
    queryKey: noteKeys.detail(seed.id),
    queryFn: ({ signal }) => api.get<NoteView>(`/api/notes/${encodeURIComponent(seed.id)}`, signal),
    initialData: seed,
    staleTime: 5 * 60_000,
  });
  return query.data;
}

/** An uploaded video's processing state, polled while the server is still working on it. */
export function useVideoStatus(id: string | undefined) {
  return useQuery({
    queryKey: videoKeys.status(id ?? ''),
    queryFn: ({ signal }) => api.get<VideoStatusView>(`/api/videos/${encodeURIComponent(id ?? '')}`, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'processing' || !query.state.data ? POLL_MS : false),
    // Keep polling through a hidden tab: the author often switches apps while it processes.
    refetchIntervalInBackground: true,
    retry: 3,
  });
}
