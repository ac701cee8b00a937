import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { showToast } from '../../ui/toast-store';
import { dismissNote, restoreNote } from './dismissed-notes';

const notePath = (noteId: string, what: 'not-interested' | 'report') => `/api/notes/${encodeURIComponent(noteId)}/${what}`;

/**
 * "Not interested": the note leaves the screen at once, the server hears it, and a
 * toast offers Undo (which puts the note back and withdraws the signal).
 */
export function useNotInterested() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A plain call, not a mutation hook: the sheet that asked is long gone when Undo is pressed.
  const undo = (noteId: string) => {
    restoreNote(noteId);
    api.delete(notePath(noteId, 'not-interested')).catch((error: unknown) => {
      dismissNote(noteId);
      showToast(errorMessage(t, error), 'error');
    });
  };
  return useMutation({
    mutationFn: (noteId: string) => api.post(notePath(noteId, 'not-interested')),
    onMutate: (noteId) => dismissNote(noteId),
    onSuccess: (_result, noteId) => {
      showToast(t('recommendations.notInterestedDone'), 'info', 6000, {
        label: t('recommendations.undo'),
        onAction: () => undo(noteId),
      });
      // The next For-you pages are worked out without this note's kind.
      void queryClient.invalidateQueries({ queryKey: ['feed'], refetchType: 'none' });
    },
    onError: (error, noteId) => {
      restoreNote(noteId);
      showToast(errorMessage(t, error), 'error');
    },
  });
}
