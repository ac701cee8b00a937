import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as accounts from './migrations/2026-11-24T20-40-00Z-accounts.js';
import * as notesSocial from './migrations/2026-11-24T21-00-00Z-notes-social.js';
import * as social from './migrations/2026-11-24T21-30-00Z-social.js';
import * as commentOrder from './migrations/2026-11-24T21-45-00Z-comment-order-indexes.js';
import * as events from './migrations/2026-11-24T22-00-00Z-events.js';
import * as videos from './migrations/2026-11-24T22-05-00Z-videos.js';
import * as languages from './migrations/2026-11-25T00-00-00Z-languages.js';
import * as translations from './migrations/2026-11-25T00-10-00Z-translations.js';
import * as recommender from './migrations/2026-11-25T01-00-00Z-recommender.js';
import * as moderationLabels from './migrations/2026-12-07T06-00-00Z-moderation-labels.js';
import * as moderationCases from './migrations/2026-12-07T07-00-00Z-moderation-cases.js';
import * as floodDefences from './migrations/2026-12-07T08-00-00Z-flood-defences.js';
import * as personalDataVault from './migrations/2026-12-07T09-00-00Z-personal-data-vault.js';
import * as exportDeletion from './migrations/2026-12-07T10-00-00Z-export-deletion.js';
import * as privacyCircles from './migrations/2026-12-07T11-00-00Z-privacy-circles.js';
import * as sessionDevices from './migrations/2026-12-07T12-00-00Z-session-devices.js';
import * as twoFactor from './migrations/2026-12-07T12-10-00Z-two-factor.js';
import * as signInChallenges from './migrations/2026-12-07T12-20-00Z-sign-in-challenges.js';
import * as imageUploadBudget from './migrations/2026-12-07T13-00-00Z-image-upload-budget.js';
import * as precomputedPools from './migrations/2026-12-07T15-30-00Z-precomputed-pools.js';
import * as notesAuthorCovering from './migrations/2026-12-07T16-00-00Z-notes-author-covering.js';

// Listed explicitly (not read from disk) so migrations work the same under tsx,
// Vitest and a bundler. Names are UTC timestamps; order is by name.
const migrations: Record<string, Migration> = {
  '2026-11-24T20-40-00Z-accounts': accounts,
  '2026-11-24T21-00-00Z-notes-social': notesSocial,
  '2026-11-24T21-30-00Z-social': social,
  '2026-11-24T21-45-00Z-comment-order-indexes': commentOrder,
  '2026-11-24T22-00-00Z-events': events,
  '2026-11-24T22-05-00Z-videos': videos,
  '2026-11-25T00-00-00Z-languages': languages,
  '2026-11-25T00-10-00Z-translations': translations,
  '2026-11-25T01-00-00Z-recommender': recommender,
  '2026-12-07T06-00-00Z-moderation-labels': moderationLabels,
  '2026-12-07T07-00-00Z-moderation-cases': moderationCases,
  '2026-12-07T08-00-00Z-flood-defences': floodDefences,
  '2026-12-07T09-00-00Z-personal-data-vault': personalDataVault,
  '2026-12-07T10-00-00Z-export-deletion': exportDeletion,
  '2026-12-07T11-00-00Z-privacy-circles': privacyCircles,
  '2026-12-07T12-00-00Z-session-devices': sessionDevices,
  '2026-12-07T12-10-00Z-two-factor': twoFactor,
  '2026-12-07T12-20-00Z-sign-in-challenges': signInChallenges,
  '2026-12-07T13-00-00Z-image-upload-budget': imageUploadBudget,
  '2026-12-07T15-30-00Z-precomputed-pools': precomputedPools,
  '2026-12-07T16-00-00Z-notes-author-covering': notesAuthorCovering,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Branches get timestamp slots when they start and merge in any order, so a database may
  // have run a later slot before an earlier one arrives; the slots touch different things.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
