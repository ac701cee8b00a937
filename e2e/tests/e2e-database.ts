import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Reads the e2e server's own database (the embedded PostgreSQL under its data directory). */
export async function queryServerDatabase<R>(text: string, values: unknown[] = []): Promise<R[]> {
  const dataDir = path.join(os.tmpdir(), `qiao-e2e-${process.env.E2E_PORT ?? '3210'}`);
  const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'qiao.lock'), 'utf8')) as { embeddedPgPort: number };
  const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { embeddedPgPassword: string };
  const client = new pg.Client({
    connectionString: `postgres://qiao:${encodeURIComponent(secrets.embeddedPgPassword)}@127.0.0.1:${lock.embeddedPgPort}/qiao`,
  });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as R[];
  } finally {
    await client.end();
  }
}
