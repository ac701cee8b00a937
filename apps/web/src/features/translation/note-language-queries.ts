import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { noteKeys } from '../notes/notes-queries';

/** The author corrects a note's language; null hands it back to detection. */
export function useSetNoteLanguage(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: string | null) => api.put<unknown>(`/api/notes/${encodeURIComponent(noteId)}/language`, { language }),
    onSuccess: () => {
      // The note (language, source) and the cards showing its language label.
      void queryClient.invalidateQueries({ queryKey: noteKeys.detail(noteId) });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}
