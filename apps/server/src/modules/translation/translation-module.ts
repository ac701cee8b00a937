import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { createProviders, setupHelp } from './create-providers.js';
import { translationRoutes } from './translation-routes.js';
import { TranslationService } from './translation-service.js';

/** The translation service from config, and its routes under /api. */
export async function registerTranslation(
  api: ApiApp,
  deps: { config: Config; db: Db; hydrator: NoteHydrator; rateLimiter: RateLimiter; clock: () => Date },
): Promise<TranslationService> {
  const { config } = deps;
  const translation = new TranslationService({
    db: deps.db,
    hydrator: deps.hydrator,
    providers: createProviders(config.translation),
    rateLimiter: deps.rateLimiter,
    settings: config.translation,
    clock: deps.clock,
    log: (message, details) => api.log.warn(details, message),
  });
  await translationRoutes(api, { translation, setupHelp: setupHelp(config.translation) });
  return translation;
}
