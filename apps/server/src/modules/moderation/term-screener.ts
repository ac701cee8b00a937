import type { Config } from '../../config/config.js';
import type { TermScreener } from './content-screening.js';
import { compileTermRules } from './screening/compile-rules.js';
import { screenText } from './screening/screen-text.js';

/** The term screener from config: the rules compiled once, every rulebook's rules applied (the gate scopes them). */
export function termScreener(config: Config): TermScreener | null {
  if (!config.moderation.termRules) return null;
  const compiled = compileTermRules(config.moderation.termRules.rules);
  return (text) => screenText(text, compiled).matched.map(({ term, label, action, regions }) => ({ term, label, action, regions }));
}
