import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLock, DataDirLockedError } from './data-dir-lock.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-lock-'));

describe('DataDirLock', () => {
  it('refuses a second holder while the first lives, and frees on release', () => {
    const dir = tempDir();
    // Pretend another live process holds it: our parent is alive and is not us.
    fs.writeFileSync(path.join(dir, 'qiao.lock'), JSON.stringify({ pid: process.ppid, startedAt: 'earlier' }));
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    expect(() => DataDirLock.acquire(dir)).toThrow(/already using the data directory/);
    fs.rmSync(path.join(dir, 'qiao.lock'));

    const lock = DataDirLock.acquire(dir);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'qiao.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(path.join(dir, 'qiao.lock'), JSON.stringify({ pid: Number(dead.stdout), startedAt: 'earlier' }));
    const lock = DataDirLock.acquire(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'qiao.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
