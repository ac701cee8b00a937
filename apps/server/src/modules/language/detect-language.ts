import { eld } from 'eld/extrasmall';
import { LATIN_LANGUAGES, SHARED_SCRIPT_LANGUAGES, SINGLE_SCRIPT_LANGUAGES } from './content-languages.js';

// Offline language detection of what people write. Short and mixed text is the
// norm here ("你好 from Ohio 🐱 #TikTokRefugee"), and n-gram models are weak on
// it, so a Unicode-script pass decides first: most scripts are one language in
// practice (Han without kana is Chinese, Hangul Korean, Thai Thai...), and the
// model (ELD, an n-gram detector far more accurate than franc on short text)
// only chooses among the languages that share a script (Latin, Cyrillic,
// Arabic, Devanagari). What is not language (hashtags, @mentions, links, emoji,
// digits) is removed before anything is counted. ELD has one tag for Malay and
// Indonesian ('ms', the ISO macrolanguage); an author can correct it to 'id'.

export interface DetectedLanguage {
  /** ISO 639-1 (one of CONTENT_LANGUAGES), or null when unknown. */
  language: string | null;
  /** In [0, 1]; below MIN_CONFIDENCE the language is reported as null. */
  confidence: number;
}

/**
 * Below this a guess is treated as unknown. At 0.5 a Latin-script text needs
 * about a dozen letters and a clear lead over the next language ("Cats are the
 * best" passes, "so good" does not); two Han characters ("你好") are enough.
 */
export const MIN_CONFIDENCE = 0.5;

/** Only this much of a text is read (UTF-16 units): its beginning tells the language, and detection stays fast on any length. */
export const MAX_SCAN_CHARS = 2000;

/**
 * A CJK character carries about as much text as two or three Latin letters, so
 * letters are weighted by script before the dominant script is chosen.
 */
const LETTER_WEIGHT: Readonly<Record<string, number>> = { Han: 3, Japanese: 2, Hangul: 2 };
/** Weighted letters at which a one-language script is fully trusted. */
const SCRIPT_FULL_WEIGHT = 12;
/** Letters at which the model's choice is trusted as far as its lead allows. */
const MODEL_FULL_LETTERS: Readonly<Record<ModelScript, number>> = { Latin: 20, Cyrillic: 12, Arabic: 12, Devanagari: 12 };
/**
 * English is by far the most written Latin-script language here, and on short
 * English text the model's runner-up (Tagalog, Danish) is often a hair ahead;
 * a small prior settles those near-ties. The lead it leaves is small, so the
 * confidence stays honest.
 */
const PRIOR: Readonly<Record<string, number>> = { en: 0.04 };
/** Japanese mixes kanji and kana; Chinese text borrowing a "の" stays Chinese. */
const MIN_KANA_SHARE = 0.2;

type ModelScript = 'Latin' | keyof typeof SHARED_SCRIPT_LANGUAGES;
const MODEL_CANDIDATES: Readonly<Record<ModelScript, readonly string[]>> = { Latin: LATIN_LANGUAGES, ...SHARED_SCRIPT_LANGUAGES };

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Oriya', /\p{Script=Oriya}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

/** Everything but the letters of one script, blanked before the model reads the text. */
const NOT_SCRIPT: Readonly<Record<ModelScript, RegExp>> = {
  Latin: /[^\p{Script=Latin}\p{M}']+/gu,
  Cyrillic: /[^\p{Script=Cyrillic}\p{M}']+/gu,
  Arabic: /[^\p{Script=Arabic}\p{M}]+/gu,
  Devanagari: /[^\p{Script=Devanagari}\p{M}]+/gu,
};

const NOT_LANGUAGE: readonly RegExp[] = [
  /\b(?:https?:\/\/|www\.)\S+/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}\p{N}.-]+/gu,
  /#[\p{L}\p{M}\p{N}_]+#?/gu,
  /@[\p{L}\p{N}_]+/gu,
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point is stripped on its own, joiners included
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]/gu,
];

const LETTER = /\p{L}/u;

const UNKNOWN: DetectedLanguage = { language: null, confidence: 0 };

/** The beginning of a text without hashtags, mentions, links, e-mail addresses and emoji. */
export function languageText(text: string): string {
  let result = text.slice(0, MAX_SCAN_CHARS);
  for (const pattern of NOT_LANGUAGE) result = result.replace(pattern, ' ');
  return result;
}

function scriptOf(char: string): string {
  for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) return name;
  return 'Other';
}

/** Weighted letter counts per script, kanji counted as Japanese when enough kana surround them. */
function weightedLetters(text: string): Map<string, { letters: number; weight: number }> {
  const counts = new Map<string, number>();
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    const script = scriptOf(char);
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const han = counts.get('Han') ?? 0;
  const kana = counts.get('Japanese') ?? 0;
  const japanese = kana > 0 && kana / (han + kana) >= MIN_KANA_SHARE;
  const result = new Map<string, { letters: number; weight: number }>();
  for (const [script, letters] of counts) {
    if (japanese && script === 'Han') continue;
    const weight = letters * (LETTER_WEIGHT[script] ?? 1) + (japanese && script === 'Japanese' ? han * LETTER_WEIGHT.Han! : 0);
    result.set(script, { letters: japanese && script === 'Japanese' ? letters + han : letters, weight });
  }
  return result;
}

/** The model among one script's languages; sure in proportion to the text's length and the winner's lead. */
function modelGuess(text: string, script: ModelScript, letters: number): DetectedLanguage {
  const candidates = MODEL_CANDIDATES[script];
  const scores = eld.detect(text.replace(NOT_SCRIPT[script], ' ').trim()).getScores();
  const ranked = Object.entries(scores)
    .filter(([language]) => candidates.includes(language))
    .map(([language, score]): [string, number] => [language, score + (PRIOR[language] ?? 0)])
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return UNKNOWN;
  const lead = second ? best[1] - second[1] : best[1];
  // Within Latin many languages compete and a lead of 0.15 is clear; within
  // Cyrillic, Arabic or Devanagari a few close relatives compete and leads are small.
  const leadFactor = script === 'Latin' ? Math.min(1, 0.5 + 3 * lead) : Math.min(1, 0.75 + 10 * lead);
  const lengthFactor = Math.min(1, letters / MODEL_FULL_LETTERS[script]);
  return { language: best[0], confidence: leadFactor * lengthFactor };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = languageText(text);
  const counts = weightedLetters(cleaned);
  let total = 0;
  let dominant: string | undefined;
  for (const [script, { weight }] of counts) {
    total += weight;
    if (!dominant || weight > counts.get(dominant)!.weight) dominant = script;
  }
  if (!dominant || dominant === 'Other' || total < 2) return UNKNOWN;

  const { letters, weight } = counts.get(dominant)!;
  const guess =
    dominant in NOT_SCRIPT
      ? modelGuess(cleaned, dominant as ModelScript, letters)
      : { language: SINGLE_SCRIPT_LANGUAGES[dominant] ?? null, confidence: Math.min(1, weight / SCRIPT_FULL_WEIGHT) };
  // Mixed text: the other scripts' share makes the guess less sure.
  const confidence = round(guess.confidence * (weight / total));
  return { language: guess.language !== null && confidence >= MIN_CONFIDENCE ? guess.language : null, confidence };
}
