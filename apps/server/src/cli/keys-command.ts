import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import { createVault } from '../kernel/vault/create-vault.js';
import { dataKeyCounts, rewrapDataKeys } from '../kernel/vault/rotate-data-keys.js';
import { addLocalMasterKey } from '../lib/local-secrets.js';
import { encryptLegacyPhones } from '../modules/accounts/legacy-phones.js';

export const KEYS_USAGE = `Usage:
  npm run keys -- status              data keys per master key id, and which one is current
  npm run keys -- rotate [--batch N]  re-wrap every data key under a new master key (no downtime)

With the embedded default (no MASTER_KEY), rotate adds a new master key to
DATA_DIR/secrets.json, makes it current and re-wraps; running servers pick the
new key up by themselves (the old one stays in the file for them meanwhile).
With MASTER_KEY / MASTER_KEYRING, rotate in two steps so every instance can
always unwrap both keys:
  1. add the new key to MASTER_KEYRING on every instance (rolling restart);
  2. set MASTER_KEY (or MASTER_KEY_ID) to the new key everywhere, then run
     \`npm run keys -- rotate\`; \`status\` shows when the old key wraps nothing.`;

/** The `keys` CLI as a function (tests drive it against a live app); returns the exit code. */
export async function runKeysCommand(args: string[], deps: { config: Config; db: Db; out: (line: string) => void }): Promise<number> {
  const { config, db, out } = deps;
  const [command, ...rest] = args;
  const batchFlag = rest.indexOf('--batch');
  const batchSize = batchFlag >= 0 ? Number(rest[batchFlag + 1]) : 500;
  if ((command !== 'status' && command !== 'rotate') || !Number.isInteger(batchSize) || batchSize < 1) {
    out(KEYS_USAGE);
    return 2;
  }
  if (command === 'rotate') {
    const local = config.privacy.masterKeyring === null;
    if (local) out(`New master key ${addLocalMasterKey(config.dataDir)} added to secrets.json and made current.`);
    // A vault made after the new key exists: it wraps with the new one and unwraps with any.
    const vault = createVault(config);
    await encryptLegacyPhones(db, vault, new Date());
    const result = await rewrapDataKeys(db, vault.keys, {
      batchSize,
      onBatch: ({ rewrapped, batch }) => out(`batch ${batch}: ${rewrapped} data keys re-wrapped`),
    });
    out(`Done: ${result.rewrapped} data keys re-wrapped under ${result.currentKeyId}.`);
  }
  const vault = createVault(config);
  const current = await vault.keys.currentKeyId();
  const counts = await dataKeyCounts(db);
  out(`Current master key: ${current}`);
  if (counts.length === 0) out('No data keys yet.');
  for (const { masterKeyId, dataKeys } of counts) out(`  ${masterKeyId}: ${dataKeys} data keys${masterKeyId === current ? ' (current)' : ''}`);
  return 0;
}
