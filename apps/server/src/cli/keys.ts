import { loadConfig } from '../config/config.js';
import { ConfigError } from '../config/env-values.js';
import { withDatabase } from '../db/with-database.js';
import { DataDirLockedError } from '../lib/data-dir-lock.js';
import { EnvelopeError } from '../lib/envelope-crypto.js';
import { runKeysCommand } from './keys-command.js';

// `npm run keys -- status | rotate`: see keys-command.ts.
try {
  const config = loadConfig();
  process.exitCode = await withDatabase(config, (db) =>
    runKeysCommand(process.argv.slice(2), { config, db, out: (line) => process.stdout.write(`${line}\n`) }),
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof EnvelopeError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else throw error;
}
