import type { Config } from '../../config/config.js';
import type { TermScreener } from './content-screening.js';

// The term screener from config. Filled in by the screening engine (screening/);
// without MODERATION_TERMS_FILE there is nothing to match.
export function termScreener(config: Config): TermScreener | null {
  if (!config.moderation.termRules) return null;
  return null;
}
