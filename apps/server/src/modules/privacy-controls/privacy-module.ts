import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { FollowRequestsService } from './follow-requests-service.js';
import { PrivacySettingsService } from './privacy-settings-service.js';
import { privacyRoutes } from './privacy-routes.js';

// Privacy controls (issue 12, item 4): the switches, follow requests, and
// clearing the watch history. What they decide is read by the one visibility
// decision (kernel/visibility.ts) on every read path.

export async function registerPrivacyControls(
  api: ApiApp,
  deps: {
    db: Db;
    clock: () => Date;
    onAccountChange: (userId: string) => void;
    onPrivateChange: () => void;
    /** Writes the recommender's buffered served log, so clearing catches all of it. */
    flushServed: () => Promise<void>;
  },
): Promise<void> {
  const { db, clock, onAccountChange } = deps;
  const settings = new PrivacySettingsService(db, { onAccountChange, onPrivateChange: deps.onPrivateChange });
  const requests = new FollowRequestsService(db, onAccountChange);
  await privacyRoutes(api, {
    db,
    settings,
    requests,
    clock,
    beforeClear: async () => deps.flushServed(),
    afterClear: onAccountChange,
  });
}
