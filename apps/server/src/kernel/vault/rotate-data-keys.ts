import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { KeyManager } from '../../lib/key-manager.js';

export interface RotationProgress {
  rewrapped: number;
  batch: number;
}

/**
 * Re-wraps every data key not under the current master key, in short transactions
 * of `batchSize` rows, so sign-ins keep running meanwhile: rows are locked only for
 * their batch (`skip locked` lets a second rotation or a busy row wait for the next
 * pass), and readers unwrap either version because the keyring keeps the old key.
 * Loops until a pass finds nothing left, which also catches keys that servers still
 * on the old current key wrapped during the rotation.
 */
export async function rewrapDataKeys(
  db: Db,
  keys: KeyManager,
  options: { batchSize?: number; now?: () => Date; onBatch?: (progress: RotationProgress) => void } = {},
): Promise<{ rewrapped: number; currentKeyId: string }> {
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  let rewrapped = 0;
  let batch = 0;
  const currentKeyId = await keys.currentKeyId();
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('user_data_keys')
        .select(['user_id', 'wrapped_key', 'master_key_id'])
        .where('master_key_id', '<>', currentKeyId)
        .orderBy('user_id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of rows) {
        const context = `user:${row.user_id}`;
        const dataKey = await keys.unwrap(row.master_key_id, row.wrapped_key, context);
        const { keyId, wrapped } = await keys.wrap(dataKey, context);
        await trx
          .updateTable('user_data_keys')
          .set({ wrapped_key: wrapped, master_key_id: keyId, rewrapped_at: now() })
          .where('user_id', '=', row.user_id)
          .execute();
      }
      return rows.length;
    });
    if (done === 0) return { rewrapped, currentKeyId };
    rewrapped += done;
    batch += 1;
    options.onBatch?.({ rewrapped, batch });
  }
}

/** How many data keys each master key wraps (a retired key can go once its count is 0). */
export async function dataKeyCounts(db: Db): Promise<Array<{ masterKeyId: string; dataKeys: number }>> {
  const rows = await db
    .selectFrom('user_data_keys')
    .select(['master_key_id', sql<number>`count(*)::int`.as('count')])
    .groupBy('master_key_id')
    .orderBy('master_key_id')
    .execute();
  return rows.map((row) => ({ masterKeyId: row.master_key_id, dataKeys: row.count }));
}
