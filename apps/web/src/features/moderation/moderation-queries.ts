import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { cursorPaging, withQuery } from '../../lib/cursor-paging';
import type { Page } from '../notes/note-types';
import type { Appeal, Subject } from '../reports/report-types';
import type { ActionInput, AppealQueueItem, CaseDetail, ModerationAction, ModerationPolicy, QueueItem, QueueKind } from './moderation-types';

export const moderationKeys = {
  all: ['moderation'] as const,
  policy: ['moderation', 'policy'] as const,
  queues: ['moderation', 'queue'] as const,
  queue: (kind: QueueKind) => ['moderation', 'queue', kind] as const,
  caseDetail: (id: string, language: string) => ['moderation', 'case', id, language] as const,
  cases: ['moderation', 'case'] as const,
  appeals: ['moderation', 'appeals'] as const,
};

const casePath = (id: string) => `/api/moderation/cases/${encodeURIComponent(id)}`;

/** Labels, rulebooks and rules: they change only when the operator redeploys. */
export function useModerationPolicy() {
  return useQuery({
    queryKey: moderationKeys.policy,
    queryFn: ({ signal }) => api.get<ModerationPolicy>('/api/moderation/policy', signal),
    staleTime: 10 * 60_000,
  });
}

/** One queue in the server's order (severity, then reports, then spread). */
export function useModerationQueue(kind: QueueKind) {
  return useInfiniteQuery({
    queryKey: moderationKeys.queue(kind),
    queryFn: ({ pageParam, signal }) => api.get<Page<QueueItem>>(withQuery('/api/moderation/queue', { kind, cursor: pageParam }), signal),
    ...cursorPaging,
    // A queue is shared work: show what colleagues claimed and decided meanwhile.
    refetchInterval: 30_000,
  });
}

/** A case with the item translated into `language` (the moderator's UI language). */
export function useCase(id: string, language: string) {
  return useQuery({
    queryKey: moderationKeys.caseDetail(id, language),
    queryFn: ({ signal }) => api.get<CaseDetail>(withQuery(casePath(id), { translate: language }), signal),
    enabled: id !== '',
  });
}

/** Claim (or release) a case so two moderators do not work on it at once. */
export function useClaimCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (claim: boolean): Promise<void> => {
      if (claim) await api.post<QueueItem>(`${casePath(id)}/claim`);
      else await api.delete(`${casePath(id)}/claim`);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: moderationKeys.cases });
      void queryClient.invalidateQueries({ queryKey: moderationKeys.queues });
    },
  });
}

export function useActOnCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => api.post<ModerationAction>(`${casePath(id)}/actions`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: moderationKeys.all });
      // The item looks different to readers now: feeds, the note and profiles are stale.
      for (const key of ['feed', 'notes', 'users', 'search', 'topics']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Open appeals, oldest first; the server leaves out those on my own decisions. */
export function useAppealsQueue() {
  return useInfiniteQuery({
    queryKey: moderationKeys.appeals,
    queryFn: ({ pageParam, signal }) => api.get<Page<AppealQueueItem>>(withQuery('/api/moderation/appeals', { cursor: pageParam }), signal),
    ...cursorPaging,
  });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, outcome, reason }: { appealId: string; outcome: 'upheld' | 'rejected'; reason: string }) =>
      api.post<Appeal>(`/api/moderation/appeals/${encodeURIComponent(appealId)}/decision`, { outcome, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: moderationKeys.appeals });
      for (const key of ['feed', 'notes', 'users', 'search', 'topics']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** A moderator's own finding: opens a case on any item (or returns its open one). */
export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: Subject) => api.post<QueueItem>('/api/moderation/cases', { subject }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.queues }),
  });
}
