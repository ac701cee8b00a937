import type { ColumnType } from 'kysely';

/**
 * One random AES-256 data key per person, stored only wrapped under a master key.
 * Deleting this row (or the user, by cascade) destroys the key: every ciphertext
 * sealed with it, in the database and in every backup, becomes unreadable.
 */
export interface UserDataKeysTable {
  user_id: string;
  /** The data key sealed with AES-256-GCM under the master key `master_key_id` (format byte first). */
  wrapped_key: Buffer;
  master_key_id: string;
  created_at: ColumnType<Date, Date, never>;
  /** Last re-wrap by `keys rotate`; null when never rotated. */
  rewrapped_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
