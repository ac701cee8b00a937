import type { TFunction } from 'i18next';
import { ApiError, UNKNOWN_ERROR } from './api-error';

/**
 * The user's-language message for a failed request, chosen by the server's error code
 * (never its English message), with the numbers some codes carry.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown_error');
  const seconds = error.retryAfter;
  switch (error.code) {
    case 'rate_limited':
    case 'resend_too_soon':
      return seconds === undefined ? t('errors.rate_limited_later') : t(`errors.${error.code}`, { seconds });
    case 'region_change_too_soon': {
      // retryAfter is seconds; people think of this wait in days.
      if (seconds === undefined) return t('errors.region_change_too_soon');
      return t('errors.region_change_too_soon_days', { count: Math.max(1, Math.ceil(seconds / 86_400)) });
    }
    case 'code_invalid': {
      const attemptsLeft = error.extra.attemptsLeft;
      return typeof attemptsLeft === 'number' ? t('errors.code_invalid', { attemptsLeft }) : t('errors.code_invalid_plain');
    }
    default: {
      const key = `errors.${error.code}`;
      const fallback = error.status >= 500 ? 'errors.server_error' : `errors.${UNKNOWN_ERROR}`;
      // An unknown code falls back to a generic message rather than showing a raw key.
      return t(key, { defaultValue: t(fallback) });
    }
  }
}
