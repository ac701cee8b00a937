import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { meKeys } from '../profile/me-queries';

// Download my data and delete my account (server: modules/privacy).

export interface DataExport {
  id: string;
  state: 'queued' | 'building' | 'ready' | 'failed';
  progress: number;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
  sizeBytes: number | null;
  downloadUrl: string | null;
  nextAllowedAt: string;
}

export interface DeletionState {
  scheduled: boolean;
  requestedAt: string | null;
  eraseAfter: string | null;
}

export const privacyRightsKeys = {
  export: ['data-export'] as const,
  deletion: ['account-deletion'] as const,
};

export function useDataExport() {
  return useQuery({
    queryKey: privacyRightsKeys.export,
    queryFn: async ({ signal }) => (await api.get<{ export: DataExport | null }>('/api/me/exports', signal)).export,
    // The job writes its progress as it goes: poll while it runs.
    refetchInterval: (query) => (query.state.data && (query.state.data.state === 'queued' || query.state.data.state === 'building') ? 1500 : false),
  });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ export: DataExport }>('/api/me/exports'),
    onSuccess: (result) => queryClient.setQueryData(privacyRightsKeys.export, result.export),
  });
}

export function useDeletionState() {
  return useQuery({
    queryKey: privacyRightsKeys.deletion,
    queryFn: ({ signal }) => api.get<DeletionState>('/api/me/deletion', signal),
  });
}

export function useSendDeletionCode() {
  return useMutation({
    mutationFn: () => api.post<{ expiresInSeconds: number; resendAfterSeconds: number }>('/api/me/deletion/code'),
  });
}

export function useConfirmDeletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<DeletionState>('/api/me/deletion', { code }),
    onSuccess: () => {
      // Every session ended, this one too: the app is signed out now.
      queryClient.removeQueries({ predicate: (query) => !['meta', 'me'].includes(String(query.queryKey[0])) });
      queryClient.setQueryData(meKeys.me, null);
    },
  });
}

export function useCancelDeletion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/me/deletion'),
    onSuccess: () => queryClient.setQueryData<DeletionState>(privacyRightsKeys.deletion, { scheduled: false, requestedAt: null, eraseAfter: null }),
  });
}
