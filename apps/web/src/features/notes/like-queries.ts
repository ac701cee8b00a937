import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { showToast } from '../../ui/toast-store';
import { restoreSnapshot, setLikeEverywhere, type LikeState } from './note-cache';

interface LikeInput {
  noteId: string;
  /** The state the user wants; `likes` is the count before the tap. */
  like: boolean;
  likes: number;
}

/** Like / unlike a note: every card and the note page change at once, and roll back on failure. */
export function useLikeNote() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ noteId, like }: LikeInput) => {
      const path = `/api/notes/${encodeURIComponent(noteId)}/like`;
      return like ? api.put<LikeState>(path) : api.delete<LikeState>(path);
    },
    onMutate: ({ noteId, like, likes }) => {
      const optimistic = { liked: like, likes: Math.max(0, likes + (like ? 1 : -1)) };
      return { snapshot: setLikeEverywhere(queryClient, noteId, optimistic) };
    },
    onError: (error, _input, context) => {
      restoreSnapshot(queryClient, context?.snapshot);
      showToast(errorMessage(t, error), 'error');
    },
    onSuccess: (result, { noteId }) => {
      setLikeEverywhere(queryClient, noteId, result);
    },
  });
}
