import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { Page } from '../notes/note-types';
import type { Report, ReportInput } from './report-types';

export const reportKeys = {
  all: ['reports'] as const,
  mine: ['reports', 'mine'] as const,
};

/** My reports, newest first, with what became of them. */
export function useMyReports(enabled = true) {
  return useInfiniteQuery({
    queryKey: reportKeys.mine,
    queryFn: ({ pageParam, signal }) => api.get<Page<Report>>(withQuery('/api/me/reports', { cursor: pageParam }), signal),
    ...cursorPaging,
    enabled,
  });
}

/** Files a report (the server answers 200 with my open report when I already reported the item). */
export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => api.post<Report>('/api/reports', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.mine }),
  });
}
