import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export const twoFactorKeys = { status: ['two-factor'] as const };

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: twoFactorKeys.status,
    queryFn: ({ signal }) => api.get<TwoFactorStatus>('/api/me/two-factor', signal),
  });
}

export function useStartTwoFactorSetup() {
  return useMutation({ mutationFn: () => api.post<TwoFactorSetup>('/api/me/two-factor/setup') });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/two-factor/confirm', { code }),
    onSuccess: ({ recoveryCodes }) =>
      queryClient.setQueryData<TwoFactorStatus>(twoFactorKeys.status, { enabled: true, recoveryCodesLeft: recoveryCodes.length }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<void>('/api/me/two-factor/disable', { code }),
    onSuccess: () => queryClient.setQueryData<TwoFactorStatus>(twoFactorKeys.status, { enabled: false, recoveryCodesLeft: 0 }),
  });
}
