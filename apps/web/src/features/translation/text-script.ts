import { baseLanguage, viewerReadLanguages } from './translation-rules';

/**
 * The writing system of a short text such as a topic name, which is too short for
 * language detection but whose script says enough to know whether a reader can read it.
 */
export type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'arabic' | 'thai' | 'devanagari' | 'greek' | 'hebrew';

const SCRIPTS: readonly [Script, RegExp][] = [
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['han', /\p{Script=Han}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/**
 * The script most letters of the text are written in; null when it has no letters.
 * Any kana makes a text Japanese even when most characters are kanji.
 */
export function dominantScript(text: string): Script | null {
  const counts = new Map<Script, number>();
  for (const char of text) {
    const match = SCRIPTS.find(([, pattern]) => pattern.test(char));
    if (match) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  if ((counts.get('kana') ?? 0) > 0) return 'kana';
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

const LANGUAGE_SCRIPTS: Record<string, readonly Script[]> = {
  zh: ['han'],
  ja: ['kana', 'han'],
  ko: ['hangul'],
  ru: ['cyrillic'],
  uk: ['cyrillic'],
  ar: ['arabic'],
  fa: ['arabic'],
  th: ['thai'],
  hi: ['devanagari'],
  el: ['greek'],
  he: ['hebrew'],
};

/** The scripts a reader of a language can read (Latin by default). */
export function scriptsOfLanguage(code: string): readonly Script[] {
  return LANGUAGE_SCRIPTS[baseLanguage(code)] ?? ['latin'];
}

/** A topic name gets a translated gloss when it is written in a script the viewer does not read. */
export function needsGloss(name: string, readLanguages: readonly string[], locale: string): boolean {
  const script = dominantScript(name);
  if (!script) return false;
  return !viewerReadLanguages(readLanguages, locale).some((language) => scriptsOfLanguage(language).includes(script));
}
