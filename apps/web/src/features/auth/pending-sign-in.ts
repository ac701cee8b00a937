import type { CountryCode } from 'libphonenumber-js';
import { isCountryCode } from '../../lib/countries';

/** A code that was sent and not yet used: where it went and when it may be resent. */
export interface PendingSignIn {
  phone: string;
  country: CountryCode;
  /** Epoch ms after which "Resend code" is allowed. */
  resendAt: number;
  /** Epoch ms after which the code is no longer valid. */
  expiresAt: number;
  /** No new code was sent: the server said one went out moments ago (resend_too_soon). */
  earlierCode?: boolean;
}

// Kept in sessionStorage so opening the dev SMS inbox (an in-app route) or reloading
// the page does not throw the person back to the phone screen.
const KEY = 'qiao.pendingSignIn';

export function loadPendingSignIn(now = Date.now()): PendingSignIn | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    if (
      typeof value.phone === 'string' &&
      typeof value.country === 'string' &&
      isCountryCode(value.country) &&
      typeof value.resendAt === 'number' &&
      typeof value.expiresAt === 'number' &&
      value.expiresAt > now
    ) {
      return value as PendingSignIn;
    }
  } catch {
    // Unreadable storage: start over at the phone screen.
  }
  return undefined;
}

export function savePendingSignIn(pending: PendingSignIn | undefined): void {
  try {
    if (pending) sessionStorage.setItem(KEY, JSON.stringify(pending));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the flow still works as long as the page stays open.
  }
}
