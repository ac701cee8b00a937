import { loadConfig } from '../config/config.js';
import { ConfigError } from '../config/env-values.js';
import { withDatabase } from '../db/with-database.js';
import { AppError } from '../lib/errors.js';
import { DataDirLockedError } from '../lib/data-dir-lock.js';
import { setRoleByPhone } from '../modules/admin/admin-service.js';

const USAGE = `Usage:
  npm run admin -- grant <phone>    make the account with this phone number an administrator
  npm run admin -- revoke <phone>   make it an ordinary user again
Phone numbers in international form, e.g. +14155552671.`;

async function main(): Promise<number> {
  const [command, phone, ...rest] = process.argv.slice(2);
  if ((command !== 'grant' && command !== 'revoke') || !phone || rest.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const user = await withDatabase(loadConfig(), (db) => setRoleByPhone(db, phone, command === 'grant' ? 'admin' : 'user'));
    process.stdout.write(
      `${user.phone} (${user.handle ? `@${user.handle}` : 'no handle yet'}) is now ${user.role === 'admin' ? 'an administrator' : 'an ordinary user'}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
