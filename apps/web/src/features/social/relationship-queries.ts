import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { showToast } from '../../ui/toast-store';
import { restoreSnapshot } from '../notes/note-cache';
import { setFollowEverywhere } from './follow-cache';

type FollowResult = { following: boolean; requested?: boolean; followers: number };

const userPath = (handle: string, what: 'follow' | 'block' | 'mute') => `/api/users/${encodeURIComponent(handle)}/${what}`;

/** Follow / unfollow, shown at once everywhere the user appears and undone if it fails. */
export function useFollow() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    // fromNoteId: the note that made someone follow, a strong signal for the recommender.
    // isPrivate: a follow becomes a request the owner answers, so nothing is shown as followed before the server says so.
    mutationFn: ({ handle, follow, fromNoteId }: { handle: string; follow: boolean; fromNoteId?: string; isPrivate?: boolean }) =>
      follow
        ? api.put<FollowResult>(userPath(handle, 'follow'), fromNoteId ? { fromNoteId } : undefined)
        : api.delete<FollowResult>(userPath(handle, 'follow')),
    onMutate: ({ handle, follow, isPrivate }) => ({ snapshot: isPrivate && follow ? [] : setFollowEverywhere(queryClient, handle, follow) }),
    onError: (error, _input, context) => {
      restoreSnapshot(queryClient, context?.snapshot);
      showToast(errorMessage(t, error), 'error');
    },
    onSuccess: (result, { handle, isPrivate }) => {
      setFollowEverywhere(queryClient, handle, result.following, result.followers);
      // "Requested" and a private profile opening up come from the profile itself.
      if (isPrivate || result.requested) void queryClient.invalidateQueries({ queryKey: ['users', handle.toLowerCase()] });
      // A button that did not know the account is private (a search result, a list) says what happened.
      if (result.requested && !isPrivate) showToast(t('privacyControls.requestSent'));
      // "Following" feed depends on who I follow.
      void queryClient.invalidateQueries({ queryKey: ['feed', 'following'] });
    },
  });
}

/** Block or mute (or undo either): both hide the person's notes, so the grids refetch. */
export function useRelationship(kind: 'block' | 'mute') {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ handle, on }: { handle: string; on: boolean }) =>
      on ? api.put<unknown>(userPath(handle, kind)) : api.delete<unknown>(userPath(handle, kind)),
    onSuccess: (_result, { on }) => {
      showToast(t(`social.${kind}${on ? 'ed' : 'Undone'}`));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['notes'] });
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
    onError: (error) => showToast(errorMessage(t, error), 'error'),
  });
}
