import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { randomToken } from './tokens.js';

// Secrets a single-machine install needs but nobody should have to invent:
// generated on first start, kept beside the data (mode 600), stable across restarts.
// Files written by older versions lack the newer fields: those are added on the next
// load, and nothing already in the file is ever replaced or dropped (losing a master
// key would make every phone number wrapped under it unreadable).

export interface LocalSecrets {
  secretKey: string;
  embeddedPgPassword: string;
  /** Master keys by id, base64 of 32 bytes; old ones stay so data keys wrapped under them still open. */
  masterKeys: Record<string, string>;
  currentMasterKeyId: string;
  /** Base64 of 32 bytes: the blind index key, separate from the master keys so a rotation never reindexes. */
  phoneIndexKey: string;
}

const FIRST_MASTER_KEY_ID = 'local-1';

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const existing = readSecrets(dataDir);
  if (existing && isComplete(existing)) return existing;
  return underLock(dataDir, () => {
    // Re-read under the lock: another process may have filled the gaps meanwhile.
    const current = readSecrets(dataDir) ?? {};
    const secrets: LocalSecrets = {
      ...current,
      secretKey: current.secretKey ?? randomToken(32),
      embeddedPgPassword: current.embeddedPgPassword ?? randomToken(24),
      masterKeys: current.masterKeys ?? { [FIRST_MASTER_KEY_ID]: randomBytes(32).toString('base64') },
      currentMasterKeyId: current.currentMasterKeyId ?? Object.keys(current.masterKeys ?? { [FIRST_MASTER_KEY_ID]: '' })[0]!,
      phoneIndexKey: current.phoneIndexKey ?? randomBytes(32).toString('base64'),
    };
    writeSecrets(dataDir, secrets);
    return secrets;
  });
}

/** Adds a new master key and makes it current (the first step of `keys rotate`); returns its id. */
export function addLocalMasterKey(dataDir: string): string {
  loadOrCreateLocalSecrets(dataDir);
  return underLock(dataDir, () => {
    const secrets = readSecrets(dataDir) as LocalSecrets;
    const numbers = Object.keys(secrets.masterKeys).map((id) => Number(/^local-(\d+)$/.exec(id)?.[1] ?? 0));
    const id = `local-${Math.max(0, ...numbers) + 1}`;
    writeSecrets(dataDir, { ...secrets, masterKeys: { ...secrets.masterKeys, [id]: randomBytes(32).toString('base64') }, currentMasterKeyId: id });
    return id;
  });
}

function isComplete(secrets: Partial<LocalSecrets>): secrets is LocalSecrets {
  return Boolean(secrets.secretKey && secrets.embeddedPgPassword && secrets.masterKeys && secrets.currentMasterKeyId && secrets.phoneIndexKey);
}

function readSecrets(dataDir: string): Partial<LocalSecrets> | null {
  try {
    return JSON.parse(fs.readFileSync(secretsFile(dataDir), 'utf8')) as Partial<LocalSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Write a temporary file and rename it: a crash mid-write never leaves a truncated secrets.json. */
function writeSecrets(dataDir: string, secrets: LocalSecrets): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const temporary = `${secretsFile(dataDir)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, secretsFile(dataDir));
}

/** An exclusive lock file, so two processes starting at once never generate two different keys. */
function underLock<T>(dataDir: string, work: () => T): T {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = `${secretsFile(dataDir)}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than the deadline belongs to a process that died holding it.
      const stat = fs.statSync(lockFile, { throwIfNoEntry: false });
      if (!stat) continue;
      if (Date.now() - stat.mtimeMs > 10_000 || Date.now() > deadline) fs.rmSync(lockFile, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}
