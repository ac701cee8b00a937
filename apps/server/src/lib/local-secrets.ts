import fs from 'node:fs';
import path from 'node:path';
import { randomToken } from './tokens.js';

// Secrets a single-machine install needs but nobody should have to invent:
// generated on first start, kept beside the data (mode 600), stable across restarts.

export interface LocalSecrets {
  secretKey: string;
  embeddedPgPassword: string;
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LocalSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = { secretKey: randomToken(32), embeddedPgPassword: randomToken(24) };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}
