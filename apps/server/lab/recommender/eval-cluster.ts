import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/database.js';
import { EmbeddedPostgresServer } from '../../src/db/embedded-postgres.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { findFreePort } from '../../src/lib/free-port.js';

// A throwaway PostgreSQL for an offline run (evaluation, simulation): one
// embedded cluster in a temporary directory, one fresh migrated database per
// seed, everything removed at the end, so a run never touches the app's data.

export interface RunDatabase {
  db: Db;
  close(): Promise<void>;
}

export class EvalCluster {
  private constructor(
    private readonly server: EmbeddedPostgresServer,
    private readonly dir: string,
  ) {}

  static async start(): Promise<EvalCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-rec-eval-'));
    // PostgreSQL runs as the `postgres` user when we are root: it must reach the directory.
    fs.chmodSync(dir, 0o755);
    try {
      const server = await EmbeddedPostgresServer.start({
        directory: path.join(dir, 'cluster'),
        port: await findFreePort(),
        password: randomBytes(12).toString('hex'),
      });
      return new EvalCluster(server, dir);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async openDatabase(label: string): Promise<RunDatabase> {
    const name = `qiao_eval_${label.replace(/[^a-z0-9_]/gi, '_')}_${randomBytes(3).toString('hex')}`.toLowerCase();
    await this.admin(`create database ${name}`);
    const db = createDb(this.server.connectionString(name), 10);
    await migrateToLatest(db);
    return {
      db,
      close: async () => {
        await db.destroy();
        await this.admin(`drop database if exists ${name} with (force)`);
      },
    };
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private async admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.server.connectionString('postgres') });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }
}
