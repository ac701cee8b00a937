import { type Env, int, oneOf } from './env-values.js';

// Download my data and delete my account: how long things wait, and what the
// erasure does so deleted bytes leave the database's files.

export type ErasureCompaction = 'vacuum-full' | 'vacuum' | 'off';

export interface PrivacyRightsConfig {
  /** Days between a deletion request and the erasure; signing in meanwhile cancels it. */
  deletionGraceDays: number;
  /** A delete_account SMS code older than this (seconds) no longer confirms a deletion. */
  deletionCodeMaxAgeSeconds: number;
  /** Days an export's download link works; the zip is deleted after. */
  exportTtlDays: number;
  /** Hours between two exports of one person. */
  exportEveryHours: number;
  /**
   * After an erasure: vacuum-full rewrites the touched tables (dead tuples, index entries and
   * TOAST gone from the files), then switches and checkpoints the WAL so old segments go;
   * vacuum only marks the space free (bytes stay until reused); off leaves it to autovacuum.
   */
  erasureCompaction: ErasureCompaction;
}

export function privacyRightsConfig(env: Env): PrivacyRightsConfig {
  return {
    deletionGraceDays: int(env, 'DELETION_GRACE_DAYS', 30, 0),
    deletionCodeMaxAgeSeconds: 10 * 60,
    exportTtlDays: int(env, 'EXPORT_TTL_DAYS', 7, 1),
    exportEveryHours: int(env, 'EXPORT_EVERY_HOURS', 24, 0),
    // The embedded install is small: a full rewrite takes seconds and is the only way the bytes go.
    erasureCompaction: oneOf(env, 'ERASURE_COMPACTION', ['vacuum-full', 'vacuum', 'off'] as const, env.DATABASE_URL ? 'vacuum' : 'vacuum-full'),
  };
}
