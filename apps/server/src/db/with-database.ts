import type { Config } from '../config/config.js';
import { DataDirLock, liveLockHolder } from '../lib/data-dir-lock.js';
import { loadOrCreateLocalSecrets } from '../lib/local-secrets.js';
import { createDb, type Db } from './database.js';
import { EMBEDDED_PG_USER } from './embedded-postgres.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './open-database.js';

/**
 * For command-line tools: runs `work` against the app's database. With the
 * embedded database, a running server's PostgreSQL is reused (its port is in
 * the lock file); otherwise the tool starts it, holding the lock meanwhile.
 */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const holder = config.databaseUrl ? null : liveLockHolder(config.dataDir);
  if (config.databaseUrl || holder?.embeddedPgPort) {
    const url =
      config.databaseUrl ??
      `postgres://${EMBEDDED_PG_USER}:${encodeURIComponent(loadOrCreateLocalSecrets(config.dataDir).embeddedPgPassword)}@127.0.0.1:${holder!.embeddedPgPort}/qiao`;
    const db = createDb(url, 2);
    try {
      await migrateToLatest(db);
      return await work(db);
    } finally {
      await db.destroy();
    }
  }
  const lock = DataDirLock.acquire(config.dataDir);
  try {
    const database = await openDatabase(config, lock, () => {});
    const db = createDb(database.connectionString, 2);
    try {
      await migrateToLatest(db);
      return await work(db);
    } finally {
      await db.destroy();
      await database.close();
    }
  } finally {
    lock.release();
  }
}
