import { loadConfig } from '../config/config.js';
import { ConfigError } from '../config/env-values.js';
import { withDatabase } from '../db/with-database.js';
import { createVault } from '../kernel/vault/create-vault.js';
import { AppError } from '../lib/errors.js';
import { DataDirLockedError } from '../lib/data-dir-lock.js';
import { encryptLegacyPhones } from '../modules/accounts/legacy-phones.js';
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
    const config = loadConfig();
    const vault = createVault(config);
    const user = await withDatabase(config, async (db) => {
      // Numbers stored before encryption are found by blind index only once sealed.
      await encryptLegacyPhones(db, vault, new Date());
      return setRoleByPhone(db, vault, phone, command === 'grant' ? 'admin' : 'user');
    });
    // The operator typed the number; the output names the account by id and handle only.
    process.stdout.write(
      `Account ${user.id} (${user.handle ? `@${user.handle}` : 'no handle yet'}) is now ${user.role === 'admin' ? 'an administrator' : 'an ordinary user'}.\n`,
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
