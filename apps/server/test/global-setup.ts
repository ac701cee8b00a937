import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgresServer } from '../src/db/embedded-postgres.js';
import { findFreePort } from '../src/lib/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection to the test cluster's `postgres` database. */
    adminDatabaseUrl: string;
    /** The embedded cluster's data directory, '' when TEST_DATABASE_URL points elsewhere. */
    clusterDirectory: string;
  }
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given, else an
 * embedded server in a temporary directory. Each test file makes its own
 * database in it (test/test-database.ts), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    project.provide('clusterDirectory', '');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-test-pg-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must reach the directory.
  fs.chmodSync(dir, 0o755);
  const server = await EmbeddedPostgresServer.start({
    directory: path.join(dir, 'cluster'),
    port: await findFreePort(),
    password: 'test-only-password',
  });
  project.provide('adminDatabaseUrl', server.connectionString('postgres'));
  project.provide('clusterDirectory', path.join(dir, 'cluster'));
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
