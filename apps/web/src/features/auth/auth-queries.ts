import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import type { CountryCode } from 'libphonenumber-js';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { api } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';
import { solveChallenge } from '../../lib/proof-of-work';
import { showToast } from '../../ui/toast-store';
import { meKeys, type Me } from '../profile/me-queries';

/** A removeQueries predicate that spares the listed top-level keys. */
function keepOnly(keys: readonly string[]) {
  return (query: Query) => !keys.includes(String(query.queryKey[0]));
}

export interface SendCodeResult {
  phone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export interface VerifyResult {
  user: Me;
  isNewUser: boolean;
  /** The account was waiting for erasure; this sign-in cancelled it. */
  deletionCancelled?: boolean;
}

/** The SMS code was right, and the account also asks for its authenticator app: no session yet. */
export interface TwoFactorRequired {
  twoFactorRequired: true;
  pendingToken: string;
  expiresInSeconds: number;
}

export function needsSecondFactor(result: VerifyResult | TwoFactorRequired): result is TwoFactorRequired {
  return 'twoFactorRequired' in result;
}

/**
 * Sends the code; under unusual sign-in volume the server first asks for a proof of work
 * (428 challenge_required): solved here, with `checking` true meanwhile, and sent once more.
 */
export function useSendCode() {
  const [checking, setChecking] = useState(false);
  const mutation = useMutation({
    mutationFn: async (input: { phone: string; country: CountryCode }) => {
      try {
        return await api.post<SendCodeResult>('/api/auth/code', input);
      } catch (error) {
        if (!isApiError(error, 'challenge_required')) throw error;
        const { challenge, difficulty } = error.extra as { challenge?: string; difficulty?: number };
        if (typeof challenge !== 'string' || typeof difficulty !== 'number') throw error;
        setChecking(true);
        try {
          const solution = await solveChallenge(challenge, difficulty);
          return await api.post<SendCodeResult>('/api/auth/code', { ...input, challenge, solution });
        } finally {
          setChecking(false);
        }
      }
    },
  });
  return { ...mutation, checking };
}

function useSignedIn() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return ({ user, deletionCancelled }: VerifyResult) => {
    if (deletionCancelled) showToast(t('privacyRights.deletion.cancelledBySignIn'), 'info', 10_000);
    // Anything cached while signed out (or as someone else) no longer applies. The me
    // query is updated in place, not removed, so mounted screens see the new account.
    queryClient.removeQueries({ predicate: keepOnly(['meta', 'me']) });
    queryClient.setQueryData(meKeys.me, user);
  };
}

export function useVerifyCode() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { phone: string; code: string }) => api.post<VerifyResult | TwoFactorRequired>('/api/auth/verify', input),
    onSuccess: (result) => {
      if (!needsSecondFactor(result)) signedIn(result);
    },
  });
}

/** The authenticator (or recovery) code that turns a pending sign-in into a session. */
export function useVerifySecondFactor() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: { pendingToken: string; code: string }) => api.post<VerifyResult>('/api/auth/two-factor', input),
    onSuccess: signedIn,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: keepOnly(['meta', 'me']) });
      queryClient.setQueryData(meKeys.me, null);
    },
  });
}
