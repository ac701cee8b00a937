import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedPostgresServer } from './embedded-postgres.js';
import { findFreePort } from '../lib/free-port.js';

// Regression: as root, a DATA_DIR made by `mktemp -d` (mode 0700) stopped the
// embedded PostgreSQL with "could not access directory … Permission denied".
const asRoot = process.getuid?.() === 0;

describe.runIf(asRoot)('the embedded PostgreSQL under a private data directory, as root', () => {
  it('starts in a 0700 DATA_DIR, which stays unlistable to others', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-private-'));
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const server = await EmbeddedPostgresServer.start({ directory: path.join(dataDir, 'postgres'), port: await findFreePort(), password: 'test-only' });
    try {
      await server.ensureDatabase('reach_check');
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o701);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says what to do when a directory above DATA_DIR is closed', async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-closed-'));
    try {
      const start = EmbeddedPostgresServer.start({ directory: path.join(closed, 'data', 'postgres'), port: await findFreePort(), password: 'test-only' });
      await expect(start).rejects.toThrow(new RegExp(`cannot pass through ${closed}.*chmod o\\+x`));
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });
});
