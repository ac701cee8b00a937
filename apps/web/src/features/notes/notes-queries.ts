import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { NoteView } from './note-types';

export const noteKeys = {
  all: ['notes'] as const,
  detail: (id: string) => ['notes', id] as const,
};

export interface NoteInput {
  title: string;
  body: string;
  imageIds: string[];
  place?: string | null;
  alts?: Record<string, string>;
}

/** A video note: the uploaded video and which of its five preview frames is the cover. */
export interface VideoNoteInput {
  title: string;
  body: string;
  videoId: string;
  /** 0..4, an index into the video's previewUrls. */
  coverFrame?: number;
  place?: string | null;
}

const notePath = (id: string) => `/api/notes/${encodeURIComponent(id)}`;

export function useNote(id: string) {
  return useQuery({
    queryKey: noteKeys.detail(id),
    queryFn: ({ signal }) => api.get<NoteView>(notePath(id), signal),
  });
}

export function useCreateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NoteInput | VideoNoteInput) => api.post<NoteView>('/api/notes', input),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKeys.detail(note.id), note);
      // The author's profile grid and the feeds now have one more note.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}

export function useUpdateNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<NoteInput>) => api.patch<NoteView>(notePath(id), patch),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKeys.detail(id), note);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}

export function useDeleteNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(notePath(id)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: noteKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
  });
}
