import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import { errorMessage } from '../../lib/error-message';
import { showToast } from '../../ui/toast-store';
import type { NoteView, Page } from '../notes/note-types';
import { noteKeys } from '../notes/notes-queries';
import { mapComments, prependComment, type CommentPages } from './comment-cache';
import type { CommentSort, CommentView } from './comment-types';

export const commentKeys = {
  note: (noteId: string) => ['comments', noteId] as const,
  list: (noteId: string, sort: CommentSort) => ['comments', noteId, sort] as const,
  replies: (noteId: string, commentId: string) => ['comments', noteId, '~replies', commentId] as const,
};

export function useComments(noteId: string, sort: CommentSort) {
  return useInfiniteQuery({
    queryKey: commentKeys.list(noteId, sort),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentView>>(withQuery(`/api/notes/${encodeURIComponent(noteId)}/comments`, { sort, cursor: pageParam }), signal),
    ...cursorPaging,
  });
}

/** More replies than the two shown inline; loaded only when asked for. */
export function useReplies(noteId: string, commentId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: commentKeys.replies(noteId, commentId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentView>>(withQuery(`/api/comments/${encodeURIComponent(commentId)}/replies`, { cursor: pageParam }), signal),
    ...cursorPaging,
    enabled,
  });
}

/** Applies `fn` to every cached comment list of a note (both sorts and all reply lists). */
function updateLists(queryClient: QueryClient, noteId: string, fn: (data: CommentPages | undefined, key: readonly unknown[]) => CommentPages | undefined) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: commentKeys.note(noteId) })) {
    const before = query.state.data as CommentPages | undefined;
    const after = fn(before, query.queryKey);
    if (after !== before) queryClient.setQueryData(query.queryKey, after);
  }
}

function bumpNoteComments(queryClient: QueryClient, noteId: string, delta: number) {
  queryClient.setQueryData<NoteView>(noteKeys.detail(noteId), (note) =>
    note ? { ...note, counts: { ...note.counts, comments: Math.max(0, note.counts.comments + delta) } } : note,
  );
}

export function useCreateComment(noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; parentId?: string }) => api.post<CommentView>(`/api/notes/${encodeURIComponent(noteId)}/comments`, input),
    onSuccess: (comment) => {
      bumpNoteComments(queryClient, noteId, 1);
      const parentId = comment.parentId;
      if (!parentId) {
        updateLists(queryClient, noteId, (data, key) => (key[2] === '~replies' ? data : prependComment(data, comment)));
        return;
      }
      updateLists(queryClient, noteId, (data, key) => {
        if (key[2] === '~replies') {
          if (key[3] !== parentId || !data) return data;
          const last = data.pages[data.pages.length - 1];
          // Only append once the whole reply list is loaded; otherwise paging brings it.
          return last && last.cursor === null ? { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }] } : data;
        }
        return mapComments(data, (c) => (c.id === parentId ? { ...c, replyCount: c.replyCount + 1, replies: [...(c.replies ?? []), comment] } : c));
      });
    },
  });
}

export function useDeleteComment(noteId: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (comment: CommentView) => api.delete(`/api/comments/${encodeURIComponent(comment.id)}`),
    onSuccess: (_result, comment) => {
      bumpNoteComments(queryClient, noteId, -(1 + (comment.parentId ? 0 : comment.replyCount)));
      updateLists(queryClient, noteId, (data) =>
        mapComments(data, (c) => {
          if (c.id === comment.id) return null;
          if (c.id === comment.parentId) return { ...c, replyCount: Math.max(0, c.replyCount - 1) };
          return c;
        }),
      );
      showToast(t('comments.deleted'));
    },
    onError: (error) => showToast(errorMessage(t, error), 'error'),
  });
}

export function useLikeComment(noteId: string) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const apply = (id: string, liked: boolean, likes: number) =>
    updateLists(queryClient, noteId, (data) =>
      mapComments(data, (c) => (c.id === id ? { ...c, likes, viewer: c.viewer ? { ...c.viewer, liked } : c.viewer } : c)),
    );
  return useMutation({
    mutationFn: ({ comment, like }: { comment: CommentView; like: boolean }) => {
      const path = `/api/comments/${encodeURIComponent(comment.id)}/like`;
      return like ? api.put<{ liked: boolean; likes: number }>(path) : api.delete<{ liked: boolean; likes: number }>(path);
    },
    onMutate: ({ comment, like }) => {
      apply(comment.id, like, Math.max(0, comment.likes + (like ? 1 : -1)));
    },
    onError: (error, { comment }) => {
      apply(comment.id, comment.viewer?.liked ?? false, comment.likes);
      showToast(errorMessage(t, error), 'error');
    },
    onSuccess: (result, { comment }) => apply(comment.id, result.liked, result.likes),
  });
}
