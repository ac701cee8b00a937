import fs from 'node:fs';
import path from 'node:path';

// As root, the embedded PostgreSQL runs as the system user `postgres` (PostgreSQL
// refuses to run as root), which owns its cluster but nothing above it. It must
// be able to pass through every directory on the way there. `mktemp -d` makes a
// DATA_DIR with mode 0700 that it cannot pass, and initdb then fails with a bare
// "Permission denied".

/**
 * Lets the postgres user through the data directory (o+x: it may traverse, not
 * list or read, what is inside), and refuses with a message that says what to do
 * when a directory above it, not ours to change, is closed.
 */
export function letPostgresUserReach(dataDir: string, log?: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const own = fs.statSync(dataDir);
  if ((own.mode & 0o001) === 0) {
    fs.chmodSync(dataDir, (own.mode & 0o7777) | 0o001);
    log?.(`gave ${dataDir} o+x so the embedded PostgreSQL (user postgres) can reach its cluster; its files stay unreadable to others`);
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres" and cannot pass through ${dir} ` +
          `(mode ${(mode & 0o777).toString(8)}) to reach ${dataDir}. Run \`chmod o+x ${dir}\`, choose a DATA_DIR ` +
          'outside it, or point DATABASE_URL at a PostgreSQL of your own.',
      );
    }
    if (path.dirname(dir) === dir) break;
  }
}
