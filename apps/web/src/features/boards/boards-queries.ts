import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { NoteView } from '../notes/note-types';
import { noteKeys } from '../notes/notes-queries';

export interface Board {
  id: string;
  name: string;
  isPrivate: boolean;
  noteCount: number;
}

export const boardKeys = {
  mine: ['boards'] as const,
};

export function useBoards(enabled = true) {
  return useQuery({
    queryKey: boardKeys.mine,
    queryFn: async ({ signal }) => (await api.get<{ boards: Board[] }>('/api/boards', signal)).boards,
    enabled,
  });
}

export function useCreateBoard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; isPrivate?: boolean }) => api.post<Board>('/api/boards', input),
    onSuccess: (board) => {
      queryClient.setQueryData<Board[]>(boardKeys.mine, (boards) => [...(boards ?? []), board]);
    },
  });
}

interface CollectInput {
  noteId: string;
  /** null (or absent) collects into the default "all" place; false uncollects. */
  boardId: string | null | false;
}

type CollectResult = { collected: boolean; collects: number; boardId?: string | null };

/** Collect into a board (or out of all): the note's star and count change before the answer. */
export function useCollectNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noteId, boardId }: CollectInput) => {
      const path = `/api/notes/${encodeURIComponent(noteId)}/collect`;
      return boardId === false ? api.delete<CollectResult>(path) : api.put<CollectResult>(path, { boardId });
    },
    onMutate: async ({ noteId, boardId }) => {
      const key = noteKeys.detail(noteId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<NoteView>(key);
      if (before?.viewer) {
        const collected = boardId !== false;
        const delta = collected === before.viewer.collected ? 0 : collected ? 1 : -1;
        queryClient.setQueryData<NoteView>(key, {
          ...before,
          counts: { ...before.counts, collects: Math.max(0, before.counts.collects + delta) },
          viewer: { ...before.viewer, collected, boardId: boardId === false ? null : boardId },
        });
      }
      return { before };
    },
    onError: (_error, { noteId }, context) => {
      if (context?.before) queryClient.setQueryData(noteKeys.detail(noteId), context.before);
    },
    onSuccess: (result, { noteId }) => {
      queryClient.setQueryData<NoteView>(noteKeys.detail(noteId), (note) =>
        note?.viewer
          ? {
              ...note,
              counts: { ...note.counts, collects: result.collects },
              viewer: { ...note.viewer, collected: result.collected, boardId: result.boardId ?? null },
            }
          : note,
      );
      void queryClient.invalidateQueries({ queryKey: boardKeys.mine });
    },
  });
}
