import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PhoneCodesTable } from './tables/phone-codes.js';
import type { SessionsTable } from './tables/sessions.js';
import type { UsersTable } from './tables/users.js';

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  phone_codes: PhoneCodesTable;
}

export type Db = Kysely<Database>;

// bigint ids arrive as strings (JS numbers lose precision past 2^53); counts we
// cast explicitly where we need numbers.
export function createDb(connectionString: string, poolSize = 20): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
