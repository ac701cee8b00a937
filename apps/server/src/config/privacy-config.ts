import { ConfigError, type Env, int } from './env-values.js';

export interface MasterKeyring {
  keys: Map<string, Buffer>;
  currentId: string;
}

export interface PrivacyConfig {
  /**
   * Master keys from the environment: MASTER_KEY (the current one, id MASTER_KEY_ID)
   * plus MASTER_KEYRING ("id:base64,id:base64", keys still unwrapping older data keys).
   * null: the embedded default, a keyring generated into DATA_DIR/secrets.json.
   */
  masterKeyring: MasterKeyring | null;
  /** PHONE_INDEX_KEY (base64, 32 bytes); null: generated into DATA_DIR/secrets.json. */
  phoneIndexKey: Buffer | null;
  /** Phone numbers one person may look up per day (enumeration is the attack). */
  phoneLookupsPerDay: number;
}

function key32(value: string, name: string): Buffer {
  const bytes = Buffer.from(value.trim(), 'base64');
  if (bytes.length !== 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value.trim())) {
    throw new ConfigError(`${name} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return bytes;
}

export function privacyConfig(env: Env): PrivacyConfig {
  const keys = new Map<string, Buffer>();
  for (const entry of (env.MASTER_KEYRING ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new ConfigError('MASTER_KEYRING must be "id:base64key,id:base64key"');
    keys.set(id, key32(entry.slice(colon + 1), `MASTER_KEYRING key "${id}"`));
  }
  const currentId = env.MASTER_KEY_ID?.trim() || 'env-1';
  if (env.MASTER_KEY) {
    const current = key32(env.MASTER_KEY, 'MASTER_KEY');
    const listed = keys.get(currentId);
    if (listed && !listed.equals(current)) throw new ConfigError(`MASTER_KEY_ID "${currentId}" names a different key in MASTER_KEYRING`);
    keys.set(currentId, current);
  } else if (keys.size > 0 && !keys.has(currentId)) {
    throw new ConfigError(`MASTER_KEY_ID "${currentId}" is not in MASTER_KEYRING (set MASTER_KEY or name one of its ids)`);
  }
  return {
    masterKeyring: keys.size > 0 ? { keys, currentId } : null,
    phoneIndexKey: env.PHONE_INDEX_KEY ? key32(env.PHONE_INDEX_KEY, 'PHONE_INDEX_KEY') : null,
    phoneLookupsPerDay: int(env, 'PHONE_LOOKUPS_PER_DAY', 200, 1),
  };
}
