import type { Selectable } from 'kysely';

/** Every device/browser/country combination an account has signed in from: a new one is told to its owner. */
export interface SignInDevicesTable {
  user_id: string;
  /** `device|browser|country`, as parsed from the user agent and the edge's country header. */
  fingerprint: string;
  first_seen_at: Date;
  last_seen_at: Date;
}

export type SignInDeviceRow = Selectable<SignInDevicesTable>;
