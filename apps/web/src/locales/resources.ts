import type { Resource } from 'i18next';
import type { Language } from '../lib/languages';
import en from './en.json';
import es from './es.json';
import ja from './ja.json';
import ko from './ko.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';

/**
 * Every interface language's catalogue. All are bundled (about 30 kB each before
 * compression) so switching language is instant and works offline.
 */
export const CATALOGUES: Record<Language, object> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  ja,
  ko,
  es,
};

/** The catalogues in the shape i18next.init expects. */
export const resources: Resource = Object.fromEntries(Object.entries(CATALOGUES).map(([language, translation]) => [language, { translation }])) as Resource;
