import { createHmac } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { newKey, open, seal } from '../../lib/envelope-crypto.js';
import type { KeyManager } from '../../lib/key-manager.js';

// Envelope encryption of personal data, with no knowledge of which data: callers
// name the field ("users.phone") and the owner. Each person has one data key; the
// database holds it only wrapped by a master key (KeyManager), so a copy of the
// database alone reveals nothing, and destroying the key row shreds the data.

export interface NewDataKey {
  userId: string;
  dataKey: Buffer;
  keyId: string;
  wrapped: Buffer;
}

export class PersonalDataVault {
  constructor(
    readonly keys: KeyManager,
    private readonly indexKey: Buffer,
  ) {}

  /**
   * A keyed HMAC-SHA256 of a normalised value: equal values give equal indexes, so a
   * unique index and look-ups work, while without the index key the table cannot be
   * matched against a list of candidate numbers. The key is not a master key: rotating
   * master keys never touches indexes.
   */
  blindIndex(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.indexKey).update(`${purpose}\u0000${value}`).digest();
  }

  /** A data key for a user row about to be written: seal with `dataKey`, insert the user, then `storeDataKey`. */
  async newDataKey(userId: string): Promise<NewDataKey> {
    const dataKey = newKey();
    const { keyId, wrapped } = await this.keys.wrap(dataKey, `user:${userId}`);
    return { userId, dataKey, keyId, wrapped };
  }

  async storeDataKey(db: Db, key: NewDataKey, now: Date): Promise<void> {
    await db.insertInto('user_data_keys').values({ user_id: key.userId, wrapped_key: key.wrapped, master_key_id: key.keyId, created_at: now }).execute();
  }

  /** The user's data key, or null when it was destroyed (or never made). */
  async dataKey(db: Db, userId: string): Promise<Buffer | null> {
    const row = await db.selectFrom('user_data_keys').select(['wrapped_key', 'master_key_id']).where('user_id', '=', userId).executeTakeFirst();
    return row ? this.keys.unwrap(row.master_key_id, row.wrapped_key, `user:${userId}`) : null;
  }

  /** The existing data key, or a new one stored now (converting rows written before encryption). */
  async ensureDataKey(db: Db, userId: string, now: Date): Promise<Buffer> {
    const existing = await this.dataKey(db, userId);
    if (existing) return existing;
    const created = await this.newDataKey(userId);
    await this.storeDataKey(db, created, now);
    return created.dataKey;
  }

  seal(dataKey: Buffer, userId: string, field: string, plaintext: string): Buffer {
    return seal(dataKey, Buffer.from(plaintext, 'utf8'), `${field}:${userId}`);
  }

  open(dataKey: Buffer, userId: string, field: string, box: Buffer): string {
    return open(dataKey, box, `${field}:${userId}`).toString('utf8');
  }

  /** Decrypts one field of one user; null when their data key is gone (crypto-shredded). */
  async openField(db: Db, userId: string, field: string, box: Buffer | null): Promise<string | null> {
    if (!box) return null;
    const dataKey = await this.dataKey(db, userId);
    return dataKey ? this.open(dataKey, userId, field, box) : null;
  }
}

/**
 * Crypto-shredding: destroys a person's data key, after which nothing sealed with it
 * (in this database or any backup of it) can be decrypted. Deleting the user row does
 * the same by cascade; account deletion calls this first so the key is gone even if
 * erasing the rest takes longer. Returns whether a key existed.
 */
export async function destroyDataKey(db: Db, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('user_data_keys').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
