import { loadConfig } from '../config/config.js';
import { withDatabase } from '../db/with-database.js';
import { createVault } from '../kernel/vault/create-vault.js';
import { normalizePhone } from '../modules/accounts/phone-number.js';
import { attachPhone } from '../modules/accounts/users-queries.js';

// For benchmarks and demos: gives seeded accounts (which have no number) a number to
// sign in with, sealed by the app's vault (the database only ever holds ciphertext,
// so a plain `update users set phone` no longer exists). Reads JSON lines from stdin,
// {"userId":"42","phone":"+14155550100"}, and prints how many were attached.

const lines: string[] = [];
for await (const chunk of process.stdin) lines.push(String(chunk));
const pairs = lines
  .join('')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { userId: string; phone: string });
const config = loadConfig();
const vault = createVault(config);
const attached = await withDatabase(config, async (db) => {
  let count = 0;
  for (const pair of pairs) {
    if (await attachPhone(db, vault, pair.userId, normalizePhone(pair.phone).e164, new Date())) count += 1;
    else process.stderr.write(`account ${pair.userId}: already has a number, or the number is taken\n`);
  }
  return count;
});
process.stdout.write(`${attached} of ${pairs.length} accounts got a number\n`);
process.exitCode = attached === pairs.length ? 0 : 1;
