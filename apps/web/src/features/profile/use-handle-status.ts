import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useHandleAvailability } from './handle-queries';
import { isHandleFormatValid, sameHandle } from './handle-rules';

export type HandleState = 'empty' | 'invalid' | 'current' | 'checking' | 'available' | 'unavailable' | 'unknown';

export interface HandleStatus {
  state: HandleState;
  message: string | undefined;
  tone: 'neutral' | 'ok' | 'error';
}

/**
 * The live status of a handle being typed: checked locally first, then (debounced) with
 * the server. Only a hint: PATCH /api/me has the final word.
 */
export function useHandleStatus(handle: string, currentHandle?: string | null): HandleStatus {
  const { t } = useTranslation();
  const debounced = useDebouncedValue(handle, 350);
  const formatOk = isHandleFormatValid(handle);
  const isCurrent = sameHandle(handle, currentHandle);
  const shouldCheck = formatOk && !isCurrent && debounced === handle;
  const availability = useHandleAvailability(shouldCheck ? handle : undefined);

  if (!handle) return { state: 'empty', message: t('onboarding.handleHint'), tone: 'neutral' };
  if (!formatOk) return { state: 'invalid', message: t('onboarding.handleInvalid'), tone: 'error' };
  if (isCurrent) return { state: 'current', message: t('onboarding.handleCurrent'), tone: 'ok' };
  if (!shouldCheck || availability.isPending) {
    return { state: 'checking', message: t('onboarding.handleChecking'), tone: 'neutral' };
  }
  if (availability.isError || !availability.data) return { state: 'unknown', message: t('onboarding.handleHint'), tone: 'neutral' };
  const { available, reason } = availability.data;
  if (available) return { state: 'available', message: t('onboarding.handleAvailable', { handle }), tone: 'ok' };
  const message =
    reason === 'reserved' ? t('onboarding.handleReserved') : reason === 'invalid' ? t('onboarding.handleInvalid') : t('onboarding.handleTaken', { handle });
  return { state: 'unavailable', message, tone: 'error' };
}
