import path from 'node:path';
import type { Config } from '../config/config.js';
import type { DataDirLock } from '../lib/data-dir-lock.js';
import { findFreePort } from '../lib/free-port.js';
import { loadOrCreateLocalSecrets } from '../lib/local-secrets.js';
import { EmbeddedPostgresServer } from './embedded-postgres.js';

export interface DatabaseHandle {
  connectionString: string;
  /** 'external' when DATABASE_URL is set. */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL under DATA_DIR.
 * The caller must hold the data directory lock for the embedded case.
 */
export async function openDatabase(config: Config, lock: DataDirLock, log: (line: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { connectionString: config.databaseUrl, kind: 'external', close: async () => {} };
  }
  const secrets = loadOrCreateLocalSecrets(config.dataDir);
  const port = config.embeddedPgPort || (await findFreePort());
  const server = await EmbeddedPostgresServer.start({
    directory: path.join(config.dataDir, 'postgres'),
    port,
    password: secrets.embeddedPgPassword,
    onLog: log,
  });
  lock.update({ embeddedPgPort: port });
  return { connectionString: server.connectionString(), kind: 'embedded', close: () => server.stop() };
}
