import type { Config } from '../../config/config.js';
import { LocalKeyring, type KeyringState } from '../../lib/key-manager.js';
import { loadOrCreateLocalSecrets } from '../../lib/local-secrets.js';
import { PersonalDataVault } from './personal-data-vault.js';

/** The keyring of DATA_DIR/secrets.json (re-read when a key id is unknown, and every 10 s for wraps). */
export function localKeyringState(dataDir: string): KeyringState {
  const secrets = loadOrCreateLocalSecrets(dataDir);
  return {
    keys: new Map(Object.entries(secrets.masterKeys).map(([id, key]) => [id, Buffer.from(key, 'base64')])),
    currentId: secrets.currentMasterKeyId,
  };
}

/** The vault from config: MASTER_KEY / MASTER_KEYRING and PHONE_INDEX_KEY, else the local secrets file. */
export function createVault(config: Pick<Config, 'privacy' | 'dataDir'>): PersonalDataVault {
  const { masterKeyring, phoneIndexKey } = config.privacy;
  const keys = new LocalKeyring(masterKeyring ? () => masterKeyring : () => localKeyringState(config.dataDir));
  const indexKey = phoneIndexKey ?? Buffer.from(loadOrCreateLocalSecrets(config.dataDir).phoneIndexKey, 'base64');
  return new PersonalDataVault(keys, indexKey);
}
