import fs from 'node:fs';
import path from 'node:path';

// One Qiao process owns a data directory at a time: two embedded PostgreSQL
// servers on one data directory would corrupt it. The lock file records who
// holds it and the embedded database's port, so tools (npm run admin) can
// reach a running server's database instead of starting a second one.

export interface LockInfo {
  pid: number;
  startedAt: string;
  embeddedPgPort?: number;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Another Qiao process (pid ${holder.pid}, started ${holder.startedAt}) is already using ` +
        `the data directory ${path.dirname(lockPath)}. Stop it first, or set DATA_DIR to a ` +
        `different directory (or PORT and DATA_DIR for a second instance).`,
    );
    this.name = 'DataDirLockedError';
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'qiao.lock'), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** A live holder of the lock, or null when the directory is free (or the lock is stale). */
export function liveLockHolder(dataDir: string): LockInfo | null {
  const info = readLock(dataDir);
  return info && info.pid !== process.pid && isProcessAlive(info.pid) ? info : null;
}

export class DataDirLock {
  private constructor(
    readonly lockPath: string,
    private info: LockInfo,
  ) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const lockPath = path.join(dataDir, 'qiao.lock');
    const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' });
        return new DataDirLock(lockPath, info);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readLock(dataDir);
        if (holder && isProcessAlive(holder.pid)) throw new DataDirLockedError(lockPath, holder);
        // The previous holder died without cleaning up: the lock is stale.
        fs.rmSync(lockPath, { force: true });
      }
    }
    throw new Error(`Could not take the lock ${lockPath}`);
  }

  update(patch: Partial<LockInfo>): void {
    this.info = { ...this.info, ...patch };
    fs.writeFileSync(this.lockPath, JSON.stringify(this.info));
  }

  release(): void {
    const current = readLock(path.dirname(this.lockPath));
    if (current?.pid === process.pid) fs.rmSync(this.lockPath, { force: true });
  }
}
