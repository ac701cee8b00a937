import { sql } from 'kysely';
import type { ErasureCompaction } from '../../config/privacy-rights-config.js';
import type { Db } from '../../db/database.js';

// A DELETE only marks tuples dead: the bytes stay in the heap, its indexes,
// TOAST and the WAL until the space is reused. What it took, measured on the
// embedded cluster (privacy/deletion.test.ts greps every file of it):
// - plain VACUUM frees the space but leaves old bytes in the pages' free
//   space (heap and btree), so a handle stays findable until it is overwritten;
// - VACUUM FULL rewrites each table and its indexes into new files and drops
//   the old ones: the bytes are gone from the data files;
// - ANALYZE keeps sample values (most common values, histogram bounds) in
//   pg_statistic, so the touched tables are analysed again and pg_statistic rewritten;
// - the WAL holds the deleted rows (full-page images) until its segments go:
//   pg_switch_wal() closes the current segment and CHECKPOINT removes the
//   old ones (with wal_recycle = off they are unlinked, not renamed and kept).
// VACUUM FULL holds an exclusive lock on each table while it rewrites it: on a
// small embedded install that is well under a second per table; a large
// PostgreSQL uses ERASURE_COMPACTION=vacuum or off and relies on its backup
// retention window and crypto-shredding instead (see README).

/** Tables an erasure writes to (the cascades included). */
export const ERASURE_TABLES = [
  'users',
  'notes',
  'comments',
  'comment_likes',
  'likes',
  'collects',
  'boards',
  'follows',
  'blocks',
  'mutes',
  'sessions',
  'phone_codes',
  'notifications',
  'note_topics',
  'note_mentions',
  'topic_participants',
  'reports',
  'translations',
  'images',
  'videos',
  'events',
  'data_exports',
  'account_deletions',
  'rec_affinity',
  'rec_user_topics',
  'rec_pools',
  'rec_seen',
  'rec_served',
  'not_interested',
  'follow_requests',
  // The wrapped data key itself: compacted away, old pages cannot give it back (crypto-shredding).
  'user_data_keys',
  'staff_access_log',
  'phone_lookup_budgets',
  'sign_in_devices',
  'pending_sign_ins',
  'user_totp',
  'totp_recovery_codes',
] as const;

export interface ErasureCompactor {
  compact(): Promise<{ mode: ErasureCompaction; ms: number; warning?: string }>;
}

export function createErasureCompactor(db: Db, mode: ErasureCompaction, log: (message: string, error?: unknown) => void): ErasureCompactor {
  return {
    async compact() {
      const started = performance.now();
      if (mode === 'off') return { mode, ms: 0 };
      const existing = await sql<{ name: string }>`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r' and c.relname = any(${sql.val([...ERASURE_TABLES])}::text[])`.execute(db);
      const tables = existing.rows.map((row) => sql.table(row.name));
      // VACUUM runs outside a transaction; each statement on the pool is its own.
      if (mode === 'vacuum-full') await sql`vacuum (full, analyze) ${sql.join(tables)}`.execute(db);
      else await sql`vacuum (analyze) ${sql.join(tables)}`.execute(db);
      let warning: string | undefined;
      try {
        if (mode === 'vacuum-full') await sql`vacuum full pg_catalog.pg_statistic`.execute(db);
        await sql`select pg_switch_wal()`.execute(db);
        await sql`checkpoint`.execute(db);
      } catch (error) {
        // An outside PostgreSQL may not grant these to the app's role: the data files are compacted, the WAL ages out on its own.
        warning = 'could not rewrite pg_statistic or switch the WAL (needs a superuser or pg_checkpoint)';
        log(warning, error);
      }
      return { mode, ms: Math.round(performance.now() - started), ...(warning ? { warning } : {}) };
    },
  };
}
