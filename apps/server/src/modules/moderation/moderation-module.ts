import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { MediaStorage } from '../media/media-storage.js';
import type { TranslationService } from '../translation/translation-service.js';
import type { ActionsService } from './actions-service.js';
import type { ImageScreening } from './images/image-screening.js';
import { AppealsService } from './appeals-service.js';
import { CasesService } from './cases-service.js';
import { moderationRoutes } from './moderation-routes.js';
import { moderatorsRoutes } from './moderators-routes.js';
import { ReportsService } from './reports-service.js';
import { reportsRoutes } from './reports-routes.js';
import { TransparencyService } from './transparency-service.js';
import { transparencyRoutes } from './transparency-routes.js';

export interface ModerationModule {
  actions: ActionsService;
  reports: ReportsService;
  cases: CasesService;
  appeals: AppealsService;
  /** The screen-image job's code (workers run it). */
  images: ImageScreening;
}

/** Reports, the moderator console, statements and appeals, transparency, under /api. */
export async function registerModeration(
  api: ApiApp,
  deps: {
    config: Config;
    db: Db;
    storage: MediaStorage;
    /** Built by the app first: the content gate (screening) applies actions too. */
    actions: ActionsService;
    images: ImageScreening;
    translation: TranslationService;
    clock: () => Date;
    /** A moderator's role changed: cached sessions must go. */
    onAccountChange: (userId: string) => void;
  },
): Promise<ModerationModule> {
  const { config, db, clock } = deps;
  const policy = config.moderation.policy;
  const { actions } = deps;
  const reports = new ReportsService(db, policy);
  const cases = new CasesService(db, deps.storage);
  const appeals = new AppealsService(db, actions);
  await reportsRoutes(api, { reports, appeals, clock });
  await moderationRoutes(api, { db, policy, cases, actions, appeals, translation: deps.translation, clock });
  await moderatorsRoutes(api, { db, policy, clock, onRoleChange: deps.onAccountChange });
  await transparencyRoutes(api, { transparency: new TransparencyService(db, policy), clock });
  return { actions, reports, cases, appeals, images: deps.images };
}
