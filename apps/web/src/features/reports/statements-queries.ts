import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { Page } from '../notes/note-types';
import type { Appeal, Statement } from './report-types';

export const statementKeys = {
  all: ['statements'] as const,
  mine: ['statements', 'mine'] as const,
  detail: (id: string) => ['statements', 'detail', id] as const,
};

const statementPath = (id: string) => `/api/me/statements/${encodeURIComponent(id)}`;

/** Decisions about my content or account, newest first. */
export function useMyStatements(enabled = true) {
  return useInfiniteQuery({
    queryKey: statementKeys.mine,
    queryFn: ({ pageParam, signal }) => api.get<Page<Statement>>(withQuery('/api/me/statements', { cursor: pageParam }), signal),
    ...cursorPaging,
    enabled,
  });
}

export function useStatement(id: string) {
  return useQuery({
    queryKey: statementKeys.detail(id),
    queryFn: ({ signal }) => api.get<Statement>(statementPath(id), signal),
    enabled: id !== '',
  });
}

/** One appeal per statement, within its deadline; another moderator decides it. */
export function useAppeal(statementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<Appeal>(`${statementPath(statementId)}/appeal`, { text }),
    onSuccess: (appeal) => {
      queryClient.setQueryData<Statement>(statementKeys.detail(statementId), (statement) => (statement ? { ...statement, appeal } : statement));
      void queryClient.invalidateQueries({ queryKey: statementKeys.mine });
    },
  });
}
